// Every way the server or the network misbehaves, against the demo server's fault mode: what
// the user ends up with (a whole set, or an error that says what to do) and that no session is
// lost or doubled on the way. tst_apiclient covers single requests; this covers whole
// collections, giving up, cancelling and the oversized replies.

#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "demo/demoserver.h"
#include "tests/support/demoprocess.h"
#include "tests/support/memorywatch.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int WaitMs = 120000;
constexpr qint64 MiB = 1024 * 1024;
#if defined(__SANITIZE_ADDRESS__)
/// AddressSanitizer adds shadow memory and keeps freed blocks in quarantine.
constexpr qint64 MemoryFactor = 4;
#else
constexpr qint64 MemoryFactor = 1;
#endif

/// What a whole collection produced, as a table or an export would see it.
struct Collected
{
    QList<SessionSummary> rows;
    std::optional<CollectionSummary> summary;
    std::optional<ApiError> error;
    int finishedSignals = 0;
    int failedSignals = 0;
};
} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;

    int requestsFor(const QString &pageParameter) const
    {
        int n = 0;
        for (const RecordedRequest &r : m_server->requestLog())
            n += r.url.query().contains(pageParameter);
        return n;
    }

    Collected collect(int maxInFlight = 4)
    {
        Collected c;
        UsageCollector collector(m_client.get());
        collector.setMaxInFlight(maxInFlight);
        connect(&collector, &UsageCollector::pageReady, this,
                [&](int, const QList<SessionSummary> &s) { c.rows += s; });
        connect(&collector, &UsageCollector::recovered, this,
                [&](const QList<SessionSummary> &s) { c.rows += s; });
        connect(&collector, &UsageCollector::finished, this, [&](const CollectionSummary &s) {
            ++c.finishedSignals;
            c.summary = s;
        });
        connect(&collector, &UsageCollector::failed, this, [&](const ApiError &e) {
            ++c.failedSignals;
            c.error = e;
        });
        UsageQuery query;
        query.pageSize = 200;
        collector.start(query);
        if (!QTest::qWaitFor([&] { return c.finishedSignals + c.failedSignals > 0; }, WaitMs))
            qWarning("the collection neither finished nor failed in time");
        QTest::qWait(50); // a second end signal would arrive now
        return c;
    }

    /// Counts the collector's page and end signals once `cancelled` is set.
    void countLateSignals(UsageCollector &collector, const bool &cancelled, int &late)
    {
        const auto count = [&cancelled, &late] {
            if (cancelled)
                ++late;
        };
        connect(&collector, &UsageCollector::pageReady, this, count);
        connect(&collector, &UsageCollector::finished, this, count);
        connect(&collector, &UsageCollector::failed, this, count);
    }

    /// Starts a walk over every page of 200 and waits until page 1 has set it going.
    static bool startWholeSet(UsageCollector &collector)
    {
        QSignalSpy started(&collector, &UsageCollector::started);
        UsageQuery query;
        query.pageSize = 200;
        collector.start(query);
        return started.wait(WaitMs);
    }

    static Result<UsagePage> fetchFrom(ApiClient &client, QObject *context)
    {
        return TestSupport::await<UsagePage>(
            [&](auto done) { client.fetchUsage({}, context, done); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(1500, 5, &error); // 8 pages of 200
        QVERIFY2(m_server, qPrintable(error));
    }

    void init()
    {
        m_client = TestSupport::freshStaffClient(m_network, *m_server);
        // Short waits so that the suite stays quick; the policy's shape is what is tested.
        m_client->setRetryPolicy({4, 40, 400, 5});
        // Generous for a loaded machine, short enough for the stall rows.
        m_client->setTimeoutMs(4000);
    }

    /// What the user gets is the whole set: each session once, as many as the server's total
    /// and costing its total to the micro-dollar.
    void verifyWhole(const Collected &c)
    {
        QVERIFY2(!c.error, qPrintable(c.error ? c.error->message : QString()));
        QCOMPARE(c.finishedSignals, 1);
        QCOMPARE(c.failedSignals, 0);
        QCOMPARE(c.rows.size(), m_server->dataset().sessions().size());
        QSet<QString> ids;
        Money cost;
        for (const SessionSummary &s : c.rows) {
            ids.insert(s.sessionId);
            cost += s.estimatedCost;
        }
        QCOMPARE(ids.size(), c.rows.size());
        Money expected;
        for (const DemoSession &s : m_server->dataset().sessions())
            expected += Money::fromMicros(s.costMicros);
        QCOMPARE(cost.micros(), expected.micros());
        QCOMPARE(c.summary->serverTotals.estimatedCost.micros(), expected.micros());
        QCOMPARE(c.summary->delivered, qint64(c.rows.size()));
        QCOMPARE(c.summary->deliveredCost.micros(), expected.micros());
    }

    /// A fault on one page in the middle of a collection: survived by retrying, and the set
    /// the user gets is whole, each session once, totals and count in agreement.
    void collectionSurvivesTransientFaults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("times");
        QTest::addColumn<int>("expectedRequests"); // for page 3
        const auto row = [](const char *name, FaultInjector::Kind kind, const QString &arg,
                            int times, int expected) {
            QTest::newRow(name) << int(kind) << arg << times << expected;
        };
        using Kind = FaultInjector::Kind;
        row("latency 1.5 s", Kind::Latency, QStringLiteral("1500"), 1, 1);
        row("stall mid-body", Kind::Stall, QStringLiteral("60000"), 1, 2);
        row("reset", Kind::Reset, QString(), 2, 3);
        row("reset after headers", Kind::ResetAfterHeaders, QString(), 2, 3);
        row("truncated body", Kind::Truncate, QString(), 2, 3);
        row("500", Kind::Status, QStringLiteral("500"), 3, 4);
        row("502", Kind::Status, QStringLiteral("502"), 2, 3);
        row("503", Kind::Status, QStringLiteral("503"), 2, 3);
        row("502 html page", Kind::HtmlError, QStringLiteral("502"), 2, 3);
        row("429 without Retry-After", Kind::Throttle, QString(), 2, 3);
        row("429 Retry-After 1", Kind::Throttle, QStringLiteral("1"), 1, 2);
        // Not retried by the client, but asked again by the collector's recovery passes.
        row("404 once", Kind::Status, QStringLiteral("404"), 1, 2);
        row("404 twice", Kind::Status, QStringLiteral("404"), 2, 3);
        row("malformed json once", Kind::MalformedJson, QString(), 1, 2);
        row("wrong shape once", Kind::WrongShape, QString(), 1, 2);
        row("rows of page 2 again, once", Kind::RepeatRows, QString(), 1, 2);
    }
    void collectionSurvivesTransientFaults()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        QFETCH(int, times);
        QFETCH(int, expectedRequests);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=3&"), arg, times);
        const Collected c = collect(4);
        verifyWhole(c);
        const int sent = requestsFor(QStringLiteral("page=3&"));
        const bool resets = kind == int(FaultInjector::Kind::Reset) ||
                            kind == int(FaultInjector::Kind::ResetAfterHeaders);
        QVERIFY2(sent >= (resets ? 2 : expectedRequests) && sent <= expectedRequests,
                 qPrintable(QString::number(sent)));
    }

    /// A fault that does not go away: a bounded number of tries, then one error a person can act
    /// on, and no set presented as complete. Errors the client retries end the walk once its
    /// attempts are spent; pages that answer 404 or do not decode are asked again by the
    /// collector's recovery passes (three asks in all) and then named in an Incomplete error.
    void persistentFaultsEndInOneActionableError_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<int>("expectedRequests");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("rowsDelivered"); // before the error; never presented as whole
        const auto row = [](const char *name, FaultInjector::Kind kind, const QString &arg,
                            ApiError::Kind expectedKind, int expected, const QString &mentions,
                            int rows) {
            QTest::newRow(name) << int(kind) << arg << int(expectedKind) << expected << mentions
                                << rows;
        };
        using Kind = FaultInjector::Kind;
        using Error = ApiError::Kind;
        row("500", Kind::Status, QStringLiteral("500"), Error::ServerError, 4,
            QStringLiteral("Page 2 of 8"), 200);
        row("502 html page", Kind::HtmlError, QStringLiteral("502"), Error::ServerError, 4,
            QStringLiteral("502"), 200);
        row("reset", Kind::Reset, QString(), Error::Network, 4, QStringLiteral("attempts"), 200);
        row("truncated", Kind::Truncate, QString(), Error::Network, 4, QStringLiteral("attempts"),
            200);
        row("429 for an hour", Kind::Throttle, QStringLiteral("3600"), Error::Throttled, 1,
            QStringLiteral("3600"), 200);
        row("404", Kind::Status, QStringLiteral("404"), Error::Incomplete, 3,
            QStringLiteral("200 of the 1500 sessions the server counts are missing"), 1300);
        row("malformed json", Kind::MalformedJson, QString(), Error::Incomplete, 3,
            QStringLiteral("page 2 did not decode"), 1300);
        row("wrong shape", Kind::WrongShape, QString(), Error::Incomplete, 3,
            QStringLiteral("total_sessions: expected an integer"), 1300);
        row("html page with 200", Kind::HtmlError, QStringLiteral("200"), Error::Incomplete, 3,
            QStringLiteral("page 2 did not decode"), 1300);
    }
    void persistentFaultsEndInOneActionableError()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        QFETCH(int, expectedKind);
        QFETCH(int, expectedRequests);
        QFETCH(QString, mentions);
        QFETCH(int, rowsDelivered);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=2&"), arg);
        const Collected c = collect(1);
        QCOMPARE(c.failedSignals, 1);
        QCOMPARE(c.finishedSignals, 0); // never "done" with a page missing
        QVERIFY(c.error);
        QCOMPARE(int(c.error->kind), expectedKind);
        const QString &message = c.error->toDisplayString();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        // Never markup or a raw JSON dump in front of a person.
        QVERIFY2(!message.contains(u'<') && !message.contains(QStringLiteral("{\"")),
                 qPrintable(message));
        QVERIFY(!message.contains(m_server->staffApiKey()));
        // Qt itself sends a request once more when a reused connection drops before any answer,
        // so a reset may cost two requests per attempt: bounded all the same.
        const int sent = requestsFor(QStringLiteral("page=2&"));
        const bool resets = kind == int(FaultInjector::Kind::Reset);
        QVERIFY2(sent >= expectedRequests && sent <= (resets ? 2 : 1) * expectedRequests,
                 qPrintable(QString::number(sent)));
        QCOMPARE(c.rows.size(), rowsDelivered);
        QCOMPARE(m_client->inFlightCount(), 0);
    }

    void backoffGrowsAndIsBounded()
    {
        // Four attempts with delays of at least 100, 200 and 400 ms (half of 200 << n, the
        // lowest the jitter may pick). Only a lower bound: a loaded machine is slower, not faster.
        m_client->setRetryPolicy({4, 200, 800, 5});
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("503"));
        QElapsedTimer timer;
        timer.start();
        const auto result = fetchFrom(*m_client, this);
        QCOMPARE(result.error().kind, ApiError::Kind::ServerError);
        QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_server->requestLog().size(), 4);
        // The jittered waits lie between the bounds the policy names.
        const QList<RecordedRequest> log = m_server->requestLog();
        for (qsizetype i = 1; i < log.size(); ++i) {
            const qint64 gap = log[i - 1].receivedAt.msecsTo(log[i].receivedAt);
            const qint64 floor = qMin<qint64>(200 << (i - 1), 800) / 2;
            QVERIFY2(gap >= floor - 20,
                     qPrintable(QStringLiteral("gap %1 < %2").arg(gap).arg(floor)));
        }
    }

    void cancelDuringBackoffStopsAtOnce()
    {
        m_client->setRetryPolicy({6, 1500, 3000, 5});
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("503"));
        int calls = 0;
        std::optional<ApiError> error;
        const auto id = m_client->fetchUsage({}, this, [&](Result<UsagePage> r) {
            ++calls;
            error = r.error();
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestLog().size(), 1, WaitMs);
        QTest::qWait(100); // the 503 has arrived; the client now waits to try again
        m_client->cancel(id);
        QCOMPARE(calls, 1);
        QCOMPARE(error->kind, ApiError::Kind::Cancelled);
        QCOMPARE(m_client->inFlightCount(), 0);
        QTest::qWait(3500); // longer than the longest backoff the policy allows
        QCOMPARE(m_server->requestLog().size(), 1);
        QCOMPARE(calls, 1);
    }

    void cancellingACollectionStopsEveryRequest()
    {
        m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("1500"));
        UsageCollector collector(m_client.get());
        collector.setMaxInFlight(4);
        int signalsAfterCancel = 0;
        bool cancelled = false;
        countLateSignals(collector, cancelled, signalsAfterCancel);
        QVERIFY(startWholeSet(collector));
        QTRY_VERIFY_WITH_TIMEOUT(m_client->inFlightCount() >= 2, WaitMs);
        const int inFlight = m_client->inFlightCount();
        collector.cancel();
        cancelled = true;
        QCOMPARE(m_client->inFlightCount(), 0);
        QVERIFY(!collector.isRunning());
        QTest::qWait(2500);
        QCOMPARE(signalsAfterCancel, 0);
        // Page 1 and the pages in flight at the moment of cancelling (their bytes may reach the
        // server after it); nothing is requested afterwards.
        QVERIFY2(m_server->requestLog().size() <= 1 + inFlight,
                 qPrintable(QString::number(m_server->requestLog().size())));
    }

    /// pagination.count wrong while the totals are right: the walk covers the larger figure, the
    /// rows match the totals exactly, and the summary says what the count claimed.
    void countThatDisagreesWithRightTotalsIsWhole_data()
    {
        QTest::addColumn<QString>("count"); // empty: the demo's twice-the-truth-plus-seven
        QTest::newRow("count too high") << QString();
        QTest::newRow("count too low") << QStringLiteral("1000");
    }
    void countThatDisagreesWithRightTotalsIsWhole()
    {
        QFETCH(QString, count);
        m_server->faults().add(FaultInjector::Kind::WrongCount, QStringLiteral("page=1&"), count);
        const Collected c = collect();
        verifyWhole(c);
        QVERIFY(c.summary->serverCount != m_server->dataset().sessions().size());
        QVERIFY2(c.summary->note.contains(QString::number(c.summary->serverCount)),
                 qPrintable(c.summary->note));
    }

    /// Rows repeated across pages (rows shifted) are kept once; the rows they pushed out are
    /// fetched again. When the repeats never stop, the walk fails and says which pages.
    void repeatedRowsAreKeptOnceAndRecovered_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<int>("times");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<int>("passes"); // recovery passes a whole set took
        // Page 1 carries its first row twice: nothing is pushed out, nothing to recover.
        QTest::newRow("page 1 repeats a row") << QStringLiteral("page=1&") << -1 << true << 0;
        QTest::newRow("page 5 repeats page 4, once") << QStringLiteral("page=5&") << 1 << true << 1;
        QTest::newRow("page 5 repeats page 4, twice")
            << QStringLiteral("page=5&") << 2 << true << 2;
        QTest::newRow("page 5 repeats page 4, always")
            << QStringLiteral("page=5&") << -1 << false << 0;
        QTest::newRow("every page repeats, always")
            << QStringLiteral("/api/billing/usage/") << -1 << false << 0;
    }
    void repeatedRowsAreKeptOnceAndRecovered()
    {
        QFETCH(QString, page);
        QFETCH(int, times);
        QFETCH(bool, whole);
        QFETCH(int, passes);
        m_server->faults().add(FaultInjector::Kind::RepeatRows, page, {}, times);
        const Collected c = collect();
        QSet<QString> ids;
        for (const SessionSummary &s : c.rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), c.rows.size()); // never a session twice
        if (whole) {
            verifyWhole(c);
            QVERIFY(c.summary->duplicatesDropped > 0);
            QCOMPARE(c.summary->recoveryPasses, passes);
            return;
        }
        QCOMPARE(c.finishedSignals, 0);
        QVERIFY(c.error);
        QCOMPARE(c.error->kind, ApiError::Kind::Incomplete);
        QVERIFY2(c.error->message.contains(QStringLiteral("repeated")),
                 qPrintable(c.error->message));
        QVERIFY2(c.error->message.contains(QStringLiteral("missing")),
                 qPrintable(c.error->message));
    }

    /// A set that lost rows while it was walked (a 404 on the last page, as when the server's
    /// set shrank): page 1 and the missing page are asked again with fresh totals, and the set is
    /// whole once the server answers again.
    void aPageMissingOnceIsAskedAgainWithFreshTotals()
    {
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("page=8&"),
                               QStringLiteral("404"), 1);
        UsageCollector collector(m_client.get());
        QSignalSpy recovering(&collector, &UsageCollector::recovering);
        QSignalSpy finished(&collector, &UsageCollector::finished);
        QVERIFY(startWholeSet(collector));
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(recovering.size(), 1);
        QCOMPARE(recovering.first().at(0).toInt(), 1);
        QCOMPARE(recovering.first().at(1).value<QList<int>>(), (QList<int>{1, 8}));
        QCOMPARE(recovering.first().at(2).toLongLong(), 100); // 1500 = 7 pages of 200 and 100
        const auto summary = finished.first().first().value<CollectionSummary>();
        QCOMPARE(summary.delivered, 1500);
        QCOMPARE(summary.recoveryPasses, 1);
        QCOMPARE(summary.pagesAskedAgain, (QList<int>{1, 8}));
        QCOMPARE(requestsFor(QStringLiteral("page=1&")), 2);
    }

    /// The detail endpoint names the field of a wrong type as well.
    void wrongShapeNamesTheFieldInADetail()
    {
        const QString id = m_server->dataset().sessions().at(3).sessionId;
        m_server->faults().add(FaultInjector::Kind::WrongShape,
                               QStringLiteral("/api/billing/sessions/"));
        std::optional<Result<SessionSummary>> result;
        m_client->fetchSession(id, this,
                               [&](Result<SessionSummary> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), WaitMs);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(result->error().message.contains(u':') &&
                     result->error().message.contains(u"expected"),
                 qPrintable(result->error().message));
    }

    /// The oversized replies, against a separate server process so that this process's memory
    /// is the client's alone. The 50 MB page is refused by the default limit before its body is
    /// read; the 10 MB transcript turn fits under the limit and decodes whole.
    void oversizedRepliesStayBounded_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("maxGrowth");
        QTest::newRow("50 MB page")
            << QStringLiteral("/api/billing/usage/=huge-page:50") << false << 48 * MiB;
        QTest::newRow("10 MB turn")
            << QStringLiteral("/api/billing/usage/=huge-turn:10") << true << 256 * MiB;
    }
    void oversizedRepliesStayBounded()
    {
        QFETCH(QString, fault);
        QFETCH(bool, accepted);
        QFETCH(qint64, maxGrowth);
        DemoProcess server;
        QString error;
        QVERIFY2(server.start(QStringLiteral(DEMO_SERVER_BINARY),
                              {QStringLiteral("--sessions"), QStringLiteral("300"),
                               QStringLiteral("--fault"), fault},
                              &error),
                 qPrintable(error));
        QNetworkAccessManager network;
        ApiClient client(&network); // the default size limit
        client.setBaseUrl(server.apiUrl());
        client.setCredentials({server.staffKey(), {}});
        client.setRetryPolicy({1, 10, 10, 5});
        client.setTimeoutMs(60000);
        const bool resetWorked = MemoryWatch::reset();
        const qint64 before = resetWorked ? MemoryWatch::peakBytes() : MemoryWatch::currentBytes();
        QElapsedTimer timer;
        timer.start();
        const auto result = fetchFrom(client, this);
        const qint64 growth = MemoryWatch::peakBytes() - before;
        qInfo("%s: %s in %lld ms, peak RSS growth %.1f MiB%s", QTest::currentDataTag(),
              result.ok() ? "decoded" : "refused", timer.elapsed(), double(growth) / MiB,
              resetWorked ? "" : " (peak not resettable: upper estimate)");
        if (accepted) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            const SessionSummary &first = result.value().sessions.constFirst();
            QVERIFY(!first.transcript.isEmpty());
            QCOMPARE(first.transcript.constFirst().text.size(), 10 * MiB);
            QCOMPARE(result.value().sessions.size(), 50);
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, ApiError::Kind::TooLarge);
            QVERIFY2(result.error().message.contains(QStringLiteral(" MB")),
                     qPrintable(result.error().message));
            QVERIFY(!result.error().message.contains(server.staffKey()));
        }
        if (resetWorked)
            QVERIFY2(growth < maxGrowth * MemoryFactor,
                     qPrintable(QString::number(double(growth) / MiB)));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
