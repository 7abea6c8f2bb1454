#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "app/cli/stopsignals.h"
#include "store/sessionstore.h"
#include "store/storesync.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>

namespace Cli {

namespace {

/// "90s", "30m", "1h", "2d" in milliseconds; nothing when malformed or under a second.
std::optional<qint64> parsePeriod(const QString &text)
{
    static const QRegularExpression format(QStringLiteral("^([0-9]{1,6})([smhd])$"));
    const auto match = format.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 amount = match.captured(1).toLongLong();
    const QChar unit = match.captured(2).at(0);
    const qint64 unitMs = unit == u's'   ? 1000
                          : unit == u'm' ? 60000
                          : unit == u'h' ? 3600000
                                         : 86400000;
    const qint64 ms = amount * unitMs;
    if (ms < 1000)
        return std::nullopt;
    return ms;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

/// One run of the engine, waited for; progress on standard error when it is a terminal.
StoreSyncOutcome runEngine(CliEnvironment &env, SessionStore &store, const UsageQuery &query,
                           StopSignals &stops, bool showProgress)
{
    StoreSync sync(&env.client(), &store);
    std::optional<StoreSyncOutcome> outcome;
    QEventLoop loop;
    QObject::connect(&sync, &StoreSync::finished, &loop, [&](const StoreSyncOutcome &o) {
        outcome = o;
        loop.quit();
    });
    QObject::connect(&stops, &StopSignals::stopRequested, &sync, &StoreSync::stop);
    QObject::connect(&sync, &StoreSync::recovering, &loop,
                     [&](int pass, const QList<int> &pages, qint64 missing) {
                         if (showProgress)
                             env.err() << '\n';
                         env.err()
                             << "sessionscope sync: the pages do not add up to the "
                                "server's totals ("
                             << missing << " sessions missing); asking " << pages.size()
                             << (pages.size() == 1 ? " page" : " pages") << " again, recovery pass "
                             << pass << " of " << UsageCollector::MaxRecoveryPasses << Qt::endl;
                     });
    if (showProgress) {
        QObject::connect(&sync, &StoreSync::progress, &loop, [&](const StoreSyncProgress &p) {
            const double seconds = qMax<qint64>(1, p.elapsedMs) / 1000.0;
            env.err() << "\rpage " << p.pagesDone << " of " << p.pageCount << ", "
                      << p.sessionsWritten << " sessions stored ("
                      << qRound64(double(p.sessionsWritten) / seconds) << "/s)   " << Qt::flush;
        });
    }
    if (stops.received())
        return StoreSyncOutcome{StoreSyncOutcome::Kind::Stopped};
    sync.start(query, UsageCollector::DefaultParallel);
    if (!outcome)
        loop.exec();
    if (showProgress)
        env.err() << Qt::endl;
    return *outcome;
}

QString countsText(const StoreSyncOutcome &o)
{
    return QStringLiteral("%1 new and %2 known sessions; re-checked %3 in progress (%4 now "
                          "finished, %5 gone). The database holds %6 sessions.")
        .arg(o.inserted)
        .arg(o.updated)
        .arg(o.revisited)
        .arg(o.nowFinalized)
        .arg(o.vanished)
        .arg(o.sessionsStored);
}

int stoppedCode(const StopSignals &stops)
{
    return 128 + (stops.received() ? stops.received() : SIGINT);
}

/// `--every`: one line per run, on standard output, until SIGINT or SIGTERM. A run that the
/// server or the network failed is said and retried at the next period; a local failure (the
/// database) or another filter ends the command.
int runPeriodically(CliEnvironment &env, SessionStore &store, const UsageQuery &query,
                    qint64 periodMs, StopSignals &stops)
{
    const QString command = QStringLiteral("sync");
    for (;;) {
        const StoreSyncOutcome o = runEngine(env, store, query, stops, false);
        switch (o.kind) {
        case StoreSyncOutcome::Kind::Done:
            env.out() << nowText() << " synced " << countsText(o) << Qt::endl;
            break;
        case StoreSyncOutcome::Kind::ApiFailed:
            env.out() << nowText() << " failed, kept " << o.sessionsStored
                      << " sessions, next run asks again: " << o.apiError.toDisplayString()
                      << Qt::endl;
            break;
        case StoreSyncOutcome::Kind::Stopped:
            env.out() << nowText() << " stopped; the database holds " << o.sessionsStored
                      << " sessions." << Qt::endl;
            return Ok;
        case StoreSyncOutcome::Kind::OtherFilter:
            return env.usageError(o.message, command);
        case StoreSyncOutcome::Kind::LocalFailed:
            env.err() << "sessionscope sync: database error: " << o.message << Qt::endl;
            return LocalFailure;
        }
        // A little jitter (up to a tenth of the period, at most five minutes) so that many
        // machines started together do not ask the server at the same instant.
        const qint64 jitter =
            QRandomGenerator::global()->bounded(qMin<qint64>(periodMs / 10, 300000) + 1);
        QEventLoop wait;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &wait, &QEventLoop::quit);
        QObject::connect(&stops, &StopSignals::stopRequested, &wait, &QEventLoop::quit);
        timer.start(std::chrono::milliseconds(periodMs + jitter));
        if (!stops.received())
            wait.exec();
        if (stops.received()) {
            env.out() << nowText() << " stopped; the database holds " << o.sessionsStored
                      << " sessions." << Qt::endl;
            return Ok;
        }
    }
}

} // namespace

/// The hourly-sync pattern, in store/StoreSync; this parses the options and prints.
int runSync(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("sync");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser, QStringLiteral("Copies sessions into a local database (SQLite, or PostgreSQL "
                               "for a team) and keeps it up to date."));
    CliEnvironment::addDatabaseOption(parser);
    parser.addOption({QStringLiteral("every"),
                      QStringLiteral("Keep running and sync every PERIOD (such as 90s, 30m, 1h), "
                                     "one line per run, until SIGINT or SIGTERM."),
                      QStringLiteral("PERIOD")});
    LaunchOptions connection;
    UsageQuery query;
    if (const auto stop = env.parseCommand(parser, arguments, command, connection, query))
        return *stop;
    StoreLocation location;
    QString error;
    if (!CliEnvironment::readDatabase(parser, &location, &error))
        return env.usageError(error, command);
    std::optional<qint64> periodMs;
    if (parser.isSet(QStringLiteral("every"))) {
        periodMs = parsePeriod(parser.value(QStringLiteral("every")));
        if (!periodMs)
            return env.usageError(QStringLiteral("--every takes a period such as 90s, 30m, 1h "
                                                 "or 1d (at least 1s)."),
                                  command);
    }
    // Stop requests are taken from here on: a signal while the database opens or the
    // connection is made still ends the command cleanly.
    StopSignals stops;
    SessionStore store;
    if (!store.open(location, SessionStore::Access::Writer, &error)) {
        env.err() << "sessionscope sync: " << error << Qt::endl;
        return LocalFailure;
    }
    if (const auto stop = env.connectFor(connection, command))
        return *stop;
    // Each session's JSON as the server sent it goes into the store, unknown fields included.
    env.client().setKeepSessionJson(true);
    if (periodMs)
        return runPeriodically(env, store, query, *periodMs, stops);

    const StoreSyncOutcome o = runEngine(env, store, query, stops, env.stderrIsTerminal());
    switch (o.kind) {
    case StoreSyncOutcome::Kind::Done:
        if (!o.summary.note.isEmpty())
            env.err() << "sessionscope sync: note: " << o.summary.note << Qt::endl;
        env.out() << "Synced " << countsText(o) << '\n';
        return Ok;
    case StoreSyncOutcome::Kind::ApiFailed:
        return env.reportError(o.apiError);
    case StoreSyncOutcome::Kind::OtherFilter:
        return env.usageError(o.message, command);
    case StoreSyncOutcome::Kind::LocalFailed:
        env.err() << "sessionscope sync: database error: " << o.message << Qt::endl;
        return LocalFailure;
    case StoreSyncOutcome::Kind::Stopped:
        env.err() << "sessionscope sync: stopped; the " << o.sessionsStored
                  << " sessions stored stay, and the next run completes the sync." << Qt::endl;
        return stoppedCode(stops);
    }
    return Ok;
}

} // namespace Cli
