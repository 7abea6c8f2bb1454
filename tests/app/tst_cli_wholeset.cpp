// The whole-set commands against every fault the demo server can inject, persistent and
// transient: `export` and `sync` each end either exact (every session once, costing the
// server's total to the micro-dollar) or non-zero with nothing that passes for a whole answer
// (no export file in place). A sync that failed is run again once the fault is gone, and then
// ends exact: no fault costs a session for good.

#include "api/money.h"
#include "demo/demoserver.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

namespace {
constexpr int Sessions = 700; // four pages of 200: page 3 is a middle page

enum class Outcome { Exact, Fails };

/// What a set holds: its distinct sessions, how many rows it has, and their cost.
struct Holding
{
    qint64 rows = 0;
    qint64 distinct = 0;
    qint64 costMicros = 0;
    QString problem; ///< why the holding could not be read
};

Holding readExport(const QString &path)
{
    Holding h;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        h.problem = QStringLiteral("no export file");
        return h;
    }
    QSet<QString> ids;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        if (error.error != QJsonParseError::NoError) {
            h.problem = QStringLiteral("a line is not JSON: ") + error.errorString();
            return h;
        }
        ++h.rows;
        ids.insert(o.value(QStringLiteral("session_id")).toString());
        const auto cost = Money::parse(o.value(QStringLiteral("estimated_cost_usd")).toString());
        if (!cost) {
            h.problem = QStringLiteral("a cost does not parse");
            return h;
        }
        h.costMicros += cost->micros();
    }
    h.distinct = ids.size();
    return h;
}

Holding readDatabase(const QString &path)
{
    Holding h;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (!db.open() ||
            !query.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT session_id), "
                                       "SUM(estimated_cost_micros) FROM sessions")) ||
            !query.next()) {
            h.problem = db.lastError().text() + query.lastError().text();
        } else {
            h.rows = query.value(0).toLongLong();
            h.distinct = query.value(1).toLongLong();
            h.costMicros = query.value(2).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return h;
}
} // namespace

class TestCliWholeSet final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    qint64 m_totalMicros = 0;

    TestSupport::CliRun run(const QStringList &arguments, const QUrl &base = {})
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), m_server->staffApiKey());
        return TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            arguments + QStringList{QStringLiteral("--base-url"),
                                    (base.isEmpty() ? m_server->apiBaseUrl() : base).toString()},
            env);
    }

    void verifyExact(const Holding &h)
    {
        QVERIFY2(h.problem.isEmpty(), qPrintable(h.problem));
        QCOMPARE(h.rows, qint64(Sessions));
        QCOMPARE(h.distinct, qint64(Sessions));
        QCOMPARE(h.costMicros, m_totalMicros);
    }

    /// A failure a person can act on: a message, no credential in it.
    void verifyFailure(const TestSupport::CliRun &r)
    {
        QVERIFY2(r.exitCode != 0 && r.exitCode != -1, r.err.constData());
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY(!r.err.contains(m_server->staffApiKey().toUtf8()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(Sessions, 4, &error);
        QVERIFY2(m_server, qPrintable(error));
        for (const DemoSession &s : m_server->dataset().sessions())
            m_totalMicros += s.costMicros;
    }

    void init()
    {
        m_server->faults().clear();
        m_server->clearRequestLog();
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("times"); // -1: for good
        QTest::addColumn<int>("outcome");
        struct Kind
        {
            const char *fault;
            Outcome persistent;
            Outcome transient;
            const char *pattern = "page=3&";
        };
        const Kind kinds[] = {
            {"latency:200", Outcome::Exact, Outcome::Exact},
            {"stall:800", Outcome::Exact, Outcome::Exact},
            {"reset", Outcome::Fails, Outcome::Exact},
            {"reset-after-headers", Outcome::Fails, Outcome::Exact},
            {"truncate", Outcome::Fails, Outcome::Exact},
            {"status:500", Outcome::Fails, Outcome::Exact},
            {"status:503", Outcome::Fails, Outcome::Exact},
            {"status:404", Outcome::Fails, Outcome::Exact},
            {"throttle:1", Outcome::Fails, Outcome::Exact},
            {"throttle", Outcome::Fails, Outcome::Exact},
            {"html-error", Outcome::Fails, Outcome::Exact},
            {"html-error:200", Outcome::Fails, Outcome::Exact},
            {"malformed-json", Outcome::Fails, Outcome::Exact},
            {"wrong-shape", Outcome::Fails, Outcome::Exact},
            // Refused before its body is read, and not asked again: a page that large would
            // be as large the next time.
            {"huge-page:50", Outcome::Fails, Outcome::Fails},
            {"huge-turn:2", Outcome::Exact, Outcome::Exact},
            {"wrong-count", Outcome::Exact, Outcome::Exact, "page=1&"},
            {"wrong-count:300", Outcome::Exact, Outcome::Exact, "page=1&"},
            {"repeat-rows", Outcome::Fails, Outcome::Exact},
            {"foreign-next:http://127.0.0.1:9/x", Outcome::Exact, Outcome::Exact},
            // Credentials never follow a redirect to another origin.
            {"redirect:http://127.0.0.1:9/x", Outcome::Fails, Outcome::Fails},
            {"chunked:512", Outcome::Exact, Outcome::Exact},
            {"gzip", Outcome::Exact, Outcome::Exact},
        };
        for (const char *command : {"export", "sync"}) {
            for (const Kind &k : kinds) {
                for (const int times : {-1, 1, 2}) {
#if defined(SESSIONSCOPE_SANITIZED_BUILD)
                    // Under the sanitizers every process starts several times slower: each
                    // fault once for good and once passing, through both commands, finds what
                    // they find; the normal build runs the whole matrix.
                    if (times == 2)
                        continue;
#endif
                    const QString fault = QString::fromLatin1(k.fault);
                    const Outcome outcome = times < 0 ? k.persistent : k.transient;
                    QTest::addRow("%s, %s%s", command, k.fault,
                                  times < 0 ? "" : qPrintable(QStringLiteral("@%1").arg(times)))
                        << QString::fromLatin1(command) << QString::fromLatin1(k.pattern) << fault
                        << times << int(outcome);
                }
            }
        }
    }
    void matrix()
    {
        QFETCH(QString, command);
        QFETCH(QString, pattern);
        QFETCH(QString, fault);
        QFETCH(int, times);
        QFETCH(int, outcome);
        QString spec = pattern + QLatin1Char('=') + fault;
        if (times > 0)
            spec += QStringLiteral("@%1").arg(times);
        QVERIFY2(m_server->faults().addSpec(spec), qPrintable(spec));

        QTemporaryDir dir;
        const bool exporting = command == u"export";
        const QString path = dir.filePath(exporting ? QStringLiteral("sessions.jsonl")
                                                    : QStringLiteral("sessions.sqlite"));
        const QStringList arguments =
            exporting ? QStringList{command, QStringLiteral("--output"), path}
                      : QStringList{command, QStringLiteral("--database"), path};
        const TestSupport::CliRun first = run(arguments);
        if (outcome == int(Outcome::Exact)) {
            QVERIFY2(first.exitCode == 0, first.err.constData());
            verifyExact(exporting ? readExport(path) : readDatabase(path));
            return;
        }
        verifyFailure(first);
        if (exporting) {
            // Nothing under the final name that could pass for a whole export.
            QVERIFY(!QFile::exists(path));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
            return;
        }
        // The fault ends; the next sync finishes the job.
        m_server->faults().clear();
        const TestSupport::CliRun second = run(arguments);
        QVERIFY2(second.exitCode == 0, second.err.constData());
        verifyExact(readDatabase(path));
    }

    /// The issue's own case: page 3 answers 404 twice. Before, the walk stopped at page 2, the
    /// mark moved past everything and every later run stayed at 400 of 3000 sessions.
    void syncSurvivesABriefFaultAndKeepsItsMarkOtherwise()
    {
        QVERIFY(m_server->faults().addSpec(QStringLiteral("page=3&=status:404@2")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        const QStringList arguments{QStringLiteral("sync"), QStringLiteral("--database"), path};
        const TestSupport::CliRun r = run(arguments);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        verifyExact(readDatabase(path));
        QVERIFY2(r.err.contains("recovery pass"), r.err.constData());

        // For good this time, on a fresh database: the run fails and stores no mark, so that a
        // run after the fault asks for everything again.
        const QString second = dir.filePath(QStringLiteral("t.sqlite"));
        QVERIFY(m_server->faults().addSpec(QStringLiteral("page=3&=status:404")));
        const QStringList again{QStringLiteral("sync"), QStringLiteral("--database"), second};
        const TestSupport::CliRun failed = run(again);
        QCOMPARE(failed.exitCode, 4);
        QVERIFY2(failed.err.contains("200 of the 700 sessions the server counts are missing"),
                 failed.err.constData());
        QVERIFY2(failed.err.contains("page 3 answered 404"), failed.err.constData());
        const Holding partial = readDatabase(second);
        QVERIFY(partial.rows < Sessions);
        m_server->faults().clear();
        const TestSupport::CliRun healed = run(again);
        QVERIFY2(healed.exitCode == 0, healed.err.constData());
        verifyExact(readDatabase(second));
    }

    /// One sync writes a database at a time; the second is refused with a message that says
    /// so, and exits 6 (a local problem), not with a raw database error.
    void secondSyncOnOneDatabaseIsRefusedClearly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        // Another process holds the writer lock, as a running sync does.
        QLockFile held(path + QStringLiteral(".lock"));
        QVERIFY(held.tryLock(0));
        const TestSupport::CliRun r =
            run({QStringLiteral("sync"), QStringLiteral("--database"), path});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("another sync"), r.err.constData());
        QVERIFY2(!r.err.contains("SQLITE") && !r.err.contains("database is locked"),
                 r.err.constData());
        held.unlock();
        const TestSupport::CliRun after =
            run({QStringLiteral("sync"), QStringLiteral("--database"), path});
        QVERIFY2(after.exitCode == 0, after.err.constData());
        verifyExact(readDatabase(path));
    }

    /// Two real syncs started together on one database: one completes, the other waits for
    /// nothing and says why it did not run; the database ends exact either way.
    void twoSyncsAtOnce()
    {
        QVERIFY(m_server->faults().addSpec(QStringLiteral("page=2&=latency:1500")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), m_server->staffApiKey());
        const QStringList arguments{QStringLiteral("sync"), QStringLiteral("--database"), path,
                                    QStringLiteral("--base-url"),
                                    m_server->apiBaseUrl().toString()};
        QProcess slow;
        slow.setProcessEnvironment(env);
        slow.start(QStringLiteral(SESSIONSCOPE_BINARY), arguments);
        // Page 2 is being waited for once the server has seen it asked.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(m_server->requestLog().cbegin(), m_server->requestLog().cend(),
                        [](const RecordedRequest &r) {
                            return r.url.query().contains(QStringLiteral("page=2&"));
                        }),
            TestSupport::WaitMs);
        const TestSupport::CliRun second =
            TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), arguments, env);
        QCOMPARE(second.exitCode, 6);
        QVERIFY2(second.err.contains("another sync"), second.err.constData());
        QSignalSpy finished(&slow, &QProcess::finished);
        QVERIFY(slow.state() == QProcess::NotRunning || finished.wait(TestSupport::WaitMs));
        QCOMPARE(slow.exitCode(), 0);
        verifyExact(readDatabase(path));
    }

    /// The comparison and the daily report read whole sets too: a set that stays short, or a
    /// page that keeps failing, is an error and never a table of partial figures.
    void comparisonAndDailyReportAreWholeOrFail()
    {
        QString error;
        // 3,000 sessions: each character has more than one page of 200.
        auto big = TestSupport::startDemo(3000, 4, &error);
        QVERIFY2(big, qPrintable(error));
        const DemoSession &newest = big->dataset().sessions().constFirst();
        const QString slug = newest.characterSlug;
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), big->staffApiKey());
        const QStringList connection{QStringLiteral("--base-url"), big->apiBaseUrl().toString()};

        QVERIFY(big->faults().addSpec(QStringLiteral("page=2&=status:404")));
        const TestSupport::CliRun compare = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            QStringList{QStringLiteral("compare"), slug, QStringLiteral("--format"),
                        QStringLiteral("json")} +
                connection,
            env);
        QCOMPARE(compare.exitCode, 4);
        QVERIFY2(compare.err.contains("sessions the server counts are missing"),
                 compare.err.constData());
        QVERIFY(compare.out.isEmpty());

        big->faults().clear();
        QVERIFY(big->faults().addSpec(QStringLiteral("/api/billing/usage/=status:500")));
        const QString day = newest.createdAt().toUTC().date().toString(Qt::ISODate);
        const TestSupport::CliRun daily = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            QStringList{QStringLiteral("report"), QStringLiteral("--character"), slug,
                        QStringLiteral("--day"), day, QStringLiteral("--timezone"),
                        QStringLiteral("UTC")} +
                connection,
            env);
        QCOMPARE(daily.exitCode, 4);
        QVERIFY2(daily.err.contains("500"), daily.err.constData());
        QVERIFY(daily.out.isEmpty());

        // And once the server answers, the same commands succeed.
        big->faults().clear();
        const TestSupport::CliRun healed =
            TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY),
                                    QStringList{QStringLiteral("compare"), slug} + connection, env);
        QVERIFY2(healed.exitCode == 0, healed.err.constData());
        QVERIFY(healed.out.contains(slug.toUtf8()));
    }

    /// A base URL that does not lead to the API is an error, never an empty set.
    void wrongBaseUrlIsAnErrorNotAnEmptySet_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("export") << QStringLiteral("export");
        QTest::newRow("sync") << QStringLiteral("sync");
    }
    void wrongBaseUrlIsAnErrorNotAnEmptySet()
    {
        QFETCH(QString, command);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out"));
        QUrl wrong = m_server->apiBaseUrl();
        wrong.setPath(QStringLiteral("/wrongprefix"));
        const QStringList arguments =
            command == u"export" ? QStringList{command, QStringLiteral("--output"), path}
                                 : QStringList{command, QStringLiteral("--database"), path};
        const TestSupport::CliRun r = run(arguments, wrong);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("does not answer the session API here"), r.err.constData());
        QVERIFY2(r.err.contains("check the base URL"), r.err.constData());
        if (command == u"export") {
            QVERIFY(!QFile::exists(path));
        } else {
            const Holding h = readDatabase(path);
            QCOMPARE(h.rows, 0);
            QVERIFY2(!r.out.contains("gone"), r.out.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliWholeSet)
#include "tst_cli_wholeset.moc"
