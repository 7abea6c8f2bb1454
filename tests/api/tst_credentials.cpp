// Credentials reach the configured API origin only. A HeaderRecorder (a server that only
// records what it receives) stands in for every other origin: redirects, `next` links and
// recording URLs pointed at it must bring it no key, no token and no cookie.

#include "api/apiclient.h"
#include "api/recordingfetcher.h"
#include "demo/demoserver.h"
#include "demo/headerrecorder.h"
#include "tests/support/testsupport.h"

#include <QNetworkAccessManager>
#include <QTest>

namespace {
constexpr int WaitMs = 60000;

/// A header that identifies the user, if the request carried one.
QByteArray credentialIn(const RecordedRequest &r)
{
    for (const char *name : {"x-api-key", "authorization", "cookie", "proxy-authorization"}) {
        if (r.hasHeader(name))
            return QByteArray(name) + ": " + r.header(name);
    }
    return {};
}

RecordingDownload download(RecordingFetcher &fetcher, const QUrl &url, QObject *context)
{
    std::optional<RecordingDownload> result;
    fetcher.fetch(url, context, [&](RecordingDownload d) { result.emplace(std::move(d)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs)) {
        RecordingDownload timedOut;
        timedOut.error =
            ApiError::make(ApiError::Kind::Timeout, QStringLiteral("the test gave up"));
        return timedOut;
    }
    return std::move(*result);
}
} // namespace

class TestCredentials final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<HeaderRecorder> m_recorder;

    Result<UsagePage> fetch(const UsageQuery &query)
    {
        return TestSupport::await<UsagePage>(
            [&](auto done) { m_client->fetchUsage(query, this, done); });
    }

    QUrl apiUrlWithPort(const QString &host, int port,
                        const QString &scheme = QStringLiteral("http")) const
    {
        QUrl url;
        url.setScheme(scheme);
        url.setHost(host);
        url.setPort(port);
        url.setPath(QStringLiteral("/api/billing/usage/"));
        url.setQuery(QStringLiteral("page=2"));
        return url;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(300, 9, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void init()
    {
        m_server->faults().clear();
        m_server->clearRequestLog();
        m_recorder = std::make_unique<HeaderRecorder>();
        QVERIFY(m_recorder->start());
        m_client = std::make_unique<ApiClient>(&m_network);
        m_client->setBaseUrl(m_server->apiBaseUrl());
        // Both credentials, so that neither can slip out.
        m_client->setCredentials(
            {m_server->staffApiKey(), QStringLiteral("token-that-must-not-leak")});
        m_client->setRetryPolicy({3, 20, 200, 5});
    }

    void redirectsAwayFromTheOriginAreRefused_data()
    {
        QTest::addColumn<QString>("target"); // see below
        QTest::newRow("another port") << QStringLiteral("recorder");
        QTest::newRow("user-info disguise") << QStringLiteral("userinfo");
        QTest::newRow("another host name for the same server") << QStringLiteral("localhost");
        QTest::newRow("another scheme") << QStringLiteral("https");
        QTest::newRow("after a redirect within the origin") << QStringLiteral("chain");
        QTest::newRow("relative, protocol-relative") << QStringLiteral("protocol-relative");
    }
    void redirectsAwayFromTheOriginAreRefused()
    {
        QFETCH(QString, target);
        const int apiPort = m_server->apiBaseUrl().port();
        const int recorderPort = m_recorder->baseUrl().port();
        QByteArray location;
        if (target == u"recorder")
            location = apiUrlWithPort(QStringLiteral("127.0.0.1"), recorderPort).toEncoded();
        else if (target == u"userinfo")
            location = "http://127.0.0.1:" + QByteArray::number(apiPort) +
                       "@127.0.0.1:" + QByteArray::number(recorderPort) + "/api/billing/usage/";
        else if (target == u"localhost")
            location = apiUrlWithPort(QStringLiteral("localhost"), apiPort).toEncoded();
        else if (target == u"https")
            location = apiUrlWithPort(QStringLiteral("127.0.0.1"), apiPort, QStringLiteral("https"))
                           .toEncoded();
        else if (target == u"protocol-relative")
            location = "//127.0.0.1:" + QByteArray::number(recorderPort) + "/api/billing/usage/";
        QString pattern = QStringLiteral("/api/billing/usage/");
        if (target == u"chain") {
            // First a hop the client may follow, then one it may not.
            const QUrl within = m_client->endpoint(QStringLiteral("/api/billing/usage/"),
                                                   QStringLiteral("page=1&page_size=8"));
            m_server->faults().add(FaultInjector::Kind::Redirect, QStringLiteral("page_size=7"),
                                   within.toString(), 1);
            pattern = QStringLiteral("page_size=8");
            location = apiUrlWithPort(QStringLiteral("127.0.0.1"), recorderPort).toEncoded();
        }
        m_server->faults().add(FaultInjector::Kind::Redirect, pattern, QString::fromUtf8(location));
        UsageQuery query;
        query.pageSize = 7;
        const auto result = fetch(query);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::UnsafeRedirect);
        QVERIFY(!result.error().message.contains(m_server->staffApiKey()));
        QTest::qWait(200);
        QCOMPARE(m_recorder->requests().size(), 0);
        for (const RecordedRequest &r : m_server->requestLog())
            QVERIFY2(r.url.port() == apiPort, qPrintable(r.url.toString()));
        if (target == u"chain")
            QCOMPARE(m_server->requestLog().size(), 2); // the hop within the origin was taken
        else
            QCOMPARE(m_server->requestLog().size(), 1);
    }

    /// The client never follows `next` at all: a link to another origin is data, not a request.
    void foreignNextIsNeverRequested()
    {
        const QUrl foreign =
            apiUrlWithPort(QStringLiteral("127.0.0.1"), m_recorder->baseUrl().port());
        m_server->faults().add(FaultInjector::Kind::ForeignNext,
                               QStringLiteral("/api/billing/usage/"), foreign.toString());
        const auto result = fetch({});
        QVERIFY(result.ok());
        QCOMPARE(result.value().next, foreign);
        QTest::qWait(200);
        QCOMPARE(m_recorder->requests().size(), 0);
    }

    /// Presigned recording URLs from a real page: the recording origin sees no credential.
    void recordingDownloadsCarryNoCredentials()
    {
        const auto page = fetch({});
        QVERIFY(page.ok());
        QList<QUrl> urls;
        for (const SessionSummary &s : page.value().sessions) {
            if (!s.recordingPresignedUrl.isEmpty() && urls.size() < 2)
                urls.append(QUrl(s.recordingPresignedUrl));
        }
        QVERIFY(!urls.isEmpty());
        RecordingFetcher fetcher;
        for (const QUrl &url : std::as_const(urls)) {
            QVERIFY(!isSameOriginForTest(url));
            const RecordingDownload d = download(fetcher, url, this);
            QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error->message));
            QVERIFY(d.bytes.startsWith("RIFF"));
        }
        int recordingRequests = 0;
        for (const RecordedRequest &r : m_server->requestLog()) {
            if (r.origin == u"recording") {
                ++recordingRequests;
                QVERIFY2(credentialIn(r).isEmpty(), credentialIn(r).constData());
            } else {
                QCOMPARE(r.header("x-api-key"), m_server->staffApiKey().toUtf8());
            }
        }
        QCOMPARE(recordingRequests, urls.size());
    }

    void recordingHostsSeeNoCredentials_data()
    {
        QTest::addColumn<bool>("redirect");
        QTest::newRow("direct") << false;
        QTest::newRow("redirect to a third origin") << true;
    }
    void recordingHostsSeeNoCredentials()
    {
        QFETCH(bool, redirect);
        HeaderRecorder third;
        QVERIFY(third.start());
        third.setResponse(200, QByteArray("RIFF") + QByteArray(60, '\0'), "audio/wav");
        QUrl url = m_recorder->baseUrl();
        url.setPath(QStringLiteral("/bucket/sess_1.wav"));
        url.setQuery(QStringLiteral("X-Amz-Date=20261101T120000Z&X-Amz-Signature=feedfacecafe"));
        if (redirect) {
            QUrl target = third.baseUrl();
            target.setPath(QStringLiteral("/stolen"));
            m_recorder->setRedirect(target);
        } else {
            m_recorder->setResponse(200, QByteArray("RIFF") + QByteArray(60, '\0'), "audio/wav");
        }
        RecordingFetcher fetcher;
        const RecordingDownload d = download(fetcher, url, this);
        if (redirect) {
            QVERIFY(!d.ok());
            QCOMPARE(d.error->kind, ApiError::Kind::UnsafeRedirect);
            QVERIFY2(!d.error->message.contains(QStringLiteral("feedfacecafe")),
                     qPrintable(d.error->message));
            QTest::qWait(200);
            QCOMPARE(third.requests().size(), 0);
        } else {
            QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error->message));
        }
        QCOMPARE(m_recorder->requests().size(), 1);
        for (const RecordedRequest &r : m_recorder->requests())
            QVERIFY2(credentialIn(r).isEmpty(), credentialIn(r).constData());
    }

private:
    bool isSameOriginForTest(const QUrl &url) const
    {
        const QUrl api = m_server->apiBaseUrl();
        return url.scheme() == api.scheme() && url.host() == api.host() && url.port() == api.port();
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
