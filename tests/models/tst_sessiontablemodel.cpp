#include "models/sessiontablemodel.h"
#include "tests/models/modeltestfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using Col = SessionColumns::Column;

namespace {
constexpr int Timeout = 60000; // a loaded two-core machine decodes 200-row pages slowly

/// Waits until every row in [first, last] is loaded or failed.
bool rowsSettled(const SessionTableModel &model, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        if (model.data(model.index(row, 0), SessionTableModel::LoadingRole).toBool())
            return false;
    }
    return true;
}
} // namespace

class TestSessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowCountIsTheServersAfterThePage();
    void jumpToEndFetchesOnlyTheCoveringPages();
    void oneDataChangedPerLoadedPage();
    void filterChangeDuringLoadingLeavesNoStaleRow();
    void memoryStaysBoundedWhileScrollingEverything();
    void failedPageShowsItsErrorAndRetries();
    void sortsLocallyAfterLoadingEveryKey();
    void liveModeInsertsNewSessionsAtTheTop();
    void cancelEndsLoading();
    void timeZoneChangesTheCreatedColumn();

private:
    void startModel(SessionTableModel &model, const UsageQuery &query = {});

    QDateTime m_now;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
};

void TestSessionTableModel::initTestCase()
{
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(m_now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSessionTableModel::init()
{
    m_server->faults().clear();
    m_server->clearRequestLog();
    m_stack = std::make_unique<ClientStack>(*m_server);
}

void TestSessionTableModel::cleanup()
{
    m_stack.reset();
}

void TestSessionTableModel::startModel(SessionTableModel &model, const UsageQuery &query)
{
    model.setQuery(query);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), SessionTableModel::Status::Ready, Timeout);
}

void TestSessionTableModel::rowCountIsTheServersAfterThePage()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    startModel(model);
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(model.serverCount(), 20000);
    QCOMPARE(model.totals().sessions, 20000);
    QCOMPARE(inserted.count(), 1); // the true size at once, as one insert
    QVERIFY(model.isRowLoaded(0));
    QVERIFY(model.isRowLoaded(199));
    QVERIFY(!model.isRowLoaded(200));
    QCOMPARE(model.data(model.index(200, Col::Created), SessionTableModel::LoadingRole), true);
    QCOMPARE(usagePagesRequested(*m_server), QList<int>{1});
    const auto s =
        model.data(model.index(0, 0), SessionTableModel::SessionRole).value<SessionSummary>();
    QVERIFY(!s.sessionId.isEmpty());
    QCOMPARE(model.data(model.index(0, Col::Character)).toString(), s.characterSlug);
    QCOMPARE(model.data(model.index(0, Col::Cost), Qt::ToolTipRole).toString(),
             QStringLiteral("$") + s.estimatedCost.toDecimalString());
}

void TestSessionTableModel::jumpToEndFetchesOnlyTheCoveringPages()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    m_server->clearRequestLog();
    const quint64 before = m_stack->fetcher.requestCount();

    model.setViewport(19970, 19999);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(19999) && !model.isLoading(), Timeout);
    QCOMPARE(usagePagesRequested(*m_server), QList<int>{100});
    QCOMPARE(m_stack->fetcher.requestCount() - before, 1u);

    // A viewport across a page boundary takes both pages and one ahead, nothing between.
    m_server->clearRequestLog();
    model.setViewport(9990, 10010);
    QTRY_VERIFY_WITH_TIMEOUT(usagePagesRequested(*m_server).size() >= 3 && !model.isLoading(),
                             Timeout);
    QList<int> pages = usagePagesRequested(*m_server);
    std::sort(pages.begin(), pages.end());
    QCOMPARE(pages, (QList<int>{50, 51, 52}));
    QVERIFY(rowsSettled(model, 9990, 10399));
}

void TestSessionTableModel::oneDataChangedPerLoadedPage()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setViewport(1000, 1030); // page 6, and page 7 ahead
    QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, 1000, 1399) && !model.isLoading(), Timeout);
    QCOMPARE(changed.count(), 2);
    for (const auto &args : changed) {
        const auto top = args.at(0).value<QModelIndex>(), bottom = args.at(1).value<QModelIndex>();
        QCOMPARE(bottom.row() - top.row() + 1, SessionTableModel::PageSize);
        QCOMPARE(top.column(), 0);
        QCOMPARE(bottom.column(), SessionColumns::Count - 1);
    }
}

void TestSessionTableModel::filterChangeDuringLoadingLeavesNoStaleRow()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    const QString slug = model.data(model.index(0, Col::Character)).toString();
    // Unfiltered pages now answer late, so they are still under way when the filter changes.
    m_server->faults().add(FaultInjector::Kind::Latency,
                           QStringLiteral("^/api/billing/usage/\\?(?!character_slug)"),
                           QStringLiteral("400"), -1, true);
    model.setViewport(4000, 4040);
    QTRY_VERIFY_WITH_TIMEOUT(m_stack->fetcher.inFlightCount() > 0, Timeout);
    UsageQuery filtered;
    filtered.characterSlug = slug;
    model.setQuery(filtered);
    model.setViewport(0, 60);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), SessionTableModel::Status::Ready, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, 0, qMin(259, model.rowCount() - 1)), Timeout);
    QVERIFY(model.rowCount() < 20000);
    QCOMPARE(model.totals().sessions, model.serverCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        if (const SessionSummary *s = model.session(row))
            QCOMPARE(s->characterSlug, slug);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), Timeout);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (const SessionSummary *s = model.session(row))
            QCOMPARE(s->characterSlug, slug);
    }
}

void TestSessionTableModel::memoryStaysBoundedWhileScrollingEverything()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    model.setCacheBound(6);
    startModel(model);
    int peak = 0;
    for (int first = 0; first < model.rowCount(); first += SessionTableModel::PageSize) {
        const int last = qMin(first + 40, model.rowCount() - 1);
        model.setViewport(first, last);
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(last), Timeout);
        peak = qMax(peak, model.loadedPageCount());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), Timeout);
    QVERIFY2(peak <= model.cacheBound(), qPrintable(QString::number(peak)));
    QVERIFY(model.loadedPageCount() <= model.cacheBound());
    // Page 1 was evicted long ago: coming back fetches it again.
    QVERIFY(!model.isRowLoaded(0));
    m_server->clearRequestLog();
    model.setViewport(0, 40);
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(40) && !model.isLoading(), Timeout);
    QVERIFY(usagePagesRequested(*m_server).contains(1));
}

void TestSessionTableModel::failedPageShowsItsErrorAndRetries()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("[?&]page=3(&|$)"),
                           QStringLiteral("500"), 1, true);
    QSignalSpy errors(&model, &SessionTableModel::errorOccurred);
    model.setViewport(400, 420); // page 3 fails, page 4 (ahead) works
    QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, 400, 799) && !model.isLoading(), Timeout);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(model.failedPages(), QList<int>{3});
    QVERIFY(!model.data(model.index(450, 0), SessionTableModel::ErrorRole).toString().isEmpty());
    QCOMPARE(model.data(model.index(450, 0), SessionTableModel::LoadingRole), false);
    QVERIFY(model.data(model.index(450, 0)).toString().startsWith(QStringLiteral("Failed")));
    QVERIFY(model.isRowLoaded(600));
    QVERIFY(model.isRowLoaded(0));

    // Staying in view does not hammer the server; asking does.
    model.setViewport(401, 421);
    QTest::qWait(0);
    QVERIFY(!m_stack->fetcher.isInFlight(3));
    model.retryFailed();
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(450), Timeout);
    QVERIFY(model.failedPages().isEmpty());
}

void TestSessionTableModel::sortsLocallyAfterLoadingEveryKey()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    QSignalSpy progress(&model, &SessionTableModel::sortProgress);
    QSignalSpy applied(&model, &SessionTableModel::sortApplied);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(Col::Cost, Qt::AscendingOrder);
    QVERIFY(model.isSortPending());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isSortPending(), 240000);
    QCOMPARE(applied.count(), 1);
    QVERIFY(model.isComplete());
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 20000);

    const auto costAscending = [&](int first, int last) {
        for (int row = first + 1; row <= last; ++row) {
            if (model.session(row - 1)->estimatedCost > model.session(row)->estimatedCost)
                return false;
        }
        return true;
    };
    // Sorted rows come from pages all over the set; windows far apart may evict each other,
    // so each is checked while it is on screen.
    QList<Money> firsts;
    for (const int first : {0, 10000, 19970}) {
        model.setViewport(first, first + 29);
        QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, first, first + 29) && !model.isLoading(),
                                 Timeout);
        QVERIFY(costAscending(first, first + 29));
        firsts.append(model.session(first)->estimatedCost);
    }
    QVERIFY(firsts[0] <= firsts[1] && firsts[1] <= firsts[2]);

    // Already complete: another column sorts at once, without a request.
    m_server->clearRequestLog();
    model.sort(Col::Turns, Qt::DescendingOrder);
    QVERIFY(!model.isSortPending());
    QCOMPARE(model.sortColumn(), int(Col::Turns));
    model.setViewport(0, 20);
    QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, 0, 20) && !model.isLoading(), Timeout);
    for (int row = 1; row <= 20; ++row)
        QVERIFY(model.session(row - 1)->turnCount >= model.session(row)->turnCount);
    // Back to the server's order.
    model.sort(Col::Created, Qt::DescendingOrder);
    QCOMPARE(model.sortColumn(), -1);
}

void TestSessionTableModel::liveModeInsertsNewSessionsAtTheTop()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    // The set is pinned twenty minutes ago; the running sessions came after that.
    model.setClock([this] { return m_now.addSecs(-20 * 60); });
    startModel(model);
    const int before = model.rowCount();
    const qint64 totalBefore = model.totals().sessions;
    model.setViewport(0, 30);
    QTRY_VERIFY_WITH_TIMEOUT(rowsSettled(model, 0, 30), Timeout);
    const QPersistentModelIndex kept = model.index(10, 0);
    const QString keptId = model.data(kept, SessionTableModel::SessionIdRole).toString();

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setClock([this] { return m_now.addSecs(1); });
    model.pollNewer();
    QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 1, Timeout);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    const int added = model.rowCount() - before;
    QVERIFY(added >= 3);
    QCOMPARE(model.liveRowCount(), added);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.totals().sessions, totalBefore + added);
    QVERIFY(model.session(0)->inProgress());
    // The user's row moved down with the insert, it did not change.
    QCOMPARE(kept.row(), 10 + added);
    QCOMPARE(model.data(kept, SessionTableModel::SessionIdRole).toString(), keptId);

    // Nothing newer: no insert.
    model.pollNewer();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), Timeout);
    QCOMPARE(inserted.count(), 1);
}

void TestSessionTableModel::cancelEndsLoading()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    startModel(model);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("2000"));
    model.setViewport(5000, 5030);
    QTRY_VERIFY_WITH_TIMEOUT(model.isLoading(), Timeout);
    model.cancel();
    QVERIFY(!model.isLoading());
    QCOMPARE(model.data(model.index(5000, 0), SessionTableModel::LoadingRole), true);
}

void TestSessionTableModel::timeZoneChangesTheCreatedColumn()
{
    SessionTableModel model(&m_stack->fetcher);
    QAbstractItemModelTester tester(&model);
    model.setTimeZone(QTimeZone::utc());
    startModel(model);
    const SessionSummary s = *model.session(0);
    QCOMPARE(model.data(model.index(0, Col::Created)).toString(),
             s.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QTimeZone tokyo("Asia/Tokyo");
    model.setTimeZone(tokyo);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(0, Col::Created)).toString(),
             s.createdAt.toTimeZone(tokyo).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QTEST_GUILESS_MAIN(TestSessionTableModel)
#include "tst_sessiontablemodel.moc"
