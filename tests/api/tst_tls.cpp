// TLS against the demo server with a self-signed certificate: refused with the certificate's
// fingerprint in the message unless the user pinned exactly that certificate.

#include "api/apiclient.h"
#include "api/clientconfiguration.h"
#include "api/urlsafety.h"
#include "demo/demoserver.h"
#include "tests/support/testcertificate.h"
#include "tests/support/testprivateca.h"
#include "tests/support/testsupport.h"

#include <QNetworkAccessManager>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {
constexpr int WaitMs = 60000;

Result<UsagePage> fetchPage(ApiClient &client, QObject *context)
{
    std::optional<Result<UsagePage>> result;
    client.fetchUsage({}, context, [&](Result<UsagePage> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
        return ApiError::make(ApiError::Kind::Timeout, QStringLiteral("the test gave up waiting"));
    return std::move(*result);
}

} // namespace

class TestTls final : public QObject
{
    Q_OBJECT

private:
    TestCertificate m_served;
    TestCertificate m_other;
    std::unique_ptr<DemoServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("This Qt has no TLS backend.");
        m_served = TestCertificate::generate();
        QVERIFY2(m_served.isValid(), qPrintable(m_served.error));
        m_other = TestCertificate::generate();
        QVERIFY2(m_other.isValid(), qPrintable(m_other.error));
        QVERIFY(m_served.sha256Hex() != m_other.sha256Hex());
        DemoOptions options;
        options.sessions = 120;
        options.seed = 3;
        options.tlsCertificate = m_served.certificate;
        options.tlsKey = m_served.key;
        m_server = std::make_unique<DemoServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QCOMPARE(m_server->apiBaseUrl().scheme(), QStringLiteral("https"));
    }

    void init() { m_server->clearRequestLog(); }

    void certificateDecidesTrust_data()
    {
        QTest::addColumn<QString>("pin"); // "served", "served-upper", "other" or empty
        QTest::addColumn<bool>("accepted");
        QTest::newRow("nothing pinned") << QString() << false;
        QTest::newRow("another certificate pinned") << QStringLiteral("other") << false;
        QTest::newRow("this certificate pinned") << QStringLiteral("served") << true;
        QTest::newRow("pinned in upper case") << QStringLiteral("served-upper") << true;
    }
    void certificateDecidesTrust()
    {
        QFETCH(QString, pin);
        QFETCH(bool, accepted);
        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(m_server->apiBaseUrl());
        client.setCredentials({m_server->staffApiKey(), {}});
        client.setRetryPolicy({4, 20, 200, 5});
        if (pin == u"served")
            client.setTrustedCertificates({m_served.sha256Hex()});
        else if (pin == u"served-upper")
            client.setTrustedCertificates({m_served.sha256Hex().toUpper()});
        else if (pin == u"other")
            client.setTrustedCertificates({m_other.sha256Hex()});

        const auto result = fetchPage(client, this);
        if (accepted) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(result.value().sessions.size(), 50);
            QCOMPARE(m_server->requestLog().size(), 1);
            QCOMPARE(m_server->requestLog().first().header("x-api-key"),
                     m_server->staffApiKey().toUtf8());
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Tls);
        qInfo("%s", qPrintable(result.error().message));
        // The message lets the user compare the fingerprint with the one their administrator
        // gave them, and never the fingerprint they pinned instead.
        QVERIFY2(result.error().message.contains(m_served.sha256Hex()),
                 qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(m_other.sha256Hex()));
        QVERIFY(!result.error().isTransient()); // retrying cannot make a certificate trusted
        // The handshake failed before any HTTP: the key never went out on that connection.
        QCOMPARE(m_server->requestLog().size(), 0);
        QCOMPARE(client.inFlightCount(), 0);
    }

    void privateCaIsTrustedWhenGiven_data()
    {
        QTest::addColumn<bool>("withCa");
        QTest::newRow("CA file given") << true;
        QTest::newRow("no CA file") << false;
    }
    void privateCaIsTrustedWhenGiven()
    {
        QFETCH(bool, withCa);
        QTemporaryDir dir;
        const PrivateCa ca = PrivateCa::generate(dir.path());
        QVERIFY2(ca.error.isEmpty(), qPrintable(ca.error));
        DemoServer server(ca.demoOptions(60, 5));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(server.apiBaseUrl());
        client.setCredentials({server.staffApiKey(), {}});
        if (withCa) {
            const QList<QSslCertificate> authorities = loadCaCertificates(ca.caFile, &error);
            QVERIFY2(authorities.size() == 1, qPrintable(error));
            client.setCaCertificates(authorities);
        }
        const auto result = fetchPage(client, this);
        if (withCa) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(result.value().sessions.size(), 50);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Tls);
        QVERIFY2(result.error().message.contains(ca.server.sha256Hex()),
                 qPrintable(result.error().message));
        QCOMPARE(server.requestLog().size(), 0);
    }

    /// A client built on another thread from a ClientConfiguration (the window's sync) trusts
    /// what the first client trusts: a private CA, or a pinned certificate.
    void copiedConfigurationTrustsOnAnotherThread_data()
    {
        QTest::addColumn<bool>("privateCa");
        QTest::newRow("private CA") << true;
        QTest::newRow("pinned certificate") << false;
    }
    void copiedConfigurationTrustsOnAnotherThread()
    {
        QFETCH(bool, privateCa);
        QTemporaryDir dir;
        PrivateCa ca;
        std::unique_ptr<DemoServer> caServer;
        QString error;
        if (privateCa) {
            ca = PrivateCa::generate(dir.path());
            QVERIFY2(ca.error.isEmpty(), qPrintable(ca.error));
            caServer = std::make_unique<DemoServer>(ca.demoOptions(60, 5));
            QVERIFY2(caServer->start(&error), qPrintable(error));
        }
        DemoServer &server = privateCa ? *caServer : *m_server;
        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(server.apiBaseUrl());
        client.setCredentials({server.staffApiKey(), {}});
        client.setRetryPolicy({2, 20, 200, 5});
        if (privateCa) {
            const QList<QSslCertificate> authorities = loadCaCertificates(ca.caFile, &error);
            QVERIFY2(authorities.size() == 1, qPrintable(error));
            client.setCaCertificates(authorities);
        } else {
            client.setTrustedCertificates({m_served.sha256Hex()});
        }
        const ClientConfiguration configuration = ClientConfiguration::of(client, network);

        QThread thread;
        QObject context; // the other thread's: the reply comes back there
        context.moveToThread(&thread);
        thread.start();
        std::unique_ptr<ApiClient> copy;
        std::optional<Result<UsagePage>> result;
        std::atomic<bool> answered = false;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                copy = configuration.makeClient();
                copy->fetchUsage({}, &context, [&](Result<UsagePage> r) {
                    result.emplace(std::move(r));
                    answered = true;
                });
            },
            Qt::QueuedConnection);
        const bool done = QTest::qWaitFor([&] { return answered.load(); }, WaitMs);
        QMetaObject::invokeMethod(
            &context,
            [&] {
                copy.reset(); // on the thread that made it
                context.moveToThread(thread.thread());
                thread.quit();
            },
            Qt::QueuedConnection);
        thread.wait();
        QVERIFY(done);
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
        QVERIFY(!result->value().sessions.isEmpty());
        QCOMPARE(result->value().count, privateCa ? 60 : 120);
    }

    void unreadableCaFileIsSaid()
    {
        QString error;
        QVERIFY(loadCaCertificates(QStringLiteral("/nonexistent/ca.pem"), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/ca.pem")), qPrintable(error));
        QTemporaryDir dir;
        QFile notPem(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        error.clear();
        QVERIFY(loadCaCertificates(notPem.fileName(), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("no certificate")), qPrintable(error));
    }

    void plainHttpClientCannotTalkToHttps()
    {
        // A base URL with the wrong scheme fails clearly instead of hanging.
        QNetworkAccessManager network;
        ApiClient client(&network);
        QUrl url = m_server->apiBaseUrl();
        url.setScheme(QStringLiteral("http"));
        client.setBaseUrl(url);
        client.setCredentials({m_server->staffApiKey(), {}});
        client.setRetryPolicy({2, 20, 200, 5});
        client.setTimeoutMs(5000);
        const auto result = fetchPage(client, this);
        QVERIFY(!result.ok());
        QVERIFY(result.error().kind == ApiError::Kind::Network ||
                result.error().kind == ApiError::Kind::Timeout ||
                result.error().kind == ApiError::Kind::MalformedResponse ||
                result.error().kind == ApiError::Kind::HttpError);
        QVERIFY(!result.error().message.contains(m_server->staffApiKey()));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
