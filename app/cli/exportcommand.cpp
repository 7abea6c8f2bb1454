#include "clienvironment.h"
#include "cli.h"
#include "commands.h"
#include "sessionserializer.h"
#include "usagecollector.h"

#include <QFile>
#include <QSaveFile>

namespace Cli {

int runExport(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("export");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes every session matching the filter once, with every API field."));
    parser.addHelpOption();
    CliEnvironment::addConnectionOptions(parser);
    CliEnvironment::addFilterOptions(parser);
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("jsonl (default) or csv."), QStringLiteral("FORMAT"),
         QStringLiteral("jsonl")},
        {QStringLiteral("output"), QStringLiteral("Write to FILE instead of standard output."),
         QStringLiteral("FILE")},
        {QStringLiteral("parallel"), QStringLiteral("Pages fetched at once (default 6)."),
         QStringLiteral("N"), QStringLiteral("6")},
    });
    if (!parser.parse(arguments.mid(1)))
        return env.usageError(parser.errorText(), command);
    if (parser.isSet(QStringLiteral("help"))) {
        env.out() << parser.helpText();
        return Ok;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"jsonl" && format != u"csv")
        return env.usageError(QStringLiteral("--format must be jsonl or csv."), command);
    bool parallelOk = false;
    const int parallel = parser.value(QStringLiteral("parallel")).toInt(&parallelOk);
    if (!parallelOk || parallel < 1 || parallel > 32)
        return env.usageError(QStringLiteral("--parallel must be between 1 and 32."), command);

    LaunchOptions connection;
    UsageQuery query;
    QString error;
    if (!CliEnvironment::readConnection(parser, connection, &error) ||
        !CliEnvironment::readFilter(parser, query, &error))
        return env.usageError(error, command);

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
    if (!env.connect(connection, &error)) {
        env.err() << "sessionscope export: " << error << Qt::endl;
        return connection.demo ? NetworkFailure : Usage;
    }

    const bool csv = format == u"csv";
    if (csv)
        device->write(SessionSerializer::csvHeader());
    query.pageSize = UsageQuery::MaxPageSize;
    UsageCollector collector(&env.client());
    collector.setMaxInFlight(parallel);
    const bool showProgress = env.stderrIsTerminal();
    std::optional<ApiError> failure;
    CollectionSummary summary;
    QEventLoop loop;
    QObject::connect(&collector, &UsageCollector::pageReady, &loop,
                     [&](int, const QList<SessionSummary> &sessions) {
                         QByteArray chunk;
                         for (const SessionSummary &s : sessions) {
                             if (csv) {
                                 chunk += SessionSerializer::toCsvRow(s);
                             } else {
                                 chunk += SessionSerializer::toJson(s);
                                 chunk += '\n';
                             }
                         }
                         device->write(chunk);
                     });
    QObject::connect(&collector, &UsageCollector::progress, &loop, [&](int done, int total) {
        if (showProgress)
            env.err() << "\rExporting: page " << done << " of " << total << Qt::flush;
    });
    QObject::connect(&collector, &UsageCollector::finished, &loop,
                     [&](const CollectionSummary &s) {
                         summary = s;
                         loop.quit();
                     });
    QObject::connect(&collector, &UsageCollector::failed, &loop, [&](const ApiError &e) {
        failure = e;
        loop.quit();
    });
    collector.start(query);
    loop.exec();
    if (showProgress)
        env.err() << '\n';
    if (failure) {
        if (file)
            file->cancelWriting();
        return env.reportError(*failure);
    }
    if (file && !file->commit()) {
        env.err() << "sessionscope export: cannot write " << file->fileName() << ": "
                  << file->errorString() << Qt::endl;
        return ApiFailure;
    }
    if (!summary.inconsistency.isEmpty())
        env.err() << "sessionscope export: warning: " << summary.inconsistency << Qt::endl;
    if (showProgress || file)
        env.err() << "Exported " << summary.delivered << " sessions." << Qt::endl;
    return Ok;
}

} // namespace Cli
