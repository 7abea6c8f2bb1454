#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"

#include <QLocale>

namespace {
QString grouped(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (int pos = int(digits.size()) - 3; pos > 0; pos -= 3)
        digits.insert(pos, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

void printText(QTextStream &out, const UsageQuery &query, const UsageTotals &t)
{
    out << "Filter:            "
        << (query.characterSlug.isEmpty() ? QStringLiteral("all characters") : query.characterSlug);
    if (!query.tenantId.isEmpty())
        out << ", tenant " << query.tenantId;
    if (query.range.startMicros)
        out << ", from " << formatIsoUtc(*query.range.startMicros);
    if (query.range.endMicros)
        out << ", to " << formatIsoUtc(*query.range.endMicros);
    out << '\n';
    out << "Sessions:          " << grouped(t.sessions) << '\n'
        << "LLM input tokens:  " << grouped(t.llmInputTokens) << '\n'
        << "LLM output tokens: " << grouped(t.llmOutputTokens) << '\n'
        << "STT audio:         " << QString::number(t.sttAudioSeconds / 60.0, 'f', 1) << " min ("
        << QString::number(t.sttAudioSeconds, 'f', 1) << " s)\n"
        << "TTS characters:    " << grouped(t.ttsCharacters) << '\n'
        << "Estimated cost:    " << t.estimatedCost.toDisplayString() << " ("
        << t.estimatedCost.toDecimalString() << " USD)\n"
        << "Cost per session:  " << t.averageCostPerSession().toDisplayString() << '\n';
}

QList<std::pair<QString, QString>> totalsFields(const UsageTotals &t)
{
    return {
        {QStringLiteral("total_sessions"), QString::number(t.sessions)},
        {QStringLiteral("total_llm_input_tokens"), QString::number(t.llmInputTokens)},
        {QStringLiteral("total_llm_output_tokens"), QString::number(t.llmOutputTokens)},
        {QStringLiteral("total_stt_audio_seconds"),
         QString::number(t.sttAudioSeconds, 'g', QLocale::FloatingPointShortest)},
        {QStringLiteral("total_tts_characters"), QString::number(t.ttsCharacters)},
        {QStringLiteral("total_estimated_cost_usd"), t.estimatedCost.toDecimalString()},
    };
}
} // namespace

namespace Cli {

int runReport(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("report");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser, QStringLiteral(
                    "Prints the server's totals (sessions, tokens, STT, TTS, cost) for a filter."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("text (default), json or csv."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addOption({QStringLiteral("day"),
                      QStringLiteral("Daily report of --character for this local day: totals "
                                     "beside the day before, top sessions, hours."),
                      QStringLiteral("YYYY-MM-DD")});
    LaunchOptions connection;
    UsageQuery query;
    if (const auto stop = env.parseCommand(parser, arguments, command, connection, query))
        return *stop;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"csv")
        return env.usageError(QStringLiteral("--format must be text, json or csv."), command);

    if (const auto stop = env.connectFor(connection, command))
        return *stop;
    if (parser.isSet(QStringLiteral("day")))
        return runDailyReport(env, parser, query, format);
    // Only the totals are read: one session per page keeps the reply small.
    query.pageSize = 1;
    const Result<UsagePage> result =
        env.wait<UsagePage>([&](ApiClient &client, QObject *context, auto done) {
            client.fetchUsage(query, context, done);
        });
    UsageTotals totals;
    if (!result) {
        // An empty set has no page 1; its totals are zero, not an error.
        if (result.error().kind != ApiError::Kind::NotFound)
            return env.reportError(result.error());
    } else {
        totals = result.value().totals;
    }
    const auto fields = totalsFields(totals);
    if (format == u"json") {
        env.out() << '{';
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const bool isString = fields[i].first == u"total_estimated_cost_usd";
            env.out() << (i ? "," : "") << "\"" << fields[i].first
                      << "\":" << (isString ? "\"" : "") << fields[i].second
                      << (isString ? "\"" : "");
        }
        env.out() << "}\n";
    } else if (format == u"csv") {
        QStringList names, values;
        for (const auto &[name, value] : fields) {
            names << name;
            values << value;
        }
        env.out() << names.join(QLatin1Char(',')) << "\r\n"
                  << values.join(QLatin1Char(',')) << "\r\n";
    } else {
        printText(env.out(), query, totals);
    }
    return Ok;
}

} // namespace Cli
