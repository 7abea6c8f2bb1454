// The session list as a new user meets it: columns that show what they hold, a session ID
// column, going to a session by ID or link, copying a link, a totals bar that never cuts a
// figure, and the server named in the status bar.
#include "models/previousperiodtotals.h"
#include "models/sessionexporter.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "reports/sessionlink.h"
#include "tests/models/modeltestfixture.h"
#include "tests/support/csvrecords.h"
#include "ui/mainwindow.h"
#include "ui/sessions/exportflow.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/sessions/totalsbar.h"
#include "ui/windowwiring.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {
constexpr int Timeout = 60000;
}

class TestSessionList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void columnsFitWhatTheyShow();
    void aUsersWidthsAreKept();
    void sessionIdColumn();
    void charactersByNameWhereTheServerGivesOne();
    void goToSessionTakesAnIdOrALink();
    void copyLinkToSession();
    void totalsNeverCutAFigureAt1024x700();
    void statusBarNamesTheServer();
    void exportWritesWhatTheListShows_data();
    void exportWritesWhatTheListShows();
    void cancelledExportLeavesNoFile();
    void totalsShowTheChangeAgainstThePreviousPeriod();

private:
    /// A window over the demo at a given size, its first page loaded.
    struct Shown
    {
        Shown(ClientStack &stack, const QString &settingsFile, QSize size)
            : settings(settingsFile, QSettings::IniFormat)
            , model(&stack.fetcher)
            , tester(&model)
            , window(&model, settings)
        {
            window.resize(size);
            window.show();
        }
        bool load()
        {
            window.sessionsPage()->applyFilters();
            return QTest::qWaitFor([this] { return model.isRowLoaded(0); }, Timeout);
        }
        [[nodiscard]] SessionTableView *table() const { return window.sessionsPage()->table(); }
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

void TestSessionList::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSessionList::init()
{
    m_stack = std::make_unique<ClientStack>(*m_server);
    m_settingsFile = m_dir.filePath(QStringLiteral("%1.ini").arg(++m_run));
}

void TestSessionList::columnsFitWhatTheyShow()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    QVERIFY(shown.load());
    SessionTableView *table = shown.table();
    // Fitted once the first page is in: every loaded row on screen shows its whole text.
    QTRY_VERIFY_WITH_TIMEOUT(
        table->columnWidth(SessionColumns::Created) >
            table->fontMetrics().horizontalAdvance(
                shown.model.index(0, SessionColumns::Created).data().toString()),
        Timeout);
    const int lastRow = qMin(shown.model.rowCount(), 30) - 1;
    for (const int column : table->visibleColumns()) {
        const int width = table->columnWidth(column);
        const QString title = SessionColumns::title(column);
        QVERIFY2(table->horizontalHeader()->sectionSizeHint(column) <= width, qPrintable(title));
        for (int row = 0; row <= lastRow; ++row) {
            const QString text = shown.model.index(row, column).data().toString();
            QVERIFY2(table->fontMetrics().horizontalAdvance(text) < width,
                     qPrintable(QStringLiteral("%1: \"%2\" in %3 px").arg(title, text).arg(width)));
        }
    }
}

void TestSessionList::aUsersWidthsAreKept()
{
    QVariantMap state;
    {
        Shown shown(*m_stack, m_settingsFile, {1600, 1000});
        shown.table()->setUserSizedColumns(true);
        shown.table()->horizontalHeader()->resizeSection(SessionColumns::Created, 61);
        QVERIFY(shown.load());
        QTRY_VERIFY_WITH_TIMEOUT(shown.model.isRowLoaded(1), Timeout);
        QCOMPARE(shown.table()->columnWidth(SessionColumns::Created), 61);
        state = shown.window.sessionsPage()->saveState();
    }
    Shown again(*m_stack, m_settingsFile, {1600, 1000});
    again.window.sessionsPage()->restoreState(state);
    QVERIFY(again.table()->hasUserSizedColumns());
    QVERIFY(again.load());
    QCOMPARE(again.table()->columnWidth(SessionColumns::Created), 61);

    // A layout saved before the session ID column existed is not applied to the wrong columns.
    Shown older(*m_stack, m_settingsFile, {1600, 1000});
    QVariantMap old = state;
    old.remove(QStringLiteral("columnCount"));
    older.window.sessionsPage()->restoreState(old);
    QVERIFY(!older.table()->hasUserSizedColumns());
}

void TestSessionList::sessionIdColumn()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    QVERIFY(shown.load());
    QCOMPARE(shown.model.headerData(SessionColumns::SessionId, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QStringLiteral("Session ID"));
    QVERIFY(shown.table()->visibleColumns().contains(SessionColumns::SessionId));
    const QModelIndex cell = shown.model.index(0, SessionColumns::SessionId);
    QCOMPARE(cell.data().toString(), m_server->dataset().sessions().at(0).sessionId);
    // Sorting by it keeps the list as it is (IDs carry no order people look for).
    QSignalSpy applied(&shown.model, &SessionTableModel::sortApplied);
    shown.model.sort(SessionColumns::SessionId, Qt::AscendingOrder);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().at(0).toInt(), int(SessionColumns::Created));
    QVERIFY(!shown.model.isSortPending());
}

void TestSessionList::charactersByNameWhereTheServerGivesOne()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    QVERIFY(shown.load());
    const QString slug = shown.model.session(0)->characterSlug;
    const QModelIndex cell = shown.model.index(0, SessionColumns::Character);
    QCOMPARE(cell.data().toString(), slug); // no name known: the slug
    QSignalSpy changed(&shown.model, &QAbstractItemModel::dataChanged);
    shown.model.setCharacterNames({{slug, QStringLiteral("Support Bot")}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("Support Bot"));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), slug);
    QCOMPARE(cell.data(SessionTableModel::SortRole).toString(), slug);
}

void TestSessionList::goToSessionTakesAnIdOrALink()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    ClientStack *stack = m_stack.get();
    SessionOpener opener([stack](const QString &id, QObject *context, SessionOpener::Done done) {
        stack->client.fetchSession(id, context, std::move(done));
    });
    opener.setReady(true);
    WindowWiring::connectSessionOpener(shown.window, &opener);
    QSignalSpy requested(&shown.window, &MainWindow::sessionRequested);
    QSignalSpy opened(&shown.window, &MainWindow::sessionOpened);
    const QString id = m_server->dataset().sessions().at(3).sessionId;

    QVERIFY(!shown.window.goToSession(QStringLiteral("not an id")));
    QCOMPARE(requested.size(), 0);

    // Ctrl+G asks; a pasted link opens its session.
    QVERIFY(QTest::qWaitForWindowExposed(&shown.window));
    shown.window.activateWindow();
    QTest::keyClick(&shown.window, Qt::Key_G, Qt::ControlModifier);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = shown.window.findChild<QInputDialog *>(
                     QStringLiteral("goToSessionDialog"))) != nullptr);
    dialog->setTextValue(SessionLinks::toUrl(id).toString());
    dialog->accept();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), id);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, Timeout);
    QCOMPARE(opened.first().first().value<SessionSummary>().sessionId, id);
    QVERIFY(shown.window.isSessionOpen());

    // A bare ID does the same.
    QVERIFY(shown.window.goToSession(QStringLiteral(" %1 ").arg(id)));
    QCOMPARE(requested.last().first().toString(), id);
}

void TestSessionList::copyLinkToSession()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    QVERIFY(shown.load());
    shown.table()->setCurrentIndex(shown.model.index(2, 0));
    const QString link = shown.table()->copyLinkToCurrent();
    QCOMPARE(QApplication::clipboard()->text(), link);
    QString error;
    QCOMPARE(SessionLinks::sessionIdFrom(link, &error).value_or(QString()),
             m_server->dataset().sessions().at(2).sessionId);

    // Once the window knows the server it shows, the link names it too.
    const QUrl server(QStringLiteral("https://api.example.com"));
    shown.table()->setLinkServer(server);
    const auto parsed = SessionLinks::parse(shown.table()->copyLinkToCurrent(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->sessionId, m_server->dataset().sessions().at(2).sessionId);
    QCOMPARE(parsed->server, server);
}

void TestSessionList::totalsNeverCutAFigureAt1024x700()
{
    Shown shown(*m_stack, m_settingsFile, {1024, 700});
    QVERIFY(QTest::qWaitForWindowExposed(&shown.window));
    QVERIFY(shown.load());
    TotalsBar *bar = shown.window.sessionsPage()->totalsBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->text(TotalsBar::Field::Sessions) != QStringLiteral("…"), Timeout);
    // With a session open the list is narrower still.
    shown.window.openSession(
        shown.model.index(0, 0).data(SessionTableModel::SessionRole).value<SessionSummary>());
    const auto fields = {TotalsBar::Field::Sessions,      TotalsBar::Field::LlmInput,
                         TotalsBar::Field::LlmOutput,     TotalsBar::Field::SttMinutes,
                         TotalsBar::Field::TtsCharacters, TotalsBar::Field::Cost,
                         TotalsBar::Field::AverageCost};
    // Every figure in the bar shows its whole text once the layout has settled.
    const auto firstCut = [&]() -> QString {
        for (const TotalsBar::Field field : fields) {
            QLabel *label = bar->label(field);
            if (!bar->isShown(field))
                continue;
            if (label->width() < label->sizeHint().width() ||
                label->mapTo(bar, QPoint(label->width(), 0)).x() > bar->width())
                return QStringLiteral("%1 cut to %2 of %3 px")
                    .arg(label->text())
                    .arg(label->width())
                    .arg(label->sizeHint().width());
        }
        return {};
    };
    QTRY_COMPARE(firstCut(), QString());
    QVERIFY(bar->isShown(TotalsBar::Field::Sessions));
    QVERIFY(bar->isShown(TotalsBar::Field::Cost));
    int dropped = 0;
    for (const TotalsBar::Field field : fields) {
        if (!bar->isShown(field)) {
            ++dropped;
            // What left the bar is still one hover away.
            QVERIFY(bar->QWidget::toolTip().contains(bar->text(field)));
        }
    }
    QVERIFY(dropped < 7);
}

void TestSessionList::statusBarNamesTheServer()
{
    Shown shown(*m_stack, m_settingsFile, {1024, 700});
    QVERIFY(shown.window.serverText().contains(QStringLiteral("Not connected")));
    shown.window.setServer(m_server->apiBaseUrl().toDisplayString());
    QVERIFY(shown.window.serverText().contains(m_server->apiBaseUrl().authority()));
}

void TestSessionList::exportWritesWhatTheListShows_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("json lines") << QStringLiteral("list.jsonl");
    QTest::newRow("csv") << QStringLiteral("list.csv");
}

void TestSessionList::exportWritesWhatTheListShows()
{
    QFETCH(QString, file);
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    SessionExporter exporter(&m_stack->client);
    ExportFlow *flow = WindowWiring::connectExporter(shown.window, &exporter);
    // One character over two days: a set small enough to check line by line.
    const DemoSession &newest = m_server->dataset().sessions().first();
    const QDate last = newest.createdAt().toLocalTime().date();
    FilterBar *filters = shown.window.sessionsPage()->filterBar();
    filters->setCharacter(newest.characterSlug);
    filters->setCustomDays(last.addDays(-1), last);
    filters->apply();
    QTRY_VERIFY_WITH_TIMEOUT(shown.model.isRowLoaded(0), Timeout);
    const qint64 count = shown.model.serverCount();
    QVERIFY(count > 0);

    QSignalSpy done(&exporter, &SessionExporter::finished);
    QSignalSpy failed(&exporter, &SessionExporter::failed);
    const QString path = m_dir.filePath(file);
    flow->start(path);
    QTRY_VERIFY_WITH_TIMEOUT(!exporter.isRunning(), Timeout);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(1).toLongLong(), count);
    QVERIFY(shown.window.statusBar()->currentMessage().contains(path));
    // The client keeps no session JSON once the export is over.
    QVERIFY(!m_stack->client.keepsSessionJson());

    QFile out(path);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray bytes = out.readAll();
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QSet<QString> ids;
    if (file.endsWith(QStringLiteral(".csv"))) {
        const QList<QList<QByteArray>> records = TestSupport::parseCsv(bytes);
        QCOMPARE(records.size(), count + 1);
        const qsizetype idColumn = records.first().indexOf("session_id");
        QVERIFY(idColumn >= 0);
        for (qsizetype i = 1; i < records.size(); ++i) {
            QCOMPARE(records.at(i).size(), records.first().size());
            ids.insert(QString::fromUtf8(records.at(i).at(idColumn)));
        }
        QCOMPARE(ids.size(), count);
    } else {
        QCOMPARE(lines.size(), count);
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QStringLiteral("character_slug")).toString(), newest.characterSlug);
            ids.insert(o.value(QStringLiteral("session_id")).toString());
        }
        QCOMPARE(ids.size(), count);
        QVERIFY(ids.contains(shown.model.session(0)->sessionId));
    }
}

void TestSessionList::cancelledExportLeavesNoFile()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    SessionExporter exporter(&m_stack->client);
    ExportFlow *flow = WindowWiring::connectExporter(shown.window, &exporter);
    QVERIFY(shown.load());
    QSignalSpy cancelled(&exporter, &SessionExporter::cancelled);
    const QString path = m_dir.filePath(QStringLiteral("cancelled.jsonl"));
    flow->start(path);
    QVERIFY(exporter.isRunning());
    exporter.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!exporter.isRunning());
    QVERIFY(!QFile::exists(path));
    QVERIFY(shown.window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
}

void TestSessionList::totalsShowTheChangeAgainstThePreviousPeriod()
{
    Shown shown(*m_stack, m_settingsFile, {1600, 1000});
    PreviousPeriodTotals previous(&m_stack->client);
    WindowWiring::connectPreviousTotals(shown.window, &previous);
    QSignalSpy ready(&previous, &PreviousPeriodTotals::ready);
    FilterBar *filters = shown.window.sessionsPage()->filterBar();
    const QDate last = m_server->dataset().sessions().first().createdAt().toLocalTime().date();
    filters->setCustomDays(last.addDays(-6), last);
    filters->apply();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(shown.model.isCountKnown(), Timeout);
    // The period before is the seven days before, asked with page_size=1.
    const auto before = ready.first().at(0).value<UsageTotals>();
    const auto range = ready.first().at(1).value<UtcRange>();
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(*range.startMicros / 1000).toLocalTime().date(),
             last.addDays(-13));
    QVERIFY(before.sessions > 0);
    TotalsBar *bar = shown.window.sessionsPage()->totalsBar();
    const double percent =
        (double(shown.model.totals().sessions) - double(before.sessions)) / before.sessions * 100;
    const QString magnitude = QLocale().toString(std::abs(percent), 'f', 0);
    QTRY_VERIFY(!bar->changeText(TotalsBar::Field::Sessions).isEmpty());
    QVERIFY2(bar->changeText(TotalsBar::Field::Sessions).contains(magnitude) ||
                 bar->changeText(TotalsBar::Field::Sessions) == QStringLiteral("±0 %"),
             qPrintable(bar->changeText(TotalsBar::Field::Sessions)));
    // All time has no previous period.
    filters->setPreset(FilterBar::Preset::AllTime);
    filters->apply();
    QCOMPARE(bar->changeText(TotalsBar::Field::Sessions), QString());
}

QTEST_MAIN(TestSessionList)
#include "tst_sessionlist.moc"
