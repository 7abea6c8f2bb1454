#include "api/money.h"
#include "demo/demoserver.h"
#include "tests/support/testprivateca.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
using Run = TestSupport::CliRun;

/// Debian's squid as a child process on a free loopback port, configured in a temporary
/// folder: no cache, its own hosts file, its access log there.
class SquidProxy
{
public:
    static constexpr const char *HostOnlyTheProxyKnows = "sessionscope-demo.test";

    SquidProxy() = default;
    ~SquidProxy()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    Q_DISABLE_COPY_MOVE(SquidProxy)

    /// Empty when squid is not installed.
    [[nodiscard]] static QString binary()
    {
        const QString found = QStandardPaths::findExecutable(QStringLiteral("squid"));
        return found.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("squid"),
                                                                {QStringLiteral("/usr/sbin")})
                               : found;
    }

    /// False with a reason when squid does not start.
    bool start(QString *error)
    {
        // Squid started as root works as the "proxy" user: it must be able to write here.
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther);
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *error = QStringLiteral("no free port");
                return false;
            }
            m_port = probe.serverPort();
        }
        const QString dir = m_dir.path();
        QFile hosts(dir + QStringLiteral("/hosts"));
        QFile conf(dir + QStringLiteral("/squid.conf"));
        if (!hosts.open(QIODevice::WriteOnly) || !conf.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write squid's configuration");
            return false;
        }
        hosts.write(QByteArray("127.0.0.1 ") + HostOnlyTheProxyKnows + '\n');
        hosts.setPermissions(hosts.permissions() | QFileDevice::ReadOther);
        conf.write(QStringLiteral("http_port 127.0.0.1:%1\n"
                                  "http_access allow all\n"
                                  "cache deny all\n"
                                  "cache_mem 8 MB\n"
                                  "pinger_enable off\n"
                                  "shutdown_lifetime 0 seconds\n"
                                  "pid_filename %2/squid.pid\n"
                                  "access_log stdio:%2/access.log\n"
                                  "cache_log %2/cache.log\n"
                                  "cache_store_log none\n"
                                  "coredump_dir %2\n"
                                  "hosts_file %2/hosts\n"
                                  "dns_nameservers 127.0.0.1\n")
                       .arg(m_port)
                       .arg(dir)
                       .toUtf8());
        conf.setPermissions(conf.permissions() | QFileDevice::ReadOther);
        conf.close();
        hosts.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary(), {QStringLiteral("-N"), QStringLiteral("-f"), conf.fileName()});
        if (!m_process.waitForStarted(30000)) {
            *error = QStringLiteral("squid did not start: ") + m_process.errorString();
            return false;
        }
        // Ready once it accepts a connection; it may take a few seconds on a busy machine.
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000 && m_process.state() == QProcess::Running) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(1000))
                return true;
            m_process.waitForFinished(200);
        }
        *error =
            QStringLiteral("squid did not listen: ") + QString::fromLocal8Bit(m_process.readAll());
        return false;
    }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QByteArray accessLog() const
    {
        QFile log(m_dir.filePath(QStringLiteral("access.log")));
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
} // namespace

/// The command line end to end: the real `sessionscope` binary against a real demo server.
class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;

    Run run(const QStringList &arguments, const QStringList &extraEnvironment = {})
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        for (const QString &kv : extraEnvironment)
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        return TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), arguments, env);
    }

    QStringList connection() const
    {
        return {QStringLiteral("--base-url"), m_server->apiBaseUrl().toString(),
                QStringLiteral("--api-key"), m_server->staffApiKey()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(1200, 11, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void reportJsonUsesTheApiNames()
    {
        const QString slug = m_server->dataset().sessions().first().characterSlug;
        const Run r = run(QStringList{QStringLiteral("report"), QStringLiteral("--character"), slug,
                                      QStringLiteral("--format"), QStringLiteral("json")} +
                          connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        qint64 sessions = 0, input = 0, tts = 0;
        Money cost;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.characterSlug != slug)
                continue;
            ++sessions;
            input += s.llmInputTokens;
            tts += s.ttsCharacters;
            cost += Money::fromMicros(s.costMicros);
        }
        QCOMPARE(json.value(QStringLiteral("total_sessions")).toInteger(), sessions);
        QCOMPARE(json.value(QStringLiteral("total_llm_input_tokens")).toInteger(), input);
        QCOMPARE(json.value(QStringLiteral("total_tts_characters")).toInteger(), tts);
        QCOMPARE(json.value(QStringLiteral("total_estimated_cost_usd")).toString(),
                 cost.toDecimalString());
        QVERIFY(json.contains(QStringLiteral("total_llm_output_tokens")));
        QVERIFY(json.contains(QStringLiteral("total_stt_audio_seconds")));
        QCOMPARE(json.size(), 6);
    }

    void reportTextAndCsv()
    {
        Run r = run(QStringList{QStringLiteral("report")} + connection());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Sessions:          1,200"));
        QVERIFY(r.out.contains("Estimated cost:"));
        r = run(QStringList{QStringLiteral("report"), QStringLiteral("--format"),
                            QStringLiteral("csv")} +
                connection());
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("total_sessions,total_llm_input_tokens"));
        QVERIFY(lines[1].startsWith("1200,"));
    }

    void exportWritesEverySessionOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("all.jsonl"));
        const Run r = run(QStringList{QStringLiteral("export"), QStringLiteral("--output"), path} +
                          connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QSet<QString> ids;
        Money sum;
        int lines = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            ++lines;
            ids.insert(o.value(QStringLiteral("session_id")).toString());
            sum += *Money::parse(o.value(QStringLiteral("estimated_cost_usd")).toString());
            QVERIFY(o.contains(QStringLiteral("transcript")));
            QVERIFY(o.contains(QStringLiteral("metadata")));
        }
        QCOMPARE(lines, 1200);
        QCOMPARE(ids.size(), 1200);
        // The export adds up to the report's total exactly.
        const Run report = run(QStringList{QStringLiteral("report"), QStringLiteral("--format"),
                                           QStringLiteral("json")} +
                               connection());
        QCOMPARE(QJsonDocument::fromJson(report.out)
                     .object()
                     .value(QStringLiteral("total_estimated_cost_usd"))
                     .toString(),
                 sum.toDecimalString());
    }

    void exportCsvHeaderIsTheApiFieldNames()
    {
        const QString slug = m_server->dataset().sessions().first().characterSlug;
        const Run r = run(QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                                      QStringLiteral("csv"), QStringLiteral("--character"), slug} +
                          connection());
        QCOMPARE(r.exitCode, 0);
        const QByteArray header = r.out.left(r.out.indexOf('\n')).trimmed();
        QVERIFY(header.startsWith("id,session_id,tenant_id,character_slug,user,"));
        // The API's fields, then what this server sends beyond them (see tst_cli_export).
        QVERIFY2(header.contains(",transcript_text,sentiment_score"), header.constData());
        QVERIFY(!header.contains(",transcript,"));
        QVERIFY(r.err.isEmpty()); // no progress noise when stderr is not a terminal
    }

    void syncCopiesEverySessionAndCatchesUp()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("sessions.sqlite"));
        Run r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--database"), db} +
                    connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Synced 1200 new"), r.out.constData());
        QVERIFY(r.out.contains("holds 1200 sessions"));
        qint64 inProgress = 0;
        for (const DemoSession &s : m_server->dataset().sessions())
            inProgress += !s.finalizedAtMs.has_value();
        QVERIFY(inProgress > 0);
        // A second run asks only from the newest stored session on (inclusive), adds nothing
        // twice, and looks again at the sessions that were in progress.
        m_server->clearRequestLog();
        r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--database"), db} +
                connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Synced 0 new"), r.out.constData());
        QVERIFY(r.out.contains("holds 1200 sessions"));
        int details = 0, pages = 0;
        for (const RecordedRequest &req : m_server->requestLog()) {
            details += req.url.path().startsWith(u"/api/billing/sessions/");
            pages += req.url.path() == u"/api/billing/usage/";
            if (req.url.path() == u"/api/billing/usage/")
                QVERIFY(req.url.query().contains(QStringLiteral("start=")));
        }
        QCOMPARE(pages, 1);
        QVERIFY(details > 0);
        QVERIFY(details <= inProgress);
        // Another filter into the same file is refused.
        r = run(QStringList{QStringLiteral("sync"), QStringLiteral("--database"), db,
                            QStringLiteral("--character"), QStringLiteral("x")} +
                connection());
        QCOMPARE(r.exitCode, 2);
    }

    void helpAndVersionNeedNoDisplay()
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const auto help = TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY),
                                                  {QStringLiteral("--help")}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("report"));
        const auto version = TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY),
                                                     {QStringLiteral("--version")}, env);
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("sessionscope"));
    }

    void environmentCarriesTheKey()
    {
        const Run r = run({QStringLiteral("report"), QStringLiteral("--base-url"),
                           m_server->apiBaseUrl().toString()},
                          {QStringLiteral("SESSIONSCOPE_API_KEY=") + m_server->staffApiKey()});
        QCOMPARE(r.exitCode, 0);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("help") << QStringList{QStringLiteral("report"), QStringLiteral("--help")}
                              << 0;
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("report"), QStringLiteral("--format"),
                           QStringLiteral("xml")}
            << 2;
        QTest::newRow("bad date") << QStringList{QStringLiteral("export"),
                                                 QStringLiteral("--start"),
                                                 QStringLiteral("yesterday")}
                                  << 2;
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("report"), QStringLiteral("--frobnicate")} << 2;
        QTest::newRow("wrong key")
            << QStringList{QStringLiteral("report"), QStringLiteral("--api-key"),
                           QStringLiteral("sk_wrong")}
            << 3;
    }
    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QStringList all = arguments + QStringList{QStringLiteral("--base-url"),
                                                  m_server->apiBaseUrl().toString()};
        if (!arguments.contains(QStringLiteral("--api-key")))
            all += QStringList{QStringLiteral("--api-key"), m_server->staffApiKey()};
        const Run r = run(all);
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY(!r.err.isEmpty());
    }

    void apiErrorIsExitCode4()
    {
        const int rule = m_server->faults().add(FaultInjector::Kind::WrongShape,
                                                QStringLiteral("/api/billing/usage/"));
        const Run r = run(QStringList{QStringLiteral("report")} + connection());
        m_server->faults().remove(rule);
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("expected"));
    }

    void unreachableServerIsExitCode5()
    {
        const Run r = run({QStringLiteral("report"), QStringLiteral("--base-url"),
                           QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--api-key"),
                           QStringLiteral("sk_x")});
        QCOMPARE(r.exitCode, 5);
    }

    void keyNeverPrinted()
    {
        const Run r =
            run(QStringList{QStringLiteral("report"), QStringLiteral("--api-key"),
                            QStringLiteral("sk_secretvalue123"), QStringLiteral("--base-url"),
                            m_server->apiBaseUrl().toString()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.out.contains("secretvalue123"));
        QVERIFY(!r.err.contains("secretvalue123"));
    }

    void wrongBasePathIsNotAnEmptyReport()
    {
        QUrl wrong = m_server->apiBaseUrl();
        wrong.setPath(QStringLiteral("/wrongprefix"));
        const Run r = run({QStringLiteral("report"), QStringLiteral("--base-url"), wrong.toString(),
                           QStringLiteral("--api-key"), m_server->staffApiKey()});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.out.isEmpty());
        const QByteArray expected = "The server at " + wrong.toString().toUtf8() +
                                    " does not answer the session API here (it answered 404): "
                                    "check the base URL.";
        QVERIFY2(r.err.contains(expected), r.err.constData());
    }

    void echoedCredentialsStayOffStderr_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("credentialOption");
        QTest::addColumn<QString>("secret");
        const QString key = QStringLiteral("sk_echo/me+now=0123abcd");
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl");
        for (const char *status : {"400", "401", "403", "429", "500", "400,detail"}) {
            QTest::newRow(qPrintable(QStringLiteral("key %1").arg(QLatin1String(status))))
                << QString::fromLatin1(status) << QStringLiteral("--api-key") << key;
            QTest::newRow(qPrintable(QStringLiteral("token %1").arg(QLatin1String(status))))
                << QString::fromLatin1(status) << QStringLiteral("--token") << jwt;
        }
    }
    void echoedCredentialsStayOffStderr()
    {
        QFETCH(QString, status);
        QFETCH(QString, credentialOption);
        QFETCH(QString, secret);
        const int rule = m_server->faults().add(FaultInjector::Kind::EchoError,
                                                QStringLiteral("/api/billing/usage/"), status);
        const Run r = run({QStringLiteral("report"), QStringLiteral("--base-url"),
                           m_server->apiBaseUrl().toString(), credentialOption, secret});
        m_server->faults().remove(rule);
        QVERIFY2(r.exitCode == 3 || r.exitCode == 4, r.err.constData());
        QVERIFY2(r.err.contains("[redacted]"), r.err.constData());
        const QByteArray printed = r.out + r.err;
        for (const QByteArray &leak :
             {secret.toUtf8(), QUrl::toPercentEncoding(secret), QByteArray("X-Amz-Signature="),
              QByteArray("0f1e2d3c4b5a6978")}) {
            QVERIFY2(!printed.toLower().contains(leak.toLower()),
                     qPrintable(QStringLiteral("%1 in: %2")
                                    .arg(QString::fromUtf8(leak), QString::fromUtf8(printed))));
        }
    }

    void timeoutBoundsASlowServer_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("drip") << int(FaultInjector::Kind::Drip);
        QTest::newRow("silent") << int(FaultInjector::Kind::Silent);
    }
    void timeoutBoundsASlowServer()
    {
        QFETCH(int, kind);
        const int rule = m_server->faults().add(FaultInjector::Kind(kind),
                                                QStringLiteral("/api/billing/usage/"));
        QElapsedTimer clock;
        clock.start();
        const Run r = run(QStringList{QStringLiteral("report"), QStringLiteral("--timeout"),
                                      QStringLiteral("3")} +
                          connection());
        const qint64 elapsed = clock.elapsed();
        m_server->faults().remove(rule);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("did not finish answering within 3 s"), r.err.constData());
        // Three seconds of waiting, plus starting a process on a busy machine.
        QVERIFY2(elapsed >= 3000 && elapsed < 20000, qPrintable(QString::number(elapsed)));
    }

    void mistypedCommandAndNoDisplayNeedNoWindow()
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const auto typo = TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY),
                                                  {QStringLiteral("exprot")}, env);
        QCOMPARE(typo.exitCode, 2);
        QCOMPARE(
            typo.err,
            QByteArray("sessionscope: unknown command \"exprot\"; see sessionscope --help.\n"));
        const auto window = TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), {}, env);
        QCOMPARE(window.exitCode, 2);
        QCOMPARE(window.err, QByteArray("sessionscope: no display to open the window on; set "
                                        "DISPLAY, or use a command (sessionscope --help)\n"));
    }

    void privateCaFromTheCommandLine()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("This Qt has no TLS backend.");
        QTemporaryDir dir;
        const PrivateCa ca = PrivateCa::generate(dir.path());
        QVERIFY2(ca.error.isEmpty(), qPrintable(ca.error));
        DemoServer server(ca.demoOptions(40, 2));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QStringList report{QStringLiteral("report"), QStringLiteral("--base-url"),
                                 server.apiBaseUrl().toString(), QStringLiteral("--api-key"),
                                 server.staffApiKey()};

        Run r = run(report + QStringList{QStringLiteral("--ca-certificate"), ca.caFile});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Sessions:"));
        r = run(report);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(ca.server.sha256Hex().toLatin1()), r.err.constData());
        r = run(report + QStringList{QStringLiteral("--ca-certificate"),
                                     dir.filePath(QStringLiteral("missing.pem"))});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("missing.pem"), r.err.constData());
    }

    void proxyFromTheEnvironmentAndTheOption()
    {
        if (SquidProxy::binary().isEmpty())
            QSKIP("squid is not installed (scripts/deps.sh installs it): no proxy to test with");
        SquidProxy squid;
        QString error;
        QVERIFY2(squid.start(&error), qPrintable(error));
        // A name only the proxy knows: a request that arrives went through it.
        const QString viaName = QStringLiteral("http://%1:%2")
                                    .arg(QLatin1String(SquidProxy::HostOnlyTheProxyKnows))
                                    .arg(m_server->apiBaseUrl().port());
        const QString proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(squid.port());
        const QStringList report{QStringLiteral("report"), QStringLiteral("--api-key"),
                                 m_server->staffApiKey(), QStringLiteral("--base-url")};

        Run r = run(report + QStringList{viaName}, {QStringLiteral("http_proxy=") + proxyUrl});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(squid.accessLog().contains(SquidProxy::HostOnlyTheProxyKnows),
                                 10000);
        const qsizetype proxied = squid.accessLog().count('\n');

        // no_proxy sends it straight to a name that nothing else resolves.
        r = run(report + QStringList{viaName},
                {QStringLiteral("http_proxy=") + proxyUrl,
                 QStringLiteral("no_proxy=") + QLatin1String(SquidProxy::HostOnlyTheProxyKnows)});
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(squid.accessLog().count('\n'), proxied);

        // --proxy wins over the environment, and is used even for loopback, which Qt's system
        // proxy settings never proxy.
        r = run(report + QStringList{m_server->apiBaseUrl().toString(), QStringLiteral("--proxy"),
                                     proxyUrl},
                {QStringLiteral("http_proxy=http://127.0.0.1:9")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray loopback =
            "http://127.0.0.1:" + QByteArray::number(m_server->apiBaseUrl().port()) + "/api/";
        QTRY_VERIFY_WITH_TIMEOUT(squid.accessLog().contains(loopback), 10000);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
