// Every way the server or the network misbehaves, against the demo server's fault mode: what
// the user ends up with (a whole set, or an error that says what to do) and that no session is
// lost or doubled on the way. tst_apiclient covers single requests; this covers whole
// collections, giving up, cancelling and the oversized replies.

#include "apiclient.h"
#include "demoprocess.h"
#include "demoserver.h"
#include "memorywatch.h"
#include "testsupport.h"
#include "usagecollector.h"

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

    /// `direct`: connections of the direct page reader, 0 for Qt's network stack alone.
    Collected collect(int maxInFlight = 4, int direct = 0)
    {
        Collected c;
        UsageCollector collector(m_client.get());
        collector.setMaxInFlight(maxInFlight);
        collector.setDirectConnections(direct);
        connect(&collector, &UsageCollector::pageReady, this,
                [&](int, const QList<SessionSummary> &s) { c.rows += s; });
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

    /// A fault on one page in the middle of a collection: survived by retrying, and the set
    /// the user gets is whole, each session once, totals and count in agreement.
    /// Rows run through Qt's network stack alone and with the direct page reader, whose read of
    /// the faulty page takes one use of the fault before ApiClient takes over.
    void collectionSurvivesTransientFaults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("times");
        QTest::addColumn<int>("expectedRequests"); // for page 3
        QTest::addColumn<int>("direct");
        const auto row = [](const char *name, FaultInjector::Kind kind, const QString &arg,
                            int times, int expected) {
            for (const int direct : {0, 4})
                QTest::addRow("%s, %s", direct ? "direct" : "qt", name)
                    << int(kind) << arg << times << expected << direct;
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
    }
    void collectionSurvivesTransientFaults()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        QFETCH(int, times);
        QFETCH(int, expectedRequests);
        QFETCH(int, direct);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=3&"), arg, times);
        const Collected c = collect(4, direct);
        QVERIFY2(!c.error, qPrintable(c.error ? c.error->message : QString()));
        QCOMPARE(c.finishedSignals, 1);
        QCOMPARE(c.failedSignals, 0);
        QCOMPARE(c.rows.size(), m_server->dataset().sessions().size());
        QSet<QString> ids;
        for (const SessionSummary &s : c.rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), c.rows.size());
        QCOMPARE(c.summary->delivered, c.summary->serverCount);
        QCOMPARE(c.summary->duplicatesDropped, 0);
        QVERIFY2(c.summary->inconsistency.isEmpty(), qPrintable(c.summary->inconsistency));
        const int sent = requestsFor(QStringLiteral("page=3&"));
        const bool resets = kind == int(FaultInjector::Kind::Reset) ||
                            kind == int(FaultInjector::Kind::ResetAfterHeaders);
        QVERIFY2(sent >= (resets ? 2 : expectedRequests) && sent <= expectedRequests,
                 qPrintable(QString::number(sent)));
    }

    /// A fault that does not go away: a bounded number of tries, then one error a person can act
    /// on, and no set presented as complete.
    /// With the direct page reader, a failed read adds one request before ApiClient's attempts;
    /// a page that arrives but does not decode is final at once, as through ApiClient.
    void persistentFaultsEndInOneActionableError_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<int>("expectedRequests");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("direct");
        QTest::addColumn<int>("directRequests"); // added by the direct read
        const auto row = [](const char *name, FaultInjector::Kind kind, const QString &arg,
                            ApiError::Kind expectedKind, int expected, const QString &mentions,
                            int directRequests) {
            for (const int direct : {0, 4})
                QTest::addRow("%s, %s", direct ? "direct" : "qt", name)
                    << int(kind) << arg << int(expectedKind) << expected << mentions << direct
                    << (direct ? directRequests : 0);
        };
        using Kind = FaultInjector::Kind;
        using Error = ApiError::Kind;
        row("500", Kind::Status, QStringLiteral("500"), Error::ServerError, 4,
            QStringLiteral("4 attempts"), 1);
        row("502 html page", Kind::HtmlError, QStringLiteral("502"), Error::ServerError, 4,
            QStringLiteral("502"), 1);
        row("reset", Kind::Reset, QString(), Error::Network, 4, QStringLiteral("4 attempts"), 1);
        row("truncated", Kind::Truncate, QString(), Error::Network, 4, QStringLiteral("4 attempts"),
            1);
        row("429 for an hour", Kind::Throttle, QStringLiteral("3600"), Error::Throttled, 1,
            QStringLiteral("3600"), 1);
        row("malformed json", Kind::MalformedJson, QString(), Error::MalformedResponse, 1,
            QString(), 0);
        row("wrong shape", Kind::WrongShape, QString(), Error::MalformedResponse, 1,
            QStringLiteral("total_sessions: expected an integer"), 0);
        row("html page with 200", Kind::HtmlError, QStringLiteral("200"), Error::MalformedResponse,
            1, QString(), 0);
    }
    void persistentFaultsEndInOneActionableError()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        QFETCH(int, expectedKind);
        QFETCH(int, expectedRequests);
        QFETCH(QString, mentions);
        QFETCH(int, direct);
        QFETCH(int, directRequests);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=2&"), arg);
        const Collected c = collect(1, direct);
        QCOMPARE(c.failedSignals, 1);
        QCOMPARE(c.finishedSignals, 0); // never "done" with a page missing
        QVERIFY(c.error);
        QCOMPARE(int(c.error->kind), expectedKind);
        const QString &message = c.error->toDisplayString();
        QVERIFY2(!mentions.isEmpty() ? message.contains(mentions) : !message.isEmpty(),
                 qPrintable(message));
        // Never markup or a raw JSON dump in front of a person.
        QVERIFY2(!message.contains(u'<') && !message.contains(QStringLiteral("{\"")),
                 qPrintable(message));
        QVERIFY(!message.contains(m_server->staffApiKey()));
        // Qt itself sends a request once more when a reused connection drops before any answer,
        // so a reset may cost two requests per attempt: bounded all the same.
        const int sent = requestsFor(QStringLiteral("page=2&")) - directRequests;
        const bool resets = kind == int(FaultInjector::Kind::Reset);
        QVERIFY2(sent >= expectedRequests && sent <= (resets ? 2 : 1) * expectedRequests,
                 qPrintable(QString::number(sent)));
        // Only page 1 reached the table: nothing of page 2 was shown as if whole.
        QCOMPARE(c.rows.size(), 200);
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
        collector.setDirectConnections(0); // the direct reader's cancel is tested below
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

    void cancellingADirectCollectionStopsEveryRead()
    {
        m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("1500"));
        QElapsedTimer timer;
        qsizetype sentAtCancel = 0;
        int signalsAfterCancel = 0;
        {
            UsageCollector collector(m_client.get());
            collector.setDirectConnections(4);
            bool cancelled = false;
            countLateSignals(collector, cancelled, signalsAfterCancel);
            QVERIFY(startWholeSet(collector));
            // Page 1, then a page on each of the reader's four connections.
            QTRY_VERIFY_WITH_TIMEOUT(m_server->requestLog().size() >= 5, WaitMs);
            collector.cancel();
            cancelled = true;
            sentAtCancel = m_server->requestLog().size();
            QVERIFY(!collector.isRunning());
            QTest::qWait(2500);
            timer.start();
        }
        // The workers stopped within a wait slice, not after the 1.5 s answers.
        QVERIFY2(timer.elapsed() < 1400, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(signalsAfterCancel, 0);
        // Queued pages were dropped; a worker that had just taken one may still have sent it.
        QVERIFY2(m_server->requestLog().size() <= sentAtCancel + 4,
                 qPrintable(QString::number(m_server->requestLog().size())));
    }

    /// The same rows in the same order, the same summary, whichever path the pages took.
    void directReaderDeliversWhatApiClientDelivers()
    {
        const Collected qt = collect(4, 0);
        m_server->clearRequestLog();
        const Collected direct = collect(4, 4);
        QVERIFY(qt.summary && direct.summary);
        QCOMPARE(qt.summary->pagesReadDirectly, 0);
        QCOMPARE(direct.summary->pagesReadDirectly, direct.summary->pages);
        QCOMPARE(direct.rows.size(), qt.rows.size());
        for (qsizetype i = 0; i < qt.rows.size(); ++i)
            QCOMPARE(direct.rows.at(i).sessionId, qt.rows.at(i).sessionId);
        QCOMPARE(direct.summary->delivered, qt.summary->delivered);
        QCOMPARE(direct.summary->serverTotals.estimatedCost,
                 qt.summary->serverTotals.estimatedCost);
        QVERIFY(direct.summary->inconsistency.isEmpty());
        // One request per page: nothing was fetched twice.
        QCOMPARE(m_server->requestLog().size(), direct.summary->pages);
    }

    /// Changing the reader's connections, or turning it off, in the middle of a walk: the pages
    /// it was reading are asked of ApiClient, and the set is whole.
    void changingConnectionsMidWalkLosesNothing_data()
    {
        QTest::addColumn<int>("connections");
        QTest::newRow("to two") << 2;
        QTest::newRow("off") << 0;
    }
    void changingConnectionsMidWalkLosesNothing()
    {
        QFETCH(int, connections);
        m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("300"));
        UsageCollector collector(m_client.get());
        collector.setDirectConnections(4);
        QList<SessionSummary> rows;
        connect(&collector, &UsageCollector::pageReady, this,
                [&](int, const QList<SessionSummary> &s) { rows += s; });
        QSignalSpy finished(&collector, &UsageCollector::finished);
        QVERIFY(startWholeSet(collector));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestLog().size() >= 3, WaitMs);
        collector.setDirectConnections(connections);
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(rows.size(), m_server->dataset().sessions().size());
        QSet<QString> ids;
        for (const SessionSummary &s : rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), rows.size());
    }

    /// After a failed direct read the rest of the walk goes through ApiClient: the pages still
    /// queued in the reader are asked of ApiClient, and nothing is lost or doubled.
    void aFailedDirectReadHandsTheRestToApiClient_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::newRow("reset") << int(FaultInjector::Kind::Reset) << QString();
        QTest::newRow("503") << int(FaultInjector::Kind::Status) << QStringLiteral("503");
        QTest::newRow("429") << int(FaultInjector::Kind::Throttle) << QStringLiteral("1");
        QTest::newRow("401") << int(FaultInjector::Kind::Status) << QStringLiteral("401");
    }
    void aFailedDirectReadHandsTheRestToApiClient()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=2&"), arg, 1);
        const Collected c = collect(4, 4);
        QVERIFY2(!c.error, qPrintable(c.error ? c.error->message : QString()));
        QCOMPARE(c.rows.size(), m_server->dataset().sessions().size());
        QSet<QString> ids;
        for (const SessionSummary &s : c.rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), c.rows.size());
        QVERIFY(c.summary->pagesReadDirectly < c.summary->pages);
        QCOMPARE(requestsFor(QStringLiteral("page=2&")), 2);
    }

    void countThatDisagreesIsReported_data()
    {
        QTest::addColumn<QString>("count"); // empty: the demo's twice-the-truth-plus-seven
        QTest::newRow("count too high") << QString();
        QTest::newRow("count too low") << QStringLiteral("1000");
    }
    void countThatDisagreesIsReported()
    {
        QFETCH(QString, count);
        m_server->faults().add(FaultInjector::Kind::WrongCount, QStringLiteral("page=1&"), count);
        const Collected c = collect();
        QVERIFY2(!c.error, qPrintable(c.error ? c.error->message : QString()));
        QCOMPARE(c.finishedSignals, 1);
        QVERIFY(c.summary->serverCount != m_server->dataset().sessions().size());
        QCOMPARE(c.summary->delivered, qint64(c.rows.size()));
        // The difference is said, with both figures, and never silently papered over.
        QVERIFY(!c.summary->inconsistency.isEmpty());
        QVERIFY2(c.summary->inconsistency.contains(QString::number(c.summary->serverCount)),
                 qPrintable(c.summary->inconsistency));
        QVERIFY2(c.summary->inconsistency.contains(QString::number(c.summary->delivered)),
                 qPrintable(c.summary->inconsistency));
        QSet<QString> ids;
        for (const SessionSummary &s : c.rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), c.rows.size());
    }

    void repeatedRowsAreKeptOnce_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("page 1 repeats a row") << QStringLiteral("page=1&");
        QTest::newRow("page 5 repeats page 4") << QStringLiteral("page=5&");
        QTest::newRow("every page repeats") << QStringLiteral("/api/billing/usage/");
    }
    void repeatedRowsAreKeptOnce()
    {
        QFETCH(QString, page);
        m_server->faults().add(FaultInjector::Kind::RepeatRows, page);
        const Collected c = collect();
        QVERIFY2(!c.error, qPrintable(c.error ? c.error->message : QString()));
        QSet<QString> ids;
        for (const SessionSummary &s : c.rows)
            ids.insert(s.sessionId);
        QCOMPARE(ids.size(), c.rows.size());
        QVERIFY(c.summary->duplicatesDropped > 0);
        QVERIFY(!c.summary->inconsistency.isEmpty());
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
