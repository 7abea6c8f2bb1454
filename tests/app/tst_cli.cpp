#include "demoserver.h"
#include "money.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
using Run = TestSupport::CliRun;
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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
