#include "models/sessiontablemodel.h"
#include "tests/models/modeltestfixture.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/sessions/statusbanner.h"
#include "ui/sessions/totalsbar.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>

namespace {
constexpr int Timeout = 60000;
}

class TestSessionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsAndShowsTotals();
    void emptyCharacterSaysItMayNotBeYours();
    void serverErrorOffersRetry();
    void unauthorizedAsksForConnection();
    void badRequestShowsBesideTheDates();
    void loadingCanBeCancelled();
    void copiesLoadedRowsOnly();
    void sortThatCannotLoadEverySessionIsNotApplied();

private:
    struct Page
    {
        explicit Page(ClientStack &stack)
            : model(&stack.fetcher)
            , tester(&model)
            , page(&model)
        {
            page.resize(1000, 700);
            page.show();
        }
        SessionTableModel model;
        QAbstractItemModelTester tester;
        SessionsPage page;
    };

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
};

void TestSessionsPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSessionsPage::init()
{
    m_server->faults().clear();
    m_stack = std::make_unique<ClientStack>(*m_server);
}

void TestSessionsPage::cleanup()
{
    m_stack.reset();
}

void TestSessionsPage::loadsAndShowsTotals()
{
    Page p(*m_stack);
    p.page.applyFilters();
    QCOMPARE(p.page.banner()->kind(), StatusBanner::Kind::Progress);
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
    QCOMPARE(p.page.totalsBar()->text(TotalsBar::Field::Sessions), QStringLiteral("20,000"));
    QVERIFY(p.page.banner()->isHidden());
    // The table told the model what it shows: those rows load without being asked for.
    QTRY_VERIFY_WITH_TIMEOUT(p.model.isRowLoaded(0), Timeout);
    QVERIFY(!p.page.filterBar()->knownCharacters().isEmpty());
}

void TestSessionsPage::emptyCharacterSaysItMayNotBeYours()
{
    Page p(*m_stack);
    p.page.filterBar()->setCharacter(QStringLiteral("nobody-bot"));
    p.page.filterBar()->apply();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
    QCOMPARE(p.model.rowCount(), 0);
    QVERIFY2(p.page.banner()->text().contains(QStringLiteral("not yours")),
             qPrintable(p.page.banner()->text()));
    QCOMPARE(p.page.totalsBar()->text(TotalsBar::Field::Sessions), QStringLiteral("0"));

    p.page.filterBar()->setCharacter({});
    p.page.filterBar()->setTenant(QStringLiteral("tenant_nowhere"));
    p.page.filterBar()->apply();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
    QCOMPARE(p.page.banner()->text(), QStringLiteral("No sessions match these filters."));
}

void TestSessionsPage::serverErrorOffersRetry()
{
    Page p(*m_stack);
    m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("[?&]page=1(&|$)"),
                           QStringLiteral("503"), 1, true);
    p.page.applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Failed, Timeout);
    QCOMPARE(p.page.banner()->kind(), StatusBanner::Kind::Error);
    QCOMPARE(p.page.banner()->actionText(), QStringLiteral("Retry"));
    Q_EMIT p.page.banner()->actionTriggered();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
    QCOMPARE(p.model.rowCount(), 20000);
    QVERIFY(p.page.banner()->isHidden());
}

void TestSessionsPage::unauthorizedAsksForConnection()
{
    m_stack->client.setCredentials({QStringLiteral("sk_0000"), {}});
    Page p(*m_stack);
    QSignalSpy asked(&p.page, &SessionsPage::connectionRequested);
    p.page.applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(asked.count(), 1, Timeout);
    QCOMPARE(p.page.banner()->actionText(), QStringLiteral("Connect…"));
    Q_EMIT p.page.banner()->actionTriggered();
    QCOMPARE(asked.count(), 2);
}

void TestSessionsPage::badRequestShowsBesideTheDates()
{
    Page p(*m_stack);
    m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("page="),
                           QStringLiteral("400"), 1);
    p.page.applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Failed, Timeout);
    QVERIFY(!p.page.filterBar()->dateError().isEmpty());
    QCOMPARE(p.page.banner()->kind(), StatusBanner::Kind::Error);
    p.page.filterBar()->apply(); // fixing the dates and applying clears the message
    QVERIFY(p.page.filterBar()->dateError().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
}

void TestSessionsPage::loadingCanBeCancelled()
{
    Page p(*m_stack);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("3000"));
    p.page.applyFilters();
    QCOMPARE(p.page.banner()->kind(), StatusBanner::Kind::Progress);
    Q_EMIT p.page.banner()->cancelRequested();
    QVERIFY(!p.model.isLoading());
    QCOMPARE(p.model.status(), SessionTableModel::Status::Idle);
    QCOMPARE(p.page.banner()->actionText(), QStringLiteral("Load again"));
    m_server->faults().clear();
    Q_EMIT p.page.banner()->actionTriggered();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
}

void TestSessionsPage::copiesLoadedRowsOnly()
{
    Page p(*m_stack);
    p.page.applyFilters();
    QTRY_VERIFY_WITH_TIMEOUT(p.model.isRowLoaded(0) && p.model.isRowLoaded(2), Timeout);
    SessionTableView *table = p.page.table();
    table->selectionModel()->select(QItemSelection(p.model.index(0, 0), p.model.index(2, 0)),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    table->selectionModel()->select(p.model.index(15000, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const RowsCopy::Result tsv = table->copySelection(RowsCopy::Format::Tsv);
    QCOMPARE(tsv.copied, 3);
    QCOMPARE(tsv.skipped, 1);
    QVERIFY(p.page.banner()->text().contains(QStringLiteral("not loaded")));
    const QStringList lines = tsv.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.first().startsWith(QStringLiteral("Created\tCharacter")));
    QCOMPARE(QApplication::clipboard()->text(), tsv.text);
    const SessionSummary first = *p.model.session(0);
    QVERIFY(lines.at(1).contains(first.estimatedCost.toDecimalString()));

    const RowsCopy::Result csv = table->copySelection(RowsCopy::Format::Csv);
    QVERIFY(csv.text.startsWith(QStringLiteral("Created,Character,")));
    QCOMPARE(RowsCopy::quoteCsv(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
}

void TestSessionsPage::sortThatCannotLoadEverySessionIsNotApplied()
{
    Page p(*m_stack);
    p.page.applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(p.model.status(), SessionTableModel::Status::Ready, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(p.model.isRowLoaded(0), Timeout);
    const QString newest = p.model.session(0)->sessionId;
    // Page 3 is gone for good: sorting 20,000 rows would sort 400 of them.
    m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("[?&]page=3(&|$)"),
                           QStringLiteral("404"), -1, true);
    QSignalSpy failed(&p.model, &SessionTableModel::sortFailed);
    p.model.sort(SessionColumns::Cost, Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!p.model.isSortPending(), Timeout);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(p.model.sortColumn(), -1);
    QVERIFY(!p.model.isComplete());
    QCOMPARE(p.model.rowCount(), 20000);
    QCOMPARE(p.model.session(0)->sessionId, newest); // still the server's order
    QCOMPARE(p.page.banner()->kind(), StatusBanner::Kind::Error);
    QVERIFY2(p.page.banner()->text().startsWith(QStringLiteral("Not sorted by")),
             qPrintable(p.page.banner()->text()));
    QCOMPARE(p.page.banner()->actionText(), QStringLiteral("Retry"));

    // Once the server answers again, Retry sorts the whole set.
    m_server->faults().clear();
    Q_EMIT p.page.banner()->actionTriggered();
    QVERIFY(p.model.isSortPending());
    QTRY_VERIFY_WITH_TIMEOUT(!p.model.isSortPending(), 240000);
    QCOMPARE(p.model.sortColumn(), int(SessionColumns::Cost));
    QVERIFY(p.page.banner()->isHidden() || p.page.banner()->kind() != StatusBanner::Kind::Error);
}

QTEST_MAIN(TestSessionsPage)
#include "tst_sessionspage.moc"
