#include "ui/store/storewiring.h"
#include "models/storesynccontroller.h"
#include "ui/mainwindow.h"
#include "ui/store/openstoredialog.h"
#include "ui/store/storepage.h"
#include "ui/store/storesearchpanel.h"
#include "ui/store/storesyncbar.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>

namespace {
QString lastSyncText(qint64 micros)
{
    if (micros < 0)
        return QObject::tr("Store never synced");
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(micros / 1000).toLocalTime();
    return QObject::tr("Last sync %1").arg(QLocale().toString(at, QLocale::ShortFormat));
}
} // namespace

namespace StoreWiring {

void install(MainWindow &window, StorePage *page, QSettings &settings, StoreSyncController *sync)
{
    window.addPage(page, QObject::tr("S&tore"),
                   QObject::tr("The sessions kept in the local store (Ctrl+3)"));
    StoreBrowser *browser = page->browser();

    auto *open = new QAction(QObject::tr("Open &store…"), &window);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    window.fileMenu()->insertAction(window.quitAction(), open);
    window.fileMenu()->insertSeparator(window.quitAction());
    QObject::connect(open, &QAction::triggered, &window, [&window, page, browser] {
        OpenStoreDialog dialog(browser->argument(), &window);
        if (dialog.exec() == QDialog::Accepted && !dialog.argument().isEmpty())
            openStore(window, page, dialog.argument());
    });
    auto *show = new QAction(QObject::tr("Store"), &window);
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    window.addAction(show);
    QObject::connect(show, &QAction::triggered, &window,
                     [&window, page] { window.showPage(page); });
    auto *search = new QAction(QObject::tr("Search the store"), &window);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    window.addAction(search);
    QObject::connect(search, &QAction::triggered, &window, [&window, page] {
        window.showPage(page);
        page->searchPanel()->focusSearch();
    });

    // Remembered only once it opened: a typo is not reopened at every start.
    QObject::connect(browser, &StoreBrowser::opened, &window,
                     [browser, &settings](bool ok, const QString &) {
                         if (ok) {
                             settings.setValue(DatabaseKey, browser->argument());
                             settings.sync();
                         }
                     });
    auto *lastSync = new QLabel(&window);
    lastSync->setObjectName(QStringLiteral("lastSync"));
    window.statusBar()->addPermanentWidget(lastSync);
    QObject::connect(browser, &StoreBrowser::lastSyncRead, lastSync,
                     [lastSync](qint64 micros) { lastSync->setText(lastSyncText(micros)); });
    if (sync) {
        auto *syncAction = new QAction(QObject::tr("S&ync store"), &window);
        syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        syncAction->setEnabled(false);
        window.fileMenu()->insertAction(open, syncAction);
        QObject::connect(browser, &StoreBrowser::opened, syncAction, [syncAction, sync](bool ok) {
            syncAction->setEnabled(ok && !sync->isRunning());
        });
        QObject::connect(syncAction, &QAction::triggered, sync, &StoreSyncController::start);
        QObject::connect(sync, &StoreSyncController::started, syncAction,
                         [syncAction] { syncAction->setEnabled(false); });
        QObject::connect(sync, &StoreSyncController::finished, &window,
                         [&window, syncAction, browser](bool, const QString &message) {
                             syncAction->setEnabled(browser->isOpen());
                             window.statusBar()->showMessage(message, 15000);
                         });
        page->addPanel(new StoreSyncBar(sync));
    }
    page->setTimeZone(window.timeZone());
    QObject::connect(&window, &MainWindow::timeZoneChanged, page, &StorePage::setTimeZone);
}

void openStore(MainWindow &window, StorePage *page, const QString &argument)
{
    window.showPage(page);
    page->browser()->open(argument);
}

bool openAtStart(MainWindow &window, StorePage *page, QSettings &settings,
                 const QString &commandLine)
{
    if (!commandLine.isEmpty()) {
        openStore(window, page, commandLine);
        return true;
    }
    const QString last = settings.value(DatabaseKey).toString();
    if (!last.isEmpty())
        page->browser()->open(last);
    return false;
}

} // namespace StoreWiring
