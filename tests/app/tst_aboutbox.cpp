#include "app/gui/aboutbox.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QTest>

// The window's icon and Help ▸ About Sessionscope: the icon compiled into the program is there
// and renders, and the About box shows the version and the icon without blocking the window.
class TestAboutBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QApplication::setApplicationVersion(QStringLiteral("9.8.7")); }

    void iconIsCompiledIn()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/icons/sessionscope.svg")));
        const QIcon icon = AboutBox::applicationIcon();
        QVERIFY(!icon.isNull());
        for (const int size : {16, 48, 256}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            // The rounded square's navy, not an empty or a placeholder picture.
            QCOMPARE(image.pixelColor(size / 2, size / 8).name(), QStringLiteral("#1d2b45"));
        }
    }

    void aboutShowsVersionAndIcon()
    {
        QMainWindow window;
        AboutBox::addHelpMenu(window);
        window.show();
        QAction *about = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (!menu->menu())
                continue;
            for (QAction *action : menu->menu()->actions()) {
                if (action->text() == u"&About Sessionscope")
                    about = action;
            }
        }
        QVERIFY(about);
        about->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>()) && box->isVisible());
        QCOMPARE(box->text(), QStringLiteral("Sessionscope 9.8.7"));
        QVERIFY(box->informativeText().contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(!box->iconPixmap().isNull());
        QCOMPARE(box->windowModality(), Qt::WindowModal); // open(), not a nested event loop
        // A screen reader names the box, says what it says, and names its button.
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(box);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("About Sessionscope"));
        QVERIFY(iface->text(QAccessible::Description).contains(QStringLiteral("9.8.7")));
        const QList<QAbstractButton *> buttons = box->findChildren<QAbstractButton *>();
        QVERIFY(!buttons.isEmpty());
        for (QAbstractButton *button : buttons) {
            QAccessibleInterface *b = QAccessible::queryAccessibleInterface(button);
            QVERIFY(!b->text(QAccessible::Name).isEmpty());
            QVERIFY(!b->text(QAccessible::Description).isEmpty());
        }
        // Closing deletes it.
        QPointer<QMessageBox> watched(box);
        box->close();
        QTRY_VERIFY(watched.isNull());
    }
};

QTEST_MAIN(TestAboutBox)
#include "tst_aboutbox.moc"
