#include "app/cli/commandenvironment.h"
#include "app/cli/storecommands.h"
#include "app/launch/exitcode.h"
#include "store/sessionstore.h"
#include "store/transcriptindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

namespace {
QString clock(double seconds)
{
    const qint64 whole = qint64(seconds);
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

/// Full-text search over every transcript turn in the store, with no server.
int runSearch(CommandEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("search");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Finds turns of the stored transcripts that hold every word of TEXT (accents and case "
        "ignored; any script). Needs no server: run sessionscope sync first."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("What to find."));
    CommandEnvironment::addFilterOptions(parser);
    CommandEnvironment::addDatabaseOption(parser);
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("text (default) or json."),
         QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("limit"), QStringLiteral("At most N turns (default 100)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    if (!parser.parse(arguments.mid(1)))
        return env.usageError(parser.errorText(), command);
    if (const auto done = env.answerHelp(parser, command))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return env.usageError(QStringLiteral("give one TEXT to search for (quote a phrase)."),
                              command);
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json")
        return env.usageError(QStringLiteral("--format must be text or json."), command);
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (!limitOk || limit < 1)
        return env.usageError(QStringLiteral("--limit must be 1 or more."), command);
    UsageQuery filter;
    StoreLocation location;
    QString error;
    if (!CommandEnvironment::readFilter(parser, filter, &error) ||
        !CommandEnvironment::readDatabase(parser, &location, &error))
        return env.usageError(error, command);

    SessionStore store;
    if (!store.open(location, SessionStore::Access::Reader, &error)) {
        env.err() << "sessionscope search: " << error << Qt::endl;
        return LocalFailure;
    }
    QList<TranscriptHit> hits;
    if (!TranscriptIndex::search(store, parser.positionalArguments().constFirst(), filter, limit,
                                 &hits, &error)) {
        if (error.contains(QStringLiteral("no letters or digits")))
            return env.usageError(error, command);
        env.err() << "sessionscope search: database error: " << error << Qt::endl;
        return LocalFailure;
    }
    if (format == u"json") {
        QJsonArray array;
        for (const TranscriptHit &h : std::as_const(hits)) {
            array.append(QJsonObject{
                {QStringLiteral("session_id"), h.sessionId},
                {QStringLiteral("character_slug"), h.characterSlug},
                {QStringLiteral("created_at"), h.createdAt},
                {QStringLiteral("turn_index"), h.turnIndex},
                {QStringLiteral("role"), h.role},
                {QStringLiteral("ts"), h.ts},
                {QStringLiteral("text"), h.text},
                {QStringLiteral("snippet"), h.snippet},
                {QStringLiteral("match_start"), qint64(h.matchStart)},
                {QStringLiteral("match_length"), qint64(h.matchLength)},
            });
        }
        env.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Ok;
    }
    for (const TranscriptHit &h : std::as_const(hits)) {
        QString snippet = h.snippet;
        if (h.matchStart >= 0) {
            snippet.insert(h.matchStart + h.matchLength, QStringLiteral("»"));
            snippet.insert(h.matchStart, QStringLiteral("«"));
        }
        env.out() << h.sessionId << "  turn " << h.turnIndex << "  " << clock(h.ts) << "  "
                  << h.role << "  " << snippet << '\n';
    }
    if (hits.isEmpty())
        env.err() << "No turn matches." << Qt::endl;
    else if (hits.size() == limit)
        env.err() << "Showing the first " << limit << " turns; --limit shows more." << Qt::endl;
    return Ok;
}

} // namespace Cli
