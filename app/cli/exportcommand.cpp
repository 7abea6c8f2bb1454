#include "api/sessionserializer.h"
#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "app/cli/csvspool.h"
#include "store/sessionstore.h"
#include "store/storedsessions.h"

#include <QFile>
#include <QSaveFile>
#include <QSet>

namespace Cli {

namespace {

/// Turns the sessions of each page into the bytes of the output, from each session's JSON as
/// the server sent it (the export asks the decoder to keep it): JSON Lines are written as they
/// come, CSV rows go to a spool until every column is known.
class ExportWriter
{
public:
    ExportWriter(QIODevice &out, bool csv, bool keepPresignedQueries)
        : m_out(out)
        , m_csv(csv)
        , m_keepPresignedQueries(keepPresignedQueries)
    {}

    bool open() { return !m_csv || m_spool.open() || fail(m_spool.errorString()); }

    /// False when the output cannot be written: a local failure.
    bool write(const QList<SessionSummary> &sessions)
    {
        QByteArray lines;
        for (const SessionSummary &s : sessions) {
            if (!s.sourceJson) {
                // The client was asked to keep it: a page that comes without it was read by
                // some other path, and writing a re-formatting instead would be a silent lie.
                m_notLocal = true;
                return fail(QStringLiteral("session %1 arrived without the JSON the server sent")
                                .arg(s.sessionId));
            }
            const SessionJson &json = *s.sourceJson;
            if (!m_csv) {
                lines += json.line(m_keepPresignedQueries);
                lines += '\n';
                continue;
            }
            for (const QByteArray &key : SessionSerializer::extraCsvColumns(json)) {
                if (!m_extraSeen.contains(key)) {
                    m_extraSeen.insert(key);
                    m_extra.append(key);
                }
            }
            const QByteArray cells =
                SessionSerializer::csvFieldsAsSent(json, m_extra, m_keepPresignedQueries);
            if (!m_spool.append(cells, columnCount()))
                return fail(m_spool.errorString());
        }
        if (!lines.isEmpty() && m_out.write(lines) != lines.size())
            return fail(QStringLiteral("cannot write: %1").arg(m_out.errorString()));
        return true;
    }

    /// The CSV header and rows, once every column is known.
    bool finish()
    {
        if (!m_csv)
            return true;
        QByteArray header = SessionSerializer::csvHeader().trimmed();
        for (const QByteArray &key : std::as_const(m_extra))
            header += ',' + SessionSerializer::csvFieldUtf8(key);
        return m_spool.writeTo(m_out, header, columnCount()) || fail(m_spool.errorString());
    }

    [[nodiscard]] QString errorString() const { return m_error; }
    /// Whether the failure was this machine's (the output or the spool), not the client's.
    [[nodiscard]] bool failedLocally() const { return !m_error.isEmpty() && !m_notLocal; }

private:
    [[nodiscard]] int columnCount() const
    {
        return int(SessionSerializer::csvColumns().size() + m_extra.size());
    }
    bool fail(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
        return false;
    }

    QIODevice &m_out;
    bool m_csv;
    bool m_keepPresignedQueries;
    CsvSpool m_spool;
    QList<QByteArray> m_extra; ///< unknown scalar fields, in the order first met
    QSet<QByteArray> m_extraSeen;
    QString m_error;
    bool m_notLocal = false;
};

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
                               const UsageQuery &query, ExportWriter &writer, bool csv,
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
        {QStringLiteral("output"), QStringLiteral("Write to FILE instead of standard output."),
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

    // A file is written to a temporary name and renamed at the end, so that a failed export
    // never leaves a half file that looks complete.
    std::unique_ptr<QSaveFile> file;
    QFile standardOutput;
    QIODevice *device = nullptr;
    if (parser.isSet(QStringLiteral("output"))) {
        file = std::make_unique<QSaveFile>(parser.value(QStringLiteral("output")));
        if (!file->open(QIODevice::WriteOnly))
            return localFailure(
                QStringLiteral("cannot write %1: %2").arg(file->fileName(), file->errorString()));
        device = file.get();
    } else {
        env.out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return localFailure(QStringLiteral("cannot write standard output"));
        device = &standardOutput;
    }
    const QString target = file ? file->fileName() : QStringLiteral("standard output");
    ExportWriter writer(*device, format == u"csv",
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
            file->cancelWriting();
        return writer.failedLocally() ? LocalFailure : *stopped;
    }
    if (!writer.finish()) {
        if (file)
            file->cancelWriting();
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
