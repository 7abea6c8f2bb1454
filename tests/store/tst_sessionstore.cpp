// The store on SQLite and on a real PostgreSQL server: the schema and its migrations (a file
// of the first release included), writing sessions and their turns, the writer lock, local
// tags and notes, and the sync engine against the demo server: whole, resumable, and with
// totals equal to the API's to the micro-dollar for several filters.

#include "api/apiclient.h"
#include "api/sessionserializer.h"
#include "api/usagequery.h"
#include "store/reviewstore.h"
#include "store/sessionwriter.h"
#include "store/storefilter.h"
#include "store/storeschema.h"
#include "store/storesync.h"
#include "tests/store/storefixture.h"
#include "tests/support/testsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>

namespace {
constexpr int Sessions = 900; // five pages of 200

qint64 scalar(const SessionStore &store, const QString &sql)
{
    QSqlQuery query(store.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace

class TestSessionStore final : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_fixture;
    std::unique_ptr<DemoServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;

    StoreSyncOutcome syncNow(SessionStore &store, const UsageQuery &query = {})
    {
        StoreSync sync(m_client.get(), &store);
        QSignalSpy finished(&sync, &StoreSync::finished);
        sync.start(query);
        if (finished.isEmpty() && !finished.wait(TestSupport::WaitMs))
            return {StoreSyncOutcome::Kind::ApiFailed};
        return finished.constFirst().constFirst().value<StoreSyncOutcome>();
    }

    QList<SessionSummary> firstPage()
    {
        UsageQuery query;
        query.pageSize = 50;
        const auto page = TestSupport::await<UsagePage>(
            [&](auto done) { m_client->fetchUsage(query, this, done); });
        return page ? page.value().sessions : QList<SessionSummary>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StoreSyncOutcome>();
        m_fixture.start();
        QString error;
        m_server = TestSupport::startDemo(Sessions, 11, &error);
        QVERIFY2(m_server, qPrintable(error));
        m_client = TestSupport::freshStaffClient(m_network, *m_server);
    }

    void init() { m_server->faults().clear(); }

    void locations()
    {
        StoreLocation l;
        QString error;
        QVERIFY(StoreLocation::parse(QString(), &l, &error));
        QCOMPARE(l.kind, StoreLocation::Kind::Sqlite);
        QVERIFY(l.path.endsWith(QStringLiteral("/sessions.sqlite")));
        QVERIFY(StoreLocation::parse(QStringLiteral("postgres://ann:s3cret@db.example:6543/team"),
                                     &l, &error));
        QCOMPARE(l.kind, StoreLocation::Kind::Postgres);
        QCOMPARE(l.host, QStringLiteral("db.example"));
        QCOMPARE(l.port, 6543);
        QCOMPARE(l.user, QStringLiteral("ann"));
        QCOMPARE(l.password, QStringLiteral("s3cret"));
        QCOMPARE(l.databaseName, QStringLiteral("team"));
        QVERIFY(!l.displayName().contains(QStringLiteral("s3cret")));
        QVERIFY(StoreLocation::parse(QStringLiteral("postgresql://ann@db"), &l, &error) == false);
        QVERIFY(error.contains(QStringLiteral("postgresql://user")));
        QVERIFY(!StoreLocation::parse(QStringLiteral("mysql://ann@db/x"), &l, &error));
    }

    void freshStoreIsAtTheCurrentVersion_data() { StoreFixture::addBackends(); }
    void freshStoreIsAtTheCurrentVersion()
    {
        FRESH_STORE(m_fixture, location);
        QString error;
        {
            SessionStore store;
            QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
            QCOMPARE(store.versionFound(), 0);
            QCOMPARE(scalar(store, QStringLiteral("SELECT MAX(version) FROM schema_version")),
                     qint64(StoreSchema::CurrentVersion));
            if (location.kind == StoreLocation::Kind::Sqlite) {
                // The writer's cache holds what the search index's merges read back; a reader
                // keeps SQLite's default, which it fills faster.
                QCOMPARE(scalar(store, QStringLiteral("PRAGMA cache_size")), qint64(-65536));
                QCOMPARE(scalar(store, QStringLiteral("PRAGMA wal_autocheckpoint")), qint64(16384));
            }
        }
        SessionStore again;
        QVERIFY2(again.open(location, SessionStore::Access::Reader, &error), qPrintable(error));
        QCOMPARE(again.versionFound(), StoreSchema::CurrentVersion);
        if (location.kind == StoreLocation::Kind::Sqlite)
            QCOMPARE(scalar(again, QStringLiteral("PRAGMA cache_size")), qint64(-2000));
    }

    /// A database written by the first release's `sync` (its statements, verbatim) is
    /// migrated: its rows get every column and their turns, its filter and mark are kept.
    void firstReleaseFileIsMigrated_data() { StoreFixture::addBackends(); }
    void firstReleaseFileIsMigrated()
    {
        FRESH_STORE(m_fixture, location);
        const QList<SessionSummary> sessions = firstPage();
        QVERIFY(sessions.size() == 50);
        const QString connection = QStringLiteral("first-release");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(location.kind == StoreLocation::Kind::Sqlite
                                                            ? QStringLiteral("QSQLITE")
                                                            : QStringLiteral("QPSQL"),
                                                        connection);
            db.setDatabaseName(location.kind == StoreLocation::Kind::Sqlite
                                   ? location.path
                                   : location.databaseName);
            db.setHostName(location.host);
            db.setPort(location.port);
            db.setUserName(location.user);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            for (const char *statement : {
                     "CREATE TABLE IF NOT EXISTS sessions ("
                     " session_id TEXT PRIMARY KEY,"
                     " id INTEGER, tenant_id TEXT, character_slug TEXT,"
                     " created_at TEXT, finalized_at TEXT,"
                     " duration_seconds REAL, turn_count INTEGER, interruption_count INTEGER,"
                     " llm_input_tokens INTEGER, llm_output_tokens INTEGER, llm_model TEXT,"
                     " stt_audio_seconds REAL, tts_characters INTEGER,"
                     " estimated_cost_micros INTEGER, estimated_cost_usd TEXT,"
                     " recording_status TEXT, json TEXT NOT NULL)",
                     "CREATE INDEX IF NOT EXISTS sessions_created ON sessions(created_at)",
                     "CREATE INDEX IF NOT EXISTS sessions_character ON sessions(character_slug)",
                     "CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT)",
                     "INSERT INTO sync_state VALUES ('filter', 'page=1&page_size=50')",
                     "INSERT INTO sync_state VALUES ('high_water_micros', '1790000000000000')",
                 })
                QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
            q.prepare(QStringLiteral("INSERT INTO sessions (session_id, id, tenant_id, "
                                     "character_slug, created_at, estimated_cost_micros, "
                                     "estimated_cost_usd, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const SessionSummary &s : sessions) {
                q.addBindValue(s.sessionId);
                q.addBindValue(s.id);
                q.addBindValue(s.tenantId);
                q.addBindValue(s.characterSlug);
                q.addBindValue(SessionSerializer::formatDateTime(s.createdAt));
                q.addBindValue(s.estimatedCost.micros());
                q.addBindValue(s.estimatedCost.toDecimalString());
                q.addBindValue(QString::fromUtf8(SessionSerializer::toJson(s)));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            q.clear();
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);

        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        QCOMPARE(store.versionFound(), 1);
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM sessions")), qint64(50));
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM sessions WHERE "
                                              "created_at_micros IS NULL OR llm_provider IS NULL "
                                              "OR room_name IS NULL")),
                 qint64(0));
        qint64 turns = 0;
        for (const SessionSummary &s : sessions)
            turns += s.transcript.size();
        QVERIFY(turns > 0);
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM transcript_turns")), turns);
        const auto state = store.syncState(&error);
        QVERIFY(state.has_value());
        QCOMPARE(state->filter, QStringLiteral("page=1&page_size=50"));
        QCOMPARE(state->highWaterMicros, std::optional<qint64>(1790000000000000));
        QCOMPARE(StoreSchema::version(const_cast<QSqlDatabase &>(
                                          static_cast<const QSqlDatabase &>(store.database())),
                                      store.dialect(), &error),
                 StoreSchema::CurrentVersion);
    }

    void secondWriterIsRefused_data() { StoreFixture::addBackends(); }
    void secondWriterIsRefused()
    {
        FRESH_STORE(m_fixture, location);
        QString error;
        SessionStore first;
        QVERIFY2(first.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        SessionStore second;
        QVERIFY(!second.open(location, SessionStore::Access::Writer, &error));
        QVERIFY2(error.contains(QStringLiteral("another sync")), qPrintable(error));
        SessionStore reader; // readers never wait for a sync
        QVERIFY2(reader.open(location, SessionStore::Access::Reader, &error), qPrintable(error));
    }

    /// The engine: everything once, the totals the API gives for several filters to the
    /// micro-dollar, a second run that asks from the mark and adds nothing, and review data
    /// that every sync keeps.
    void syncIsWholeAndEqualsTheApi_data() { StoreFixture::addBackends(); }
    void syncIsWholeAndEqualsTheApi()
    {
        FRESH_STORE(m_fixture, location);
        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        StoreSyncOutcome o = syncNow(store);
        QVERIFY2(o.kind == StoreSyncOutcome::Kind::Done,
                 qPrintable(o.apiError.message + o.message));
        QCOMPARE(o.inserted, qint64(Sessions));
        QCOMPARE(o.sessionsStored, qint64(Sessions));

        const DemoSession &newest = m_server->dataset().sessions().constFirst();
        UsageQuery character;
        character.characterSlug = newest.characterSlug;
        UsageQuery tenant;
        tenant.tenantId = newest.tenantId;
        UsageQuery range;
        range.range.endMicros = microsFromDateTime(newest.createdAt()) - 3 * 86400 * 1000000LL;
        range.range.startMicros = *range.range.endMicros - 20 * 86400 * 1000000LL;
        UsageQuery narrow = character;
        narrow.range = range.range;
        for (const UsageQuery &filter : {UsageQuery(), character, tenant, range, narrow}) {
            UsageQuery one = filter;
            one.pageSize = 1;
            const auto page = TestSupport::await<UsagePage>(
                [&](auto done) { m_client->fetchUsage(one, this, done); });
            QVERIFY(page);
            UsageTotals stored;
            QVERIFY2(StoreTotals::compute(store, filter, &stored, &error), qPrintable(error));
            const UsageTotals &api = page.value().totals;
            QVERIFY(api.sessions > 0);
            QCOMPARE(stored.sessions, api.sessions);
            QCOMPARE(stored.estimatedCost.micros(), api.estimatedCost.micros());
            QCOMPARE(stored.llmInputTokens, api.llmInputTokens);
            QCOMPARE(stored.llmOutputTokens, api.llmOutputTokens);
            QCOMPARE(stored.ttsCharacters, api.ttsCharacters);
            QVERIFY(qAbs(stored.sttAudioSeconds - api.sttAudioSeconds) < 0.01);
        }
        qint64 turns = 0;
        for (const DemoSession &s : m_server->dataset().sessions())
            turns += s.turnCount;
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM transcript_turns")), turns);

        const QString id = newest.sessionId;
        QVERIFY2(ReviewStore::addTags(
                     store, id, {QStringLiteral("refund"), QStringLiteral("needs-review")}, &error),
                 qPrintable(error));
        QVERIFY2(ReviewStore::setNote(store, id, QStringLiteral("Call back «Mme Müller»"), &error),
                 qPrintable(error));

        m_server->clearRequestLog();
        o = syncNow(store);
        QVERIFY2(o.kind == StoreSyncOutcome::Kind::Done, qPrintable(o.apiError.message));
        QCOMPARE(o.inserted, qint64(0));
        QVERIFY(o.updated >= 1); // the boundary session, asked again (inclusive)
        QCOMPARE(o.sessionsStored, qint64(Sessions));
        for (const RecordedRequest &r : m_server->requestLog()) {
            if (r.url.path() == u"/api/billing/usage/")
                QVERIFY(r.url.query().contains(QStringLiteral("start=")));
        }
        QCOMPARE(ReviewStore::tags(store, id),
                 (QStringList{QStringLiteral("needs-review"), QStringLiteral("refund")}));
        QCOMPARE(ReviewStore::note(store, id), QStringLiteral("Call back «Mme Müller»"));
        QCOMPARE(scalar(store, QStringLiteral("SELECT COUNT(*) FROM transcript_turns")), turns);

        // A store keeps one filter.
        o = syncNow(store, character);
        QCOMPARE(int(o.kind), int(StoreSyncOutcome::Kind::OtherFilter));
    }

    /// Stopped mid-walk: the committed pages stay, the mark does not move, and the next run
    /// completes the store.
    void stoppedSyncKeepsWhatItCommitted_data() { StoreFixture::addBackends(); }
    void stoppedSyncKeepsWhatItCommitted()
    {
        FRESH_STORE(m_fixture, location);
        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        QVERIFY(m_server->faults().addSpec(QStringLiteral("page=3&=latency:30000")));
        StoreSync sync(m_client.get(), &store);
        QSignalSpy finished(&sync, &StoreSync::finished);
        qint64 written = 0;
        connect(&sync, &StoreSync::progress, this,
                [&](const StoreSyncProgress &p) { written = p.sessionsWritten; });
        sync.start({}, 1);
        QTRY_VERIFY_WITH_TIMEOUT(written >= 400, TestSupport::WaitMs);
        sync.stop();
        QCOMPARE(finished.size(), 1);
        const auto o = finished.constFirst().constFirst().value<StoreSyncOutcome>();
        QCOMPARE(int(o.kind), int(StoreSyncOutcome::Kind::Stopped));
        QCOMPARE(o.sessionsStored, written);
        QVERIFY(!store.syncState(&error).has_value());

        m_server->faults().clear();
        const StoreSyncOutcome again = syncNow(store);
        QVERIFY2(again.kind == StoreSyncOutcome::Kind::Done, qPrintable(again.apiError.message));
        QCOMPARE(again.sessionsStored, qint64(Sessions));
        QCOMPARE(again.inserted, qint64(Sessions) - written);
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
