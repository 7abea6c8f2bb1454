#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "app/cli/sessionstore.h"

namespace Cli {

namespace {
const QString HighWaterKey = QStringLiteral("high_water_micros");
const QString FilterKey = QStringLiteral("filter");

struct SyncCounts
{
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 revisited = 0;
    qint64 nowFinalized = 0;
    qint64 vanished = 0;
};
} // namespace

/// The hourly-sync pattern: fetch what arrived since the newest session already stored
/// (inclusive, so that nothing at the boundary is missed; upserts make the overlap harmless),
/// then look again at sessions that were still in progress.
int runSync(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("sync");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser,
        QStringLiteral("Copies sessions into a local SQLite database and keeps it up to date."));
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The SQLite file to create or update."),
                      QStringLiteral("FILE")});
    LaunchOptions connection;
    UsageQuery query;
    if (const auto stop = env.parseCommand(parser, arguments, command, connection, query))
        return *stop;
    if (!parser.isSet(QStringLiteral("database")))
        return env.usageError(QStringLiteral("--database FILE is required."), command);
    QString error;

    SessionStore store;
    if (!store.open(parser.value(QStringLiteral("database")), &error)) {
        env.err() << "sessionscope sync: " << error << Qt::endl;
        return LocalFailure;
    }
    // A database holds one filter's sessions; mixing filters would make the mark meaningless.
    UsageQuery filterOnly;
    filterOnly.characterSlug = query.characterSlug;
    filterOnly.tenantId = query.tenantId;
    const QString filter = filterOnly.toQueryString();
    const auto storedFilter = store.value(FilterKey);
    if (storedFilter && *storedFilter != filter)
        return env.usageError(
            QStringLiteral("this database was synced with another filter (%1); use "
                           "another file for this one.")
                .arg(*storedFilter),
            command);
    const auto mark = store.value(HighWaterKey);
    qint64 newest = mark ? mark->toLongLong() : 0;
    if (mark && (!query.range.startMicros || *query.range.startMicros < newest))
        query.range.startMicros = newest;
    if (const auto stop = env.connectFor(connection, command))
        return *stop;

    SyncCounts counts;
    QSet<QString> seen;
    QString storeError;
    CollectionSummary summary;
    const auto fetched = env.collectAll(
        query, UsageCollector::DefaultParallel, command,
        [&](const QList<SessionSummary> &sessions) {
            if (!store.begin(&storeError))
                return QStringLiteral("database error: ") + storeError;
            for (const SessionSummary &s : sessions) {
                bool inserted = false;
                if (!store.upsert(s, &inserted, &storeError))
                    return QStringLiteral("database error: ") + storeError;
                ++(inserted ? counts.inserted : counts.updated);
                seen.insert(s.sessionId);
                newest = qMax(newest, microsFromDateTime(s.createdAt));
            }
            return store.commit(&storeError) ? QString()
                                             : QStringLiteral("database error: ") + storeError;
        },
        &summary);
    if (fetched)
        return *fetched;

    // Sessions stored while in progress and not seen again above: ask for each one.
    for (const QString &id : store.inProgressSessionIds()) {
        if (seen.contains(id))
            continue;
        ++counts.revisited;
        const Result<SessionSummary> result =
            env.wait<SessionSummary>([&](ApiClient &client, QObject *context, auto done) {
                client.fetchSession(id, context, done);
            });
        if (!result) {
            if (result.error().kind == ApiError::Kind::NotFound) {
                ++counts.vanished;
                continue;
            }
            return env.reportError(result.error());
        }
        bool inserted = false;
        if (!store.upsert(result.value(), &inserted, &storeError)) {
            env.err() << "sessionscope sync: database error: " << storeError << Qt::endl;
            return LocalFailure;
        }
        counts.nowFinalized += !result.value().inProgress();
    }
    // The mark moves only now, past a walk that delivered the whole set (the collector fails
    // otherwise): a run that stopped early keeps the old mark, and the next run asks again for
    // everything since then.
    if (!store.setValue(FilterKey, filter, &storeError) ||
        !store.setValue(HighWaterKey, QString::number(newest), &storeError)) {
        env.err() << "sessionscope sync: database error: " << storeError << Qt::endl;
        return LocalFailure;
    }
    env.out() << "Synced " << counts.inserted << " new and " << counts.updated
              << " known sessions; re-checked " << counts.revisited << " in progress ("
              << counts.nowFinalized << " now finished, " << counts.vanished
              << " gone). The database holds " << store.count() << " sessions.\n";
    return Ok;
}

} // namespace Cli
