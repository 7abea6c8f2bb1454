#include "tests/models/modeltestfixture.h"

#include <QSignalSpy>

namespace {
constexpr int Timeout = 60000;
}

class TestPageFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void sendsEachPageOnceWhileInFlight();
    void boundedAndNewestFirst();
    void staleGenerationIsDropped();
    void cancelEndsEveryRequestOnce();
    void failureIsReportedPerPage();

private:
    std::unique_ptr<DemoServer> m_server;
};

void TestPageFetcher::initTestCase()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestPageFetcher::init()
{
    m_server->faults().clear();
    m_server->clearRequestLog();
}

void TestPageFetcher::sendsEachPageOnceWhileInFlight()
{
    ClientStack stack(*m_server);
    QSignalSpy ready(&stack.fetcher, &PageFetcher::pageReady);
    UsageQuery query;
    query.pageSize = 200;
    stack.fetcher.start(query);
    stack.fetcher.want({2, 3});
    stack.fetcher.want({3, 2});
    stack.fetcher.want({2});
    QCOMPARE(stack.fetcher.requestCount(), 2u);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!stack.fetcher.isBusy(), Timeout);
    QCOMPARE(usagePagesRequested(*m_server).size(), 2);
}

void TestPageFetcher::boundedAndNewestFirst()
{
    ClientStack stack(*m_server);
    stack.fetcher.setMaxInFlight(1);
    QList<int> order;
    int peak = 0;
    connect(&stack.fetcher, &PageFetcher::pageReady, this,
            [&](quint64, int page, const UsagePage &) { order.append(page); });
    connect(&stack.fetcher, &PageFetcher::busyChanged, this,
            [&] { peak = qMax(peak, stack.fetcher.inFlightCount()); });
    stack.fetcher.start(UsageQuery{});
    stack.fetcher.want({2, 3, 4, 5});
    peak = qMax(peak, stack.fetcher.inFlightCount());
    // The user scrolled on: the new viewport replaces what was queued.
    stack.fetcher.want({9, 8});
    QTRY_VERIFY_WITH_TIMEOUT(!stack.fetcher.isBusy(), Timeout);
    QCOMPARE(order, (QList<int>{2, 9, 8}));
    QCOMPARE(peak, 1);
}

void TestPageFetcher::staleGenerationIsDropped()
{
    ClientStack stack(*m_server);
    QSignalSpy ready(&stack.fetcher, &PageFetcher::pageReady);
    QSignalSpy abandoned(&stack.fetcher, &PageFetcher::pageAbandoned);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("300"));
    const quint64 first = stack.fetcher.start(UsageQuery{});
    stack.fetcher.want({1, 2, 3});
    UsageQuery other;
    other.tenantId = QStringLiteral("tenant_acme");
    const quint64 second = stack.fetcher.start(other);
    QVERIFY(second != first);
    stack.fetcher.want({1});
    QTRY_VERIFY_WITH_TIMEOUT(!stack.fetcher.isBusy(), Timeout);
    QCOMPARE(abandoned.count(), 0); // the old generation's requests end silently
    for (const auto &args : ready)
        QCOMPARE(args.at(0).toULongLong(), second);
}

void TestPageFetcher::cancelEndsEveryRequestOnce()
{
    ClientStack stack(*m_server);
    QSignalSpy abandoned(&stack.fetcher, &PageFetcher::pageAbandoned);
    QSignalSpy ready(&stack.fetcher, &PageFetcher::pageReady);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("5000"));
    stack.fetcher.start(UsageQuery{});
    stack.fetcher.want({1, 2, 3, 4, 5, 6});
    QCOMPARE(stack.fetcher.inFlightCount(), PageFetcher::DefaultMaxInFlight);
    stack.fetcher.cancel();
    QCOMPARE(abandoned.count(), PageFetcher::DefaultMaxInFlight);
    QVERIFY(!stack.fetcher.isBusy());
    QTest::qWait(50);
    QCOMPARE(ready.count(), 0);
}

void TestPageFetcher::failureIsReportedPerPage()
{
    ClientStack stack(*m_server);
    QSignalSpy ready(&stack.fetcher, &PageFetcher::pageReady);
    QSignalSpy failed(&stack.fetcher, &PageFetcher::pageFailed);
    m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("[?&]page=2(&|$)"),
                           QStringLiteral("503"), 1, true);
    stack.fetcher.start(UsageQuery{});
    stack.fetcher.want({1, 2, 3});
    QTRY_VERIFY_WITH_TIMEOUT(!stack.fetcher.isBusy(), Timeout);
    QCOMPARE(ready.count(), 2);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().at(1).toInt(), 2);
    QCOMPARE(failed.first().at(2).value<ApiError>().kind, ApiError::Kind::ServerError);
}

QTEST_GUILESS_MAIN(TestPageFetcher)
#include "tst_pagefetcher.moc"
