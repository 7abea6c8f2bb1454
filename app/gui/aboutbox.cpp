#include "app/gui/aboutbox.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

namespace AboutBox {

QIcon applicationIcon()
{
    return QIcon::fromTheme(QStringLiteral(SESSIONSCOPE_APP_ID),
                            QIcon(QStringLiteral(":/icons/sessionscope.svg")));
}

void addHelpMenu(QMainWindow &window)
{
    QMenu *help = window.menuBar()->addMenu(QCoreApplication::translate("AboutBox", "&Help"));
    QAction *about =
        help->addAction(QCoreApplication::translate("AboutBox", "&About Sessionscope"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, &window, [&window] { show(window); });
    QAction *aboutQt = help->addAction(QCoreApplication::translate("AboutBox", "About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

QMessageBox *show(QMainWindow &window)
{
    // open(), not exec(): the window goes on updating (live mode, playback) behind the box.
    auto *box = new QMessageBox(&window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(QCoreApplication::translate("AboutBox", "About Sessionscope"));
    box->setIconPixmap(applicationIcon().pixmap(96, 96));
    box->setTextFormat(Qt::PlainText);
    box->setText(QCoreApplication::translate("AboutBox", "Sessionscope %1")
                     .arg(QApplication::applicationVersion()));
    box->setInformativeText(
        QCoreApplication::translate(
            "AboutBox",
            "Browse, hear and cost the calls of your voice characters.\n\nBuilt with Qt "
            "%1, running on Qt %2.")
            .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->setAccessibleName(QCoreApplication::translate("AboutBox", "About Sessionscope"));
    box->setAccessibleDescription(box->text() + u'\n' + box->informativeText());
    box->button(QMessageBox::Close)
        ->setAccessibleDescription(QCoreApplication::translate("AboutBox", "Closes this box"));
    box->open();
    return box;
}

} // namespace AboutBox
