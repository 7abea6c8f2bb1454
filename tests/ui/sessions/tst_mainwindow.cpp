#include "api/recordingfetcher.h"
#include "models/authsession.h"
#include "models/playbackcontroller.h"
#include "models/secretstore.h"
#include "models/sessiontablemodel.h"
#include "tests/models/modeltestfixture.h"
#include "ui/mainwindow.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptfindbar.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int Timeout = 60000;
}

/// The window as a user drives it: keys, opening and stepping through sessions, and what
/// survives a restart.
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc());
        m_server = std::make_unique<DemoServer>(demoOptions(now));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_stack = std::make_unique<ClientStack>(*m_server);
        m_settingsFile = m_dir.filePath(QStringLiteral("%1.ini").arg(++m_run));
    }

    void keyboardOpensStepsAndCloses()
    {
        Shown shown(*m_stack, m_settingsFile);
        QVERIFY(QTest::qWaitForWindowActive(&shown.window));
        SessionTableModel &model = shown.model;
        MainWindow &window = shown.window;
        window.sessionsPage()->applyFilters();
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), SessionTableModel::Status::Ready, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!model.index(1, 0).data(SessionTableModel::LoadingRole).toBool(),
                                 Timeout);

        SessionTableView *table = window.sessionsPage()->table();
        QSignalSpy opened(&window, &MainWindow::sessionOpened);
        table->setFocus();
        table->setCurrentIndex(model.index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, Timeout);
        QVERIFY(window.isSessionOpen());
        const auto first = opened.last().first().value<SessionSummary>();
        QCOMPARE(first.sessionId, m_server->dataset().sessions().at(0).sessionId);

        QTest::keyClick(&window, Qt::Key_J); // next session
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, Timeout);
        QCOMPARE(opened.last().first().value<SessionSummary>().sessionId,
                 m_server->dataset().sessions().at(1).sessionId);
        QTest::keyClick(&window, Qt::Key_K); // and back
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 3, Timeout);
        QCOMPARE(opened.last().first().value<SessionSummary>().sessionId, first.sessionId);

        QTest::keyClick(&window, Qt::Key_Escape); // back to the list, where it was
        QVERIFY(!window.isSessionOpen());
        QCOMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(&window, Qt::Key_J); // J does nothing while no session is open
        QCOMPARE(opened.size(), 3);
    }

    void spacePlaysAfterEnter()
    {
        Shown shown(*m_stack, m_settingsFile);
        QVERIFY(QTest::qWaitForWindowActive(&shown.window));
        SessionTableModel &model = shown.model;
        MainWindow &window = shown.window;
        window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), Timeout);
        SessionTableView *table = window.sessionsPage()->table();
        QSignalSpy playPause(&window, &MainWindow::playPauseRequested);
        table->setFocus();
        table->setCurrentIndex(model.index(0, 0));
        // No session open: Space is the list's own.
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(playPause.size(), 0);
        // Enter opens the session and leaves the keyboard in the list; Space plays it.
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.isSessionOpen(), Timeout);
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(playPause.size(), 1);
        // In a text field a space is a space.
        auto *field = window.sessionsPage()->filterBar()->findChild<QLineEdit *>();
        QVERIFY(field);
        field->setFocus();
        const QString before = field->text();
        QTest::keyClick(field, Qt::Key_Space);
        QCOMPARE(playPause.size(), 1);
        QCOMPARE(field->text(), before + QLatin1Char(' '));
    }

    void paneOpensWideAndKeepsItsWidth()
    {
        {
            QSettings settings(m_settingsFile, QSettings::IniFormat);
            settings.setValue(QStringLiteral("window/paneWidth"), 700);
        }
        Shown shown(*m_stack, m_settingsFile);
        MainWindow &window = shown.window;
        window.restoreSettings();
        window.resize(1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(shown.model.isRowLoaded(0), Timeout);
        window.openSession(
            shown.model.index(0, 0).data(SessionTableModel::SessionRole).value<SessionSummary>());
        QTRY_COMPARE(window.sessionPane()->parentWidget()->width(), 700);
        QCOMPARE(window.paneWidth(), 700);
        window.saveSettings();
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("window/paneWidth")).toInt(), 700);
    }

    void shortcutsReachTheirTargets()
    {
        Shown shown(*m_stack, m_settingsFile);
        QVERIFY(QTest::qWaitForWindowActive(&shown.window));
        SessionTableModel &model = shown.model;
        MainWindow &window = shown.window;
        QSignalSpy connection(&window, &MainWindow::connectionRequested);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(connection.size(), 1);

        window.sessionsPage()->applyFilters();
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), SessionTableModel::Status::Ready, Timeout);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(reset.size() >= 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), SessionTableModel::Status::Ready, Timeout);

        // The list has the focus when the window opens; Ctrl+F takes it to the filters.
        QCOMPARE(QApplication::focusWidget(), window.sessionsPage()->table());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.sessionsPage()->filterBar()->isAncestorOf(QApplication::focusWidget()));
    }

    void findGoesToWhereTheFocusIs()
    {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        SessionTableModel model(&m_stack->fetcher);
        RecordingFetcher recordings;
        MainWindow window(&model, settings);
        auto *pane = new SessionPane(
            new PlaybackController(new MediaPlayerBackend, &recordings, &m_stack->client));
        window.setSessionPane(pane);
        connect(&window, &MainWindow::sessionOpened, pane, &SessionPane::showSession);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(0), Timeout);
        window.openSession(
            model.index(0, 0).data(SessionTableModel::SessionRole).value<SessionSummary>());
        // In the open session, Ctrl+F finds in its transcript; in the list, it goes to the filters.
        pane->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(pane->findBar()->isVisible());
        // Esc while finding closes the find bar, not the session; the next Esc closes the session.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!pane->findBar()->isVisible());
        QVERIFY(window.isSessionOpen());
        window.sessionsPage()->table()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.sessionsPage()->filterBar()->isAncestorOf(QApplication::focusWidget()));
    }

    void stateSurvivesARestart()
    {
        const QTimeZone berlin("Europe/Berlin");
        {
            QSettings settings(m_settingsFile, QSettings::IniFormat);
            SessionTableModel model(&m_stack->fetcher);
            MainWindow window(&model, settings);
            window.restoreSettings();
            window.resize(1234, 777);
            window.show();
            window.setTimeZone(berlin);
            FilterBar *filters = window.sessionsPage()->filterBar();
            filters->setCharacter(QStringLiteral("support-bot"));
            filters->setPreset(FilterBar::Preset::Last7Days);
            filters->apply();
            window.saveSettings();
        }
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        SessionTableModel model(&m_stack->fetcher);
        MainWindow window(&model, settings);
        window.restoreSettings();
        QCOMPARE(window.timeZone(), berlin);
        QCOMPARE(window.checkedTimeZoneEntry(), QStringLiteral("Other: Europe/Berlin…"));
        window.setTimeZone(QTimeZone::utc());
        QCOMPARE(window.checkedTimeZoneEntry(), QStringLiteral("UTC"));
        window.setTimeZone({});
        QCOMPARE(window.checkedTimeZoneEntry(), QStringLiteral("Local time"));
        window.setTimeZone(berlin);
        QCOMPARE(window.size(), QSize(1234, 777));
        const FilterBar *filters = window.sessionsPage()->filterBar();
        QCOMPARE(filters->character(), QStringLiteral("support-bot"));
        QCOMPARE(filters->preset(), FilterBar::Preset::Last7Days);
        QCOMPARE(filters->timeZone(), berlin);
    }

    void settingsHoldNoSecret()
    {
        const QString key = QStringLiteral("sk_settingsleakcheck0123456789");
        {
            QSettings settings(m_settingsFile, QSettings::IniFormat);
            MemorySecretStore secrets;
            AuthSession auth(&m_stack->client, &secrets);
            auth.useApiKey(m_server->apiBaseUrl(), key, true);
            SessionTableModel model(&m_stack->fetcher);
            MainWindow window(&model, settings);
            window.show();
            window.sessionsPage()->applyFilters();
            QTRY_VERIFY_WITH_TIMEOUT(model.status() == SessionTableModel::Status::Failed ||
                                         model.status() == SessionTableModel::Status::Ready,
                                     Timeout);
            window.saveSettings();
        }
        QFile file(m_settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(key.toUtf8()));
        QVERIFY(!bytes.contains(m_server->staffApiKey().toUtf8()));
    }

private:
    /// A window over the demo, shown and active, its model checked by the tester.
    struct Shown
    {
        Shown(ClientStack &stack, const QString &settingsFile)
            : settings(settingsFile, QSettings::IniFormat)
            , model(&stack.fetcher)
            , tester(&model)
            , window(&model, settings)
        {
            window.show();
            window.activateWindow();
        }
        QSettings settings;
        SessionTableModel model;
        QAbstractItemModelTester tester;
        MainWindow window;
    };

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    QTemporaryDir m_dir;
    QString m_settingsFile;
    int m_run = 0;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
