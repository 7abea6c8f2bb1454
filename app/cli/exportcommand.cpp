#include "cli.h"
#include "clienvironment.h"
#include "commands.h"
#include "sessionserializer.h"

#include <QFile>
#include <QSaveFile>

namespace Cli {

int runExport(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser,
        QStringLiteral("Writes every session matching the filter once, with every API field."));
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("jsonl (default) or csv."),
         QStringLiteral("FORMAT"), QStringLiteral("jsonl")},
        {QStringLiteral("output"), QStringLiteral("Write to FILE instead of standard output."),
         QStringLiteral("FILE")},
        {QStringLiteral("parallel"),
         QStringLiteral("Connections to the server at once (default %1).")
             .arg(UsageCollector::DefaultParallel),
         QStringLiteral("N"), QString::number(UsageCollector::DefaultParallel)},
    });
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

    // A file is written to a temporary name and renamed at the end, so that a failed export
    // never leaves a half file that looks complete.
    std::unique_ptr<QSaveFile> file;
    QFile standardOutput;
    QIODevice *device = nullptr;
    if (parser.isSet(QStringLiteral("output"))) {
        file = std::make_unique<QSaveFile>(parser.value(QStringLiteral("output")));
        if (!file->open(QIODevice::WriteOnly)) {
            env.err() << "sessionscope export: cannot write " << file->fileName() << ": "
                      << file->errorString() << Qt::endl;
            return ApiFailure;
        }
        device = file.get();
    } else {
        env.out().flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly)) {
            env.err() << "sessionscope export: cannot write standard output" << Qt::endl;
            return ApiFailure;
        }
        device = &standardOutput;
    }
    if (const auto stop = env.connectFor(connection, command))
        return *stop;

    const bool csv = format == u"csv";
    if (csv)
        device->write(SessionSerializer::csvHeader());
    CollectionSummary summary;
    const auto written = env.collectAll(
        query, parallel, command,
        [&](const QList<SessionSummary> &sessions) {
            QByteArray chunk;
            for (const SessionSummary &s : sessions) {
                if (csv) {
                    chunk += SessionSerializer::toCsvRow(s);
                } else {
                    chunk += SessionSerializer::toJson(s);
                    chunk += '\n';
                }
            }
            return device->write(chunk) == chunk.size() ? QString() : device->errorString();
        },
        &summary);
    if (written) {
        if (file)
            file->cancelWriting();
        return *written;
    }
    if (file && !file->commit()) {
        env.err() << "sessionscope export: cannot write " << file->fileName() << ": "
                  << file->errorString() << Qt::endl;
        return ApiFailure;
    }
    if (file || env.stderrIsTerminal())
        env.err() << "Exported " << summary.delivered << " sessions." << Qt::endl;
    return Ok;
}

} // namespace Cli
