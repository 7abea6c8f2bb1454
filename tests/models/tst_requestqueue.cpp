#include "models/requestqueue.h"
#include "tests/models/modeltestfixture.h"

#include <algorithm>

namespace {
constexpr int Timeout = 60000;

/// What one answer looked like when it reached its owner.
struct Answer
{
    int page = 0;
    quint64 generation = 0;
    bool current = false; ///< finish() said the answer still counts
    bool ok = false;
    ApiError::Kind error = ApiError::Kind::Network;
};

/// A fetcher in miniature: pages of the usage list, kept in a RequestQueue the way PageFetcher
/// keeps them, every answer recorded.
class PageOwner : public QObject
{
public:
    PageOwner(ApiClient *client, int maxInFlight)
        : m_client(client)
        , queue(client, maxInFlight, [this](int page, quint64 generation) {
            return m_client->fetchUsage(m_query.atPage(page), this,
                                        [this, page, generation](Result<UsagePage> result) {
                                            onAnswer(page, generation, result);
                                        });
        })
    {}
    ~PageOwner() override { queue.reset(); }

    void onAnswer(int page, quint64 generation, const Result<UsagePage> &result)
    {
        Answer answer;
        answer.page = page;
        answer.generation = generation;
        answer.current = queue.finish(generation, page);
        answer.ok = bool(result);
        if (!result)
            answer.error = result.error().kind;
        answers.append(answer);
        peak = qMax(peak, queue.inFlightCount() + 1);
        if (answer.current)
            queue.pump();
    }
    [[nodiscard]] QList<int> pagesAnswered(bool current) const
    {
        QList<int> pages;
        for (const Answer &a : answers) {
            if (a.current == current)
                pages.append(a.page);
        }
        return pages;
    }

private:
    ApiClient *m_client;
    UsageQuery m_query;

public:
    RequestQueue<int> queue;
    QList<Answer> answers;
    int peak = 0;
};
} // namespace

class TestRequestQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keepsTheLimitAndTheOrder();
    void asksEachKeyOnce();
    void replaceDropsWhatWasNotSent();
    void resetMakesOldAnswersStale();
    void cancelEndsEveryRequestOnceInTheSameGeneration();

private:
    std::unique_ptr<DemoServer> m_server;
};

void TestRequestQueue::initTestCase()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestRequestQueue::init()
{
    m_server->faults().clear();
    m_server->clearRequestLog();
}

void TestRequestQueue::keepsTheLimitAndTheOrder()
{
    ClientStack stack(*m_server);
    PageOwner owner(&stack.client, 2);
    owner.queue.append({1, 2, 3, 4, 5});
    QCOMPARE(owner.queue.inFlightCount(), 2);
    QCOMPARE(owner.queue.queuedCount(), 3);
    QVERIFY(owner.queue.isInFlight(1));
    QVERIFY(owner.queue.isInFlight(2));
    QVERIFY(owner.queue.isQueued(3));
    QTRY_VERIFY_WITH_TIMEOUT(owner.queue.isIdle(), Timeout);
    QCOMPARE(owner.answers.size(), 5);
    QCOMPARE(owner.peak, 2);
    QCOMPARE(owner.queue.requestCount(), 5u);
    // Two connections may reorder what arrives; each page was asked exactly once.
    QList<int> asked = usagePagesRequested(*m_server);
    std::sort(asked.begin(), asked.end());
    QCOMPARE(asked, (QList<int>{1, 2, 3, 4, 5}));
    for (const Answer &a : std::as_const(owner.answers)) {
        QVERIFY(a.current);
        QVERIFY(a.ok);
    }
}

void TestRequestQueue::asksEachKeyOnce()
{
    ClientStack stack(*m_server);
    PageOwner owner(&stack.client, 1);
    owner.queue.append({1, 2});
    owner.queue.append({2, 1, 3, 3});
    QCOMPARE(owner.queue.inFlightCount(), 1);
    QCOMPARE(owner.queue.queuedCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(owner.queue.isIdle(), Timeout);
    QCOMPARE(owner.queue.requestCount(), 3u);
    QCOMPARE(owner.pagesAnswered(true), (QList<int>{1, 2, 3}));
}

void TestRequestQueue::replaceDropsWhatWasNotSent()
{
    ClientStack stack(*m_server);
    PageOwner owner(&stack.client, 1);
    owner.queue.replace({2, 3, 4, 5});
    // The viewport moved on: what was queued is forgotten, page 2 (in flight) is not sent again.
    owner.queue.replace({9, 2, 8});
    QCOMPARE(owner.queue.queuedCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(owner.queue.isIdle(), Timeout);
    QCOMPARE(owner.pagesAnswered(true), (QList<int>{2, 9, 8}));
    QCOMPARE(usagePagesRequested(*m_server), (QList<int>{2, 9, 8}));
}

void TestRequestQueue::resetMakesOldAnswersStale()
{
    ClientStack stack(*m_server);
    PageOwner owner(&stack.client, 2);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("5000"));
    const quint64 first = owner.queue.generation();
    owner.queue.append({1, 2, 3});
    QCOMPARE(stack.client.inFlightCount(), 2);
    const quint64 second = owner.queue.reset();
    QVERIFY(second != first);
    QCOMPARE(owner.queue.generation(), second);
    QVERIFY(!owner.queue.isCurrent(first));
    QVERIFY(owner.queue.isIdle());
    QCOMPARE(stack.client.inFlightCount(), 0);
    // Both requests answered at once, as cancelled, and both were already stale.
    QCOMPARE(owner.answers.size(), 2);
    for (const Answer &a : std::as_const(owner.answers)) {
        QCOMPARE(a.generation, first);
        QVERIFY(!a.current);
        QCOMPARE(a.error, ApiError::Kind::Cancelled);
    }
    // A stale answer arriving late does not untrack the new generation's request for its key.
    m_server->faults().clear();
    owner.queue.append({1});
    QVERIFY(owner.queue.isInFlight(1));
    QVERIFY(!owner.queue.finish(first, 1));
    QVERIFY(owner.queue.isInFlight(1));
    QTRY_VERIFY_WITH_TIMEOUT(owner.queue.isIdle(), Timeout);
    QCOMPARE(owner.answers.size(), 3);
    QCOMPARE(owner.answers.last().generation, second);
    QVERIFY(owner.answers.last().current);
    QVERIFY(owner.answers.last().ok);
}

void TestRequestQueue::cancelEndsEveryRequestOnceInTheSameGeneration()
{
    ClientStack stack(*m_server);
    PageOwner owner(&stack.client, 3);
    m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("page="),
                           QStringLiteral("5000"));
    const quint64 generation = owner.queue.generation();
    owner.queue.append({1, 2, 3, 4, 5});
    owner.queue.cancel();
    QCOMPARE(owner.queue.generation(), generation);
    QVERIFY(owner.queue.isIdle());
    QCOMPARE(owner.answers.size(), 3);
    for (const Answer &a : std::as_const(owner.answers)) {
        QVERIFY(a.current);
        QCOMPARE(a.error, ApiError::Kind::Cancelled);
    }
    QCOMPARE(owner.queue.requestCount(), 3u);
    QCOMPARE(stack.client.inFlightCount(), 0);
}

QTEST_GUILESS_MAIN(TestRequestQueue)
#include "tst_requestqueue.moc"
