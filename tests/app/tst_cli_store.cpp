// The store's commands through the real binary, on SQLite and on PostgreSQL: a sync killed
// with SIGKILL mid-walk loses nothing committed and the next run completes it (every session
// once, totals equal to the server's); SIGINT and SIGTERM stop a sync cleanly; `sync --every`
// runs until stopped; search, tag and note; totals equal `sessionscope report`'s.

#include "api/money.h"
#include "store/reviewstore.h"
#include "store/sessionstore.h"
#include "store/storefilter.h"
#include "tests/store/storefixture.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>

#include <csignal>

namespace {
constexpr int Sessions = 1500; // eight pages of 200

qint64 scalar(const SessionStore &store, const QString &sql)
{
    QSqlQuery query(store.database());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}
} // namespace

class TestCliStore final : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_fixture;
    std::unique_ptr<DemoServer> m_server;
    qint64 m_totalMicros = 0;
    qint64 m_totalTurns = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), m_server->staffApiKey());
        return env;
    }
    QStringList withServer(QStringList arguments) const
    {
        return arguments << QStringLiteral("--base-url") << m_server->apiBaseUrl().toString();
    }
    TestSupport::CliRun run(const QStringList &arguments) const
    {
        return TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), arguments,
                                       environment());
    }
    void startSync(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(SESSIONSCOPE_BINARY), withServer(arguments));
    }

    /// Every session once, costing the server's total, each turn once, the mark stored.
    void verifyWhole(const StoreLocation &location)
    {
        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Reader, &error), qPrintable(error));
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(Sessions));
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(DISTINCT session_id) FROM sessions")),
                 qint64(Sessions));
        QCOMPARE(scalar(store, QStringLiteral("SELECT SUM(estimated_cost_micros) FROM sessions")),
                 m_totalMicros);
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM transcript_turns")),
                 m_totalTurns);
        const auto state = store.syncState(&error);
        QVERIFY(state && state->highWaterMicros);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture.start();
        QString error;
        m_server = TestSupport::startDemo(Sessions, 21, &error);
        QVERIFY2(m_server, qPrintable(error));
        for (const DemoSession &s : m_server->dataset().sessions()) {
            m_totalMicros += s.costMicros;
            m_totalTurns += s.turnCount;
        }
    }
    void init() { m_server->faults().clear(); }

    /// kill -9 once some pages are committed, at whatever moment that is; the next run
    /// completes the store.
    void killedSyncIsCompletedByTheNext_data() { StoreFixture::addBackends(); }
    void killedSyncIsCompletedByTheNext()
    {
        FRESH_STORE(m_fixture, location);
        const QString database = StoreFixture::argument(location);
        QVERIFY(m_server->faults().addSpec(QStringLiteral("/api/billing/usage/=latency:400")));
        QProcess sync;
        startSync(sync, {QStringLiteral("sync"), QStringLiteral("--database"), database});
        // Wait for committed rows (an event, not a time), then kill.
        SessionStore reader;
        QString error;
        QTRY_VERIFY_WITH_TIMEOUT(reader.open(location, SessionStore::Access::Reader, &error),
                                 TestSupport::WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM sessions")) >=
                                     200,
                                 TestSupport::WaitMs);
        QCOMPARE(sync.state(), QProcess::Running);
        sync.kill();
        QVERIFY(sync.waitForFinished(30000));
        const qint64 kept = scalar(reader, QStringLiteral("SELECT COUNT(*) FROM sessions"));
        QVERIFY2(kept >= 200 && kept < Sessions, qPrintable(QString::number(kept)));
        QVERIFY(!reader.syncState(&error).has_value()); // no mark moved

        m_server->faults().clear();
        const auto again =
            run(withServer({QStringLiteral("sync"), QStringLiteral("--database"), database}));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(again.out.contains(QStringLiteral("Synced %1 new").arg(Sessions - kept).toUtf8()),
                 again.out.constData());
        verifyWhole(location);
    }

    void signalsStopCleanly_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("sqlite, SIGINT") << QStringLiteral("sqlite") << int(SIGINT);
        QTest::newRow("postgresql, SIGTERM") << QStringLiteral("postgresql") << int(SIGTERM);
    }
    void signalsStopCleanly()
    {
        FRESH_STORE(m_fixture, location);
        QFETCH(int, signalNumber);
        const QString database = StoreFixture::argument(location);
        QVERIFY(m_server->faults().addSpec(QStringLiteral("/api/billing/usage/=latency:400")));
        QProcess sync;
        QSignalSpy finished(&sync, &QProcess::finished);
        startSync(sync, {QStringLiteral("sync"), QStringLiteral("--database"), database});
        SessionStore reader;
        QString error;
        QTRY_VERIFY_WITH_TIMEOUT(reader.open(location, SessionStore::Access::Reader, &error),
                                 TestSupport::WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(scalar(reader, QStringLiteral("SELECT COUNT(*) FROM sessions")) >
                                     0,
                                 TestSupport::WaitMs);
        ::kill(pid_t(sync.processId()), signalNumber);
        QVERIFY(finished.wait(TestSupport::WaitMs));
        QCOMPARE(sync.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sync.exitCode(), 128 + signalNumber);
        QVERIFY(sync.readAllStandardError().contains("stopped"));
        m_server->faults().clear();
        const auto again =
            run(withServer({QStringLiteral("sync"), QStringLiteral("--database"), database}));
        QVERIFY2(again.exitCode == 0, again.err.constData());
        verifyWhole(location);
    }

    void syncEvery()
    {
        StoreLocation location;
        QString error;
        QVERIFY2(m_fixture.fresh(QStringLiteral("sqlite"), &location, &error), qPrintable(error));
        QProcess sync;
        QSignalSpy finished(&sync, &QProcess::finished);
        startSync(sync, {QStringLiteral("sync"), QStringLiteral("--database"), location.path,
                         QStringLiteral("--every"), QStringLiteral("1s")});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += sync.readAllStandardOutput()).count('\n') >= 2,
                                 TestSupport::WaitMs);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY2(lines.at(0).contains("synced 1500 new"), out.constData());
        QVERIFY2(lines.at(1).contains("synced 0 new"), out.constData());
        sync.terminate();
        QVERIFY(finished.wait(TestSupport::WaitMs));
        QCOMPARE(sync.exitCode(), 0);
        out += sync.readAllStandardOutput();
        QVERIFY2(out.trimmed().endsWith("sessions."), out.constData());
        QVERIFY2(out.contains("stopped"), out.constData());
        verifyWhole(location);
        const auto bad =
            run({QStringLiteral("sync"), QStringLiteral("--every"), QStringLiteral("often")});
        QCOMPARE(bad.exitCode, 2);
    }

    /// search, tag and note on a synced store; review data survives the next sync; the
    /// store's totals equal `report`'s for several filters.
    void searchTagNoteAndReport_data() { StoreFixture::addBackends(); }
    void searchTagNoteAndReport()
    {
        FRESH_STORE(m_fixture, location);
        const QString database = StoreFixture::argument(location);
        const QStringList db{QStringLiteral("--database"), database};
        auto r = run(withServer(QStringList{QStringLiteral("sync")} + db));
        QVERIFY2(r.exitCode == 0, r.err.constData());

        // The demo's transcripts hold Chinese, Russian, Arabic, Hindi and markup.
        r = run(QStringList{QStringLiteral("search"), QStringLiteral("预约"),
                            QStringLiteral("--format"), QStringLiteral("json")} +
                db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!hits.isEmpty());
        const QJsonObject hit = hits.first().toObject();
        QVERIFY(hit.value(QStringLiteral("text")).toString().contains(QStringLiteral("预约")));
        const QString id = hit.value(QStringLiteral("session_id")).toString();
        QVERIFY(m_server->dataset().findSession(id));

        r = run(QStringList{QStringLiteral("search"), QStringLiteral("SCRIPT alert")} + db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("<«script»>alert(1)</script>"), r.out.constData());
        r = run(QStringList{QStringLiteral("search"), QStringLiteral("?!")} + db);
        QCOMPARE(r.exitCode, 2);

        r = run(QStringList{QStringLiteral("tag"), id, QStringLiteral("refund"),
                            QStringLiteral("needs-review")} +
                db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(QStringList{QStringLiteral("note"), id, QStringLiteral("Call back on Monday")} +
                db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(run(QStringList{QStringLiteral("tag"), QStringLiteral("sess_nope"),
                                 QStringLiteral("x")} +
                     db)
                     .exitCode,
                 2);
        r = run(withServer(QStringList{QStringLiteral("sync")} + db));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = run(QStringList{QStringLiteral("tag"), id} + db);
        QCOMPARE(r.out.trimmed(), (id + QStringLiteral(": needs-review, refund")).toUtf8());
        r = run(QStringList{QStringLiteral("note"), id} + db);
        QCOMPARE(r.out.trimmed(), QByteArray("Call back on Monday"));

        // export --database: the store's sessions, each with its review data, no server.
        r = run(QStringList{QStringLiteral("export")} + db);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), qsizetype(Sessions));
        int reviewed = 0;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY(o.contains(QStringLiteral("transcript")));
            if (o.value(QStringLiteral("session_id")).toString() != id) {
                QVERIFY(o.value(QStringLiteral("local_tags")).toArray().isEmpty());
                QVERIFY(o.value(QStringLiteral("local_note")).isNull());
                continue;
            }
            ++reviewed;
            QCOMPARE(o.value(QStringLiteral("local_tags")).toArray(),
                     (QJsonArray{QStringLiteral("needs-review"), QStringLiteral("refund")}));
            QCOMPARE(o.value(QStringLiteral("local_note")).toString(),
                     QStringLiteral("Call back on Monday"));
        }
        QCOMPARE(reviewed, 1);

        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Reader, &error), qPrintable(error));
        const DemoSession &newest = m_server->dataset().sessions().constFirst();
        const QString day = newest.createdAt().toUTC().date().addDays(-10).toString(Qt::ISODate);
        const QList<QStringList> filters = {
            {},
            {QStringLiteral("--character"), newest.characterSlug},
            {QStringLiteral("--tenant"), newest.tenantId},
            {QStringLiteral("--start"), day, QStringLiteral("--end"), day,
             QStringLiteral("--timezone"), QStringLiteral("UTC")},
        };
        for (const QStringList &filter : filters) {
            r = run(withServer(QStringList{QStringLiteral("report"), QStringLiteral("--format"),
                                           QStringLiteral("json")} +
                               filter));
            QVERIFY2(r.exitCode == 0, r.err.constData());
            const QJsonObject report = QJsonDocument::fromJson(r.out).object();
            UsageQuery query;
            query.characterSlug =
                filter.size() == 2 && filter.at(0) == u"--character" ? filter.at(1) : QString();
            query.tenantId =
                filter.size() == 2 && filter.at(0) == u"--tenant" ? filter.at(1) : QString();
            if (filter.size() == 6)
                query.range =
                    UtcRange::forDays(QDate::fromString(day, Qt::ISODate),
                                      QDate::fromString(day, Qt::ISODate), QTimeZone::utc());
            UsageTotals totals;
            QVERIFY2(StoreTotals::compute(store, query, &totals, &error), qPrintable(error));
            QVERIFY(totals.sessions > 0);
            QCOMPARE(totals.sessions,
                     report.value(QStringLiteral("total_sessions")).toVariant().toLongLong());
            QCOMPARE(totals.estimatedCost.toDecimalString(),
                     report.value(QStringLiteral("total_estimated_cost_usd")).toString());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
