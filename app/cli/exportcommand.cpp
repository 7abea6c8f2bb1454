#include "api/sessionserializer.h"
#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "reports/outputfile.h"
#include "reports/sessionexportwriter.h"
#include "store/sessionstore.h"
#include "store/storedsessions.h"

#include <QFile>

namespace Cli {

namespace {

/// The stored JSON with the local review data added as two fields: `local_tags` (an array in
/// JSON Lines, the tags joined by ", " in CSV, where arrays have no column) and `local_note`.
QByteArray withReviewData(const StoredSession &s, bool csv)
{
    QByteArray json = s.json.trimmed();
    json.chop(1); // the closing brace
    if (json.trimmed() != "{")
        json += ',';
    json += "\"local_tags\":";
    if (csv) {
        SessionSerializer::appendJsonString(json, s.tags.join(QStringLiteral(", ")));
    } else {
        json += '[';
        for (qsizetype i = 0; i < s.tags.size(); ++i) {
            if (i > 0)
                json += ',';
            SessionSerializer::appendJsonString(json, s.tags.at(i));
        }
        json += ']';
    }
    json += ",\"local_note\":";
    if (s.note.isEmpty())
        json += "null";
    else
        SessionSerializer::appendJsonString(json, s.note);
    return json + '}';
}

/// `export --database`: the store's sessions of the filter, with their tags and notes, and no
/// server. The store is as whole as its last sync.
std::optional<int> exportStore(CliEnvironment &env, const QCommandLineParser &parser,
                               const UsageQuery &query, SessionExportWriter &writer, bool csv,
                               const QString &target, qint64 *exported)
{
    StoreLocation location;
    QString error;
    if (!CliEnvironment::readDatabase(parser, &location, &error))
        return env.usageError(error, QStringLiteral("export"));
    SessionStore store;
    if (!store.open(location, SessionStore::Access::Reader, &error)) {
        env.err() << "sessionscope export: " << error << Qt::endl;
        return LocalFailure;
    }
    QList<SessionSummary> batch;
    QString failure;
    const auto flush = [&] {
        if (!batch.isEmpty() && !writer.write(batch))
            failure = QStringLiteral("%1: %2").arg(target, writer.errorString());
        batch.clear();
        return failure.isEmpty();
    };
    const bool read = StoredSessions::forEach(
        store, query,
        [&](const StoredSession &stored) {
            auto json = SessionJson::read(std::string_view(withReviewData(stored, csv)));
            if (const QString *problem = std::get_if<QString>(&json)) {
                failure = QStringLiteral("the stored JSON of session %1 is damaged: %2")
                              .arg(stored.sessionId, *problem);
                return false;
            }
            SessionSummary s;
            s.sessionId = stored.sessionId;
            s.sourceJson = std::get<SessionJsonPointer>(json);
            batch.append(std::move(s));
            ++*exported;
            return batch.size() < 200 || flush();
        },
        &error);
    if (!read)
        failure = QStringLiteral("database error: ") + error;
    if (failure.isEmpty())
        flush();
    if (failure.isEmpty())
        return std::nullopt;
    env.err() << "sessionscope export: " << failure << Qt::endl;
    return LocalFailure;
}

} // namespace

int runExport(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser,
        QStringLiteral("Writes every session matching the filter once, as the server sent it."));
    parser.addOptions({
        {QStringLiteral("format"),
         QStringLiteral("jsonl (default): each session's JSON exactly as the server sent it, one "
                        "a line. csv: the API's fields as columns (the transcript as "
                        "transcript_text), values as sent, then one column for each field the "
                        "server sent that Sessionscope does not know, if its value is a string, "
                        "number, true, false or null; unknown objects and arrays are only in "
                        "jsonl."),
         QStringLiteral("FORMAT"), QStringLiteral("jsonl")},
        {QStringLiteral("output"),
         QStringLiteral("Write to FILE instead of standard output (- is standard output)."),
         QStringLiteral("FILE")},
        {QStringLiteral("keep-presigned-urls"),
         QStringLiteral("Keep the signed query of recording_presigned_url (anyone holding it can "
                        "play the recording until it expires); by default it is cut off, and "
                        "recording_url is kept.")},
        {QStringLiteral("parallel"),
         QStringLiteral("Connections to the server at once (default %1).")
             .arg(UsageCollector::DefaultParallel),
         QStringLiteral("N"), QString::number(UsageCollector::DefaultParallel)},
    });
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Export from this store (a SQLite file or a postgresql:// "
                                     "URL) instead of the server, each session with its local "
                                     "tags and note (local_tags, local_note)."),
                      QStringLiteral("PATH|URL")});
    LaunchOptions connection;
    UsageQuery query;
    if (const auto stop = env.parseCommand(parser, arguments, command, connection, query))
        return *stop;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"jsonl" && format != u"csv")
        return env.usageError(QStringLiteral("--format must be jsonl or csv."), command);
    bool parallelOk = false;
    const int parallel = parser.value(QStringLiteral("parallel")).toInt(&parallelOk);
    if (!parallelOk || parallel < 1 || parallel > 32)
        return env.usageError(QStringLiteral("--parallel must be between 1 and 32."), command);
    const auto localFailure = [&](const QString &message) {
        env.err() << "sessionscope export: " << message << Qt::endl;
        return LocalFailure;
    };

    // A file is written whole or not at all (see OutputFile); a device or a pipe as it comes.
    std::unique_ptr<OutputFile> file;
    QFile standardOutput;
    QIODevice *device = nullptr;
    const QString output = parser.value(QStringLiteral("output"));
    if (parser.isSet(QStringLiteral("output")) && output.isEmpty())
        return env.usageError(QStringLiteral("--output needs a file name (- is standard output)."),
                              command);
    if (!output.isEmpty() && output != u"-") {
        file = std::make_unique<OutputFile>(output);
        if (!file->open())
            return localFailure(
                QStringLiteral("cannot write %1: %2").arg(file->fileName(), file->errorString()));
        device = &file->device();
    } else {
        env.out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return localFailure(QStringLiteral("cannot write standard output"));
        device = &standardOutput;
    }
    const QString target = file ? file->fileName() : QStringLiteral("standard output");
    SessionExportWriter writer(*device,
                               format == u"csv" ? SessionExportWriter::Format::Csv
                                                : SessionExportWriter::Format::JsonLines,
                               parser.isSet(QStringLiteral("keep-presigned-urls")));
    if (!writer.open())
        return localFailure(writer.errorString());
    CollectionSummary summary;
    std::optional<int> stopped;
    if (parser.isSet(QStringLiteral("database"))) {
        stopped =
            exportStore(env, parser, query, writer, format == u"csv", target, &summary.delivered);
    } else {
        if (const auto stop = env.connectFor(connection, command))
            return *stop;
        env.client().setKeepSessionJson(true);
        // The export writes the kept JSON alone: the turns are checked, not read.
        env.client().setReadTurns(false);
        stopped = env.collectAll(
            query, parallel, command,
            [&](const QList<SessionSummary> &sessions) {
                if (writer.write(sessions))
                    return QString();
                return QStringLiteral("%1: %2").arg(target, writer.errorString());
            },
            &summary);
    }
    if (stopped) {
        if (file)
            file->cancel();
        return writer.failedLocally() ? LocalFailure : *stopped;
    }
    if (!writer.finish()) {
        if (file)
            file->cancel();
        return localFailure(QStringLiteral("%1: %2").arg(target, writer.errorString()));
    }
    if (!file && !standardOutput.flush())
        return localFailure(
            QStringLiteral("cannot write standard output: %1").arg(standardOutput.errorString()));
    if (file && !file->commit())
        return localFailure(
            QStringLiteral("cannot write %1: %2").arg(file->fileName(), file->errorString()));
    if (file || env.stderrIsTerminal())
        env.err() << "Exported " << summary.delivered << " sessions." << Qt::endl;
    return Ok;
}

} // namespace Cli
