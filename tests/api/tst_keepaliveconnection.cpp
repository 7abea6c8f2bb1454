// The direct page path against the demo server: a kept-alive connection reads what ApiClient
// reads (plain, chunked, gzip), reuses its connection, reconnects when a kept-alive one was
// dropped, and hands every other answer back as unusable; the reader decodes on its workers,
// delivers on the GUI thread and forgets cancelled pages.
//
// The demo server runs in this process on the GUI thread, so every blocking read happens on a
// worker thread while the test turns the event loop.

#include "apiclient.h"
#include "demoserver.h"
#include "keepaliveconnection.h"
#include "parallelpagereader.h"
#include "testsupport.h"
#include "usagedecoder.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using TestSupport::WaitMs;

namespace {
/// Runs `work` on a thread of its own (so that its socket lives and dies there) while the event
/// loop serves it; false when it did not end in time.
bool onWorker(const std::function<void()> &work)
{
    std::atomic<bool> done{false};
    std::thread thread([&] {
        work();
        done = true;
    });
    const bool ended = QTest::qWaitFor([&] { return done.load(); }, WaitMs);
    if (!ended)
        qWarning("the worker did not end in time");
    thread.join();
    return ended;
}

QStringList sessionIds(const UsagePage &page)
{
    QStringList ids;
    for (const SessionSummary &s : page.sessions)
        ids.append(s.sessionId);
    return ids;
}
} // namespace

class TestKeepAliveConnection final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;

    [[nodiscard]] UsageQuery pageQuery(int page) const
    {
        UsageQuery query;
        query.pageSize = 50;
        query.range.endMicros = TestSupport::referenceNow().toMSecsSinceEpoch() * 1000;
        return query.atPage(page);
    }

    /// The page as ApiClient reads it: what every direct read is compared with.
    UsagePage throughApiClient(int page)
    {
        const auto result = TestSupport::await<UsagePage>(
            [&](auto done) { m_client->fetchUsage(pageQuery(page), this, done); });
        if (!result)
            qWarning("%s", qPrintable(result.error().message));
        return result ? result.value() : UsagePage{};
    }

    DirectRequest directRequest(int page) const
    {
        const auto request = m_client->directUsageRequest(pageQuery(page));
        if (!request)
            qFatal("no direct request for a plain local server");
        return *request;
    }

    /// Reads the pages in order on one connection; returns the replies.
    QList<KeepAliveConnection::Reply> readOnOneConnection(const QList<DirectRequest> &requests,
                                                          int *opened = nullptr)
    {
        QList<KeepAliveConnection::Reply> replies;
        const bool ended = onWorker([&] {
            KeepAliveConnection connection;
            for (const DirectRequest &request : requests)
                replies.append(connection.get(request, [] { return false; }));
            if (opened)
                *opened = connection.connectionsOpened();
        });
        if (!ended)
            replies.clear();
        return replies;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(300, 7, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void init() { m_client = TestSupport::freshStaffClient(m_network, *m_server); }

    void readsWhatApiClientReads_data()
    {
        QTest::addColumn<int>("kind"); // -1: no fault
        QTest::addColumn<QString>("arg");
        QTest::newRow("content-length") << -1 << QString();
        QTest::newRow("chunked, 16 KiB") << int(FaultInjector::Kind::Chunked) << QString();
        QTest::newRow("chunked, 1000 bytes")
            << int(FaultInjector::Kind::Chunked) << QStringLiteral("1000");
        QTest::newRow("gzip") << int(FaultInjector::Kind::Gzip) << QString();
        QTest::newRow("gzip, chunked")
            << int(FaultInjector::Kind::Gzip) << QStringLiteral("chunked");
    }
    void readsWhatApiClientReads()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        const UsagePage expected = throughApiClient(2);
        QCOMPARE(expected.sessions.size(), 50);
        m_server->clearRequestLog();
        if (kind >= 0)
            m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=2&"), arg, 1);
        const auto replies = readOnOneConnection({directRequest(2)});
        QCOMPARE(replies.size(), 1);
        const KeepAliveConnection::Reply &reply = replies.first();
        QVERIFY2(reply.isUsable(), qPrintable(reply.problem));
        QCOMPARE(reply.status, 200);
        // The fault was used: this read took the encoding under test.
        QVERIFY(m_server->faults().rules().isEmpty());
        const auto decoded = UsageDecoder::decodeUsagePage(reply.body);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        QCOMPARE(sessionIds(decoded.value()), sessionIds(expected));
        QCOMPARE(decoded.value().totals.estimatedCost, expected.totals.estimatedCost);
        QCOMPARE(decoded.value().count, expected.count);
        // The credentials went with it, as with ApiClient.
        QCOMPARE(m_server->requestLog().size(), 1);
        QCOMPARE(m_server->requestLog().first().header("X-API-Key"),
                 m_server->staffApiKey().toUtf8());
    }

    void keepsItsConnectionAlive()
    {
        int opened = 0;
        const auto replies =
            readOnOneConnection({directRequest(1), directRequest(2), directRequest(3)}, &opened);
        QCOMPARE(replies.size(), 3);
        for (const auto &reply : replies)
            QVERIFY2(reply.isUsable(), qPrintable(reply.problem));
        QCOMPARE(opened, 1);
        const QList<RecordedRequest> log = m_server->requestLog();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(1).peerPort, log.at(0).peerPort);
        QCOMPARE(log.at(2).peerPort, log.at(0).peerPort);
    }

    /// A kept-alive connection the server has dropped shows as a reset before any answer: the
    /// GET goes again once, on a new connection.
    void reconnectsWhenAKeptConnectionWasDropped()
    {
        int opened = 0;
        // Page 1 opens the connection; page 2's first answer is a reset.
        m_server->faults().add(FaultInjector::Kind::Reset, QStringLiteral("page=2&"), {}, 1);
        const auto replies = readOnOneConnection({directRequest(1), directRequest(2)}, &opened);
        QCOMPARE(replies.size(), 2);
        QVERIFY2(replies.at(0).isUsable(), qPrintable(replies.at(0).problem));
        QVERIFY2(replies.at(1).isUsable(), qPrintable(replies.at(1).problem));
        QCOMPARE(opened, 2);
        QCOMPARE(m_server->requestLog().size(), 3);
    }

    void everyOtherAnswerIsHandedBack_data()
    {
        QTest::addColumn<int>("kind"); // -1: a wrong API key
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401") << -1 << QString() << 401 << QStringLiteral("401");
        QTest::newRow("500") << int(FaultInjector::Kind::Status) << QStringLiteral("500") << 500
                             << QStringLiteral("500");
        QTest::newRow("429") << int(FaultInjector::Kind::Throttle) << QStringLiteral("3") << 429
                             << QStringLiteral("429");
        QTest::newRow("502 html page")
            << int(FaultInjector::Kind::HtmlError) << QString() << 502 << QStringLiteral("502");
        QTest::newRow("redirect") << int(FaultInjector::Kind::Redirect)
                                  << QStringLiteral("/api/billing/usage/") << 302
                                  << QStringLiteral("302");
        QTest::newRow("reset") << int(FaultInjector::Kind::Reset) << QString() << 0
                               << QStringLiteral("ended early");
        QTest::newRow("reset after headers") << int(FaultInjector::Kind::ResetAfterHeaders)
                                             << QString() << 200 << QStringLiteral("ended after");
        QTest::newRow("truncated") << int(FaultInjector::Kind::Truncate) << QString() << 200
                                   << QStringLiteral("ended after");
    }
    void everyOtherAnswerIsHandedBack()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        DirectRequest request = directRequest(2);
        if (kind < 0) {
            for (auto &[name, value] : request.headers)
                if (name == "X-API-Key")
                    value = "sk_not_a_key";
        } else {
            m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("page=2&"), arg);
        }
        const auto replies = readOnOneConnection({request});
        QCOMPARE(replies.size(), 1);
        const KeepAliveConnection::Reply &reply = replies.first();
        QVERIFY(!reply.isUsable());
        QCOMPARE(reply.status, status);
        QVERIFY(reply.body.isEmpty());
        QVERIFY2(reply.problem.contains(mentions), qPrintable(reply.problem));
    }

    void sizeLimitHolds_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("announced") << false << QStringLiteral("larger than the size limit");
        QTest::newRow("inflated") << true << QStringLiteral("inflates past the size limit");
    }
    void sizeLimitHolds()
    {
        QFETCH(bool, gzip);
        QFETCH(QString, mentions);
        DirectRequest request = directRequest(2);
        // Above the compressed size of a 50-session page, below its plain size.
        request.maxBytes = 60 * 1024;
        if (gzip)
            m_server->faults().add(FaultInjector::Kind::Gzip, QStringLiteral("page=2&"));
        const auto replies = readOnOneConnection({request});
        QCOMPARE(replies.size(), 1);
        QVERIFY(!replies.first().isUsable());
        QVERIFY2(replies.first().problem.contains(mentions), qPrintable(replies.first().problem));
    }

    void silenceEndsTheReadAtTheTimeout()
    {
        DirectRequest request = directRequest(2);
        request.timeoutMs = 300;
        m_server->faults().add(FaultInjector::Kind::Stall, QStringLiteral("page=2&"),
                               QStringLiteral("20000"), 1);
        QElapsedTimer timer;
        timer.start();
        const auto replies = readOnOneConnection({request});
        QCOMPARE(replies.size(), 1);
        QVERIFY(!replies.first().isUsable());
        QVERIFY2(replies.first().problem.contains(QStringLiteral("in time")),
                 qPrintable(replies.first().problem));
        // Well before the 20 s stall ends; generous for a loaded machine.
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void readerDeliversDecodedPagesOnTheGuiThread()
    {
        ParallelPageReader reader(2);
        QHash<int, UsagePage> read;
        connect(&reader, &ParallelPageReader::pageRead, this,
                [&](int page, const Result<UsagePage> &result) {
                    QCOMPARE(QThread::currentThread(), thread());
                    QVERIFY(result);
                    read.insert(page, result.value());
                });
        QSignalSpy unreadable(&reader, &ParallelPageReader::pageUnreadable);
        for (int page = 1; page <= 6; ++page)
            reader.read(page, directRequest(page));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 6, WaitMs);
        QCOMPARE(unreadable.size(), 0);
        // Two workers, at most two connections for six requests.
        QSet<quint16> ports;
        for (const RecordedRequest &r : m_server->requestLog())
            ports.insert(r.peerPort);
        QCOMPARE(m_server->requestLog().size(), 6);
        QVERIFY2(ports.size() <= 2, qPrintable(QString::number(ports.size())));
        for (int page = 1; page <= 6; ++page)
            QCOMPARE(sessionIds(read.value(page)), sessionIds(throughApiClient(page)));
    }

    void readerReportsWhatItCannotRead()
    {
        ParallelPageReader reader(1);
        QSignalSpy read(&reader, &ParallelPageReader::pageRead);
        QSignalSpy unreadable(&reader, &ParallelPageReader::pageUnreadable);
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("page=2&"),
                               QStringLiteral("503"), 1);
        reader.read(2, directRequest(2));
        QVERIFY(unreadable.wait(WaitMs));
        QCOMPARE(unreadable.first().at(0).toInt(), 2);
        QCOMPARE(unreadable.first().at(1).toInt(), 503);
        QCOMPARE(read.size(), 0);
        // A page whose bytes do not decode is read, with the decoder's error.
        m_server->faults().add(FaultInjector::Kind::MalformedJson, QStringLiteral("page=3&"), {},
                               1);
        std::optional<Result<UsagePage>> result;
        connect(&reader, &ParallelPageReader::pageRead, this,
                [&](int, const Result<UsagePage> &r) { result = r; });
        reader.read(3, directRequest(3));
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), WaitMs);
        QVERIFY(!*result);
        QCOMPARE(result->error().kind, ApiError::Kind::MalformedResponse);
    }

    void cancelledPagesAreForgottenAndTheReaderStopsAtOnce()
    {
        m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("20000"));
        QElapsedTimer timer;
        {
            ParallelPageReader reader(3);
            QSignalSpy read(&reader, &ParallelPageReader::pageRead);
            QSignalSpy unreadable(&reader, &ParallelPageReader::pageUnreadable);
            for (int page = 1; page <= 6; ++page)
                reader.read(page, directRequest(page));
            QTRY_COMPARE_WITH_TIMEOUT(m_server->requestLog().size(), 3, WaitMs);
            reader.cancelAll();
            QTest::qWait(300);
            QCOMPARE(read.size() + unreadable.size(), 0);
            // The queued pages were dropped: nothing more was asked.
            QCOMPARE(m_server->requestLog().size(), 3);
            timer.start();
        }
        // The workers noticed within a wait slice; the 20 s answers were not waited for.
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    /// A host name is resolved by the reader, on this thread, before a worker connects to the
    /// address; an unknown name comes back unreadable at once, without a worker waiting on it.
    void readerResolvesNamesBeforeItsWorkersConnect_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("readable");
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("unknown name") << QStringLiteral("sessionscope-test.invalid") << false;
    }
    void readerResolvesNamesBeforeItsWorkersConnect()
    {
        QFETCH(QString, host);
        QFETCH(bool, readable);
        DirectRequest request = directRequest(2);
        request.url.setHost(host);
        const auto outcome = TestSupport::readOnePage(request);
        if (readable) {
            QVERIFY2(outcome.read && *outcome.read, qPrintable(outcome.problem));
            QCOMPARE(sessionIds(outcome.read->value()), sessionIds(throughApiClient(2)));
            return;
        }
        QVERIFY2(outcome.unreadableStatus, qPrintable(outcome.problem));
        QCOMPARE(*outcome.unreadableStatus, 0);
        QVERIFY2(outcome.problem.contains(host), qPrintable(outcome.problem));
        QVERIFY(m_server->requestLog().isEmpty());
    }

    /// Only where Qt would connect straight to the server.
    void noDirectRequestThroughAProxy()
    {
        QVERIFY(m_client->directUsageRequest(pageQuery(2)));
        QNetworkAccessManager proxied;
        proxied.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), 9));
        ApiClient client(&proxied);
        client.setBaseUrl(m_server->apiBaseUrl());
        QVERIFY(!client.directUsageRequest(pageQuery(2)));
        ApiClient other(&m_network);
        other.setBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1/")));
        QVERIFY(!other.directUsageRequest(pageQuery(2)));
    }
};

QTEST_MAIN(TestKeepAliveConnection)
#include "tst_keepaliveconnection.moc"
