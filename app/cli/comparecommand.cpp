#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "reports/comparisonmetrics.h"
#include "reports/rangeaggregator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace {
using ComparisonMetrics::Metric;

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

/// Numbers that are exact as decimal strings (money) stay strings in JSON, as the API sends them.
QJsonValue jsonValue(Metric metric, const CharacterStats &stats)
{
    const auto value = ComparisonMetrics::value(metric, stats);
    if (!value)
        return QJsonValue::Null;
    const QString exact = ComparisonMetrics::exactText(metric, stats);
    if (ComparisonMetrics::unit(metric).startsWith(QStringLiteral("USD")))
        return exact;
    if (metric == Metric::Sessions)
        return stats.totals.sessions;
    return exact.toDouble();
}

void printText(QTextStream &out, const QStringList &slugs, const QList<CharacterStats> &stats)
{
    int width = 10;
    for (const QString &slug : slugs)
        width = qMax(width, int(slug.size()) + 2);
    out << QString().leftJustified(28);
    for (const QString &slug : slugs)
        out << slug.rightJustified(width);
    out << '\n';
    for (int row = 0; row < ComparisonMetrics::Count; ++row) {
        const auto metric = Metric(row);
        const int best = ComparisonMetrics::bestIndex(metric, stats);
        out << ComparisonMetrics::name(metric).leftJustified(28);
        for (int i = 0; i < stats.size(); ++i) {
            const QString text = ComparisonMetrics::displayText(metric, stats.at(i)) +
                                 (i == best ? QStringLiteral(" *") : QStringLiteral("  "));
            out << text.rightJustified(width);
        }
        out << '\n';
    }
    out << "\n* best value of the row\n";
}

void printJson(QTextStream &out, const UsageQuery &query, const QStringList &slugs,
               const QList<CharacterStats> &stats)
{
    QJsonArray metrics;
    for (int row = 0; row < ComparisonMetrics::Count; ++row) {
        const auto metric = Metric(row);
        const int best = ComparisonMetrics::bestIndex(metric, stats);
        QJsonObject values;
        for (int i = 0; i < slugs.size(); ++i)
            values.insert(slugs.at(i), jsonValue(metric, stats.at(i)));
        metrics.append(QJsonObject{
            {QStringLiteral("key"), ComparisonMetrics::key(metric)},
            {QStringLiteral("name"), ComparisonMetrics::name(metric)},
            {QStringLiteral("unit"), ComparisonMetrics::unit(metric)},
            {QStringLiteral("better"),
             ComparisonMetrics::better(metric) == ComparisonMetrics::Better::Higher
                 ? QStringLiteral("higher")
                 : QStringLiteral("lower")},
            {QStringLiteral("best"), best < 0 ? QJsonValue() : QJsonValue(slugs.at(best))},
            {QStringLiteral("values"), values},
        });
    }
    const auto bound = [](const std::optional<qint64> &v) {
        return v ? QJsonValue(formatIsoUtc(*v)) : QJsonValue();
    };
    const QJsonObject root{
        {QStringLiteral("start"), bound(query.range.startMicros)},
        {QStringLiteral("end"), bound(query.range.endMicros)},
        {QStringLiteral("tenant_id"),
         query.tenantId.isEmpty() ? QJsonValue() : QJsonValue(query.tenantId)},
        {QStringLiteral("characters"), QJsonArray::fromStringList(slugs)},
        {QStringLiteral("metrics"), metrics},
    };
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void printCsv(QTextStream &out, const QStringList &slugs, const QList<CharacterStats> &stats)
{
    QStringList header{QStringLiteral("metric"), QStringLiteral("unit")};
    for (const QString &slug : slugs)
        header << csvField(slug);
    header << QStringLiteral("best");
    out << header.join(QLatin1Char(',')) << "\r\n";
    for (int row = 0; row < ComparisonMetrics::Count; ++row) {
        const auto metric = Metric(row);
        const int best = ComparisonMetrics::bestIndex(metric, stats);
        QStringList fields{ComparisonMetrics::key(metric), ComparisonMetrics::unit(metric)};
        for (const CharacterStats &s : stats) {
            const auto value = ComparisonMetrics::value(metric, s);
            fields << (value ? ComparisonMetrics::exactText(metric, s) : QString());
        }
        fields << (best < 0 ? QString() : csvField(slugs.at(best)));
        out << fields.join(QLatin1Char(',')) << "\r\n";
    }
}
} // namespace

namespace Cli {

int runCompare(CliEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("compare");
    QCommandLineParser parser;
    CliEnvironment::setUpQueryCommand(
        parser,
        QStringLiteral(
            "Compares characters side by side over a range: sessions, cost, cost per session and "
            "per "
            "minute, durations, turns, interruptions, tokens, STT, TTS and recording shares."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("text (default), json or csv."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addPositionalArgument(QStringLiteral("slug"), QStringLiteral("Characters to compare."),
                                 QStringLiteral("SLUG..."));
    LaunchOptions connection;
    UsageQuery query;
    if (const auto stop = env.parseCommand(parser, arguments, command, connection, query))
        return *stop;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json" && format != u"csv")
        return env.usageError(QStringLiteral("--format must be text, json or csv."), command);
    QStringList slugs = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("character")))
        slugs.append(parser.values(QStringLiteral("character")));
    slugs.removeDuplicates();
    if (slugs.isEmpty())
        return env.usageError(QStringLiteral("Name at least one character slug."), command);

    query.characterSlug.clear();
    if (const auto stop = env.connectFor(connection, command))
        return *stop;

    // One pass per character (its own filter), all at once: for a few characters this reads
    // far fewer sessions than one pass over everyone's.
    std::vector<std::unique_ptr<RangeAggregator>> passes;
    QList<CharacterStats> stats(slugs.size());
    std::optional<ApiError> failure;
    int remaining = int(slugs.size());
    QEventLoop loop;
    for (int i = 0; i < slugs.size(); ++i) {
        auto pass = std::make_unique<RangeAggregator>(&env.client());
        pass->setMaxInFlight(2);
        QObject::connect(
            pass.get(), &RangeAggregator::finished, &loop,
            [&, i](quint64, const RangeAggregate &aggregate, const CollectionSummary &) {
                stats[i] = aggregate.stats(slugs.at(i));
                if (--remaining == 0)
                    loop.quit();
            });
        QObject::connect(pass.get(), &RangeAggregator::failed, &loop,
                         [&](quint64, const ApiError &e) {
                             failure = e;
                             loop.quit();
                         });
        UsageQuery one = query;
        one.characterSlug = slugs.at(i);
        pass->start(one, QTimeZone::utc());
        passes.push_back(std::move(pass));
    }
    loop.exec();
    if (failure)
        return env.reportError(*failure);

    if (format == u"json")
        printJson(env.out(), query, slugs, stats);
    else if (format == u"csv")
        printCsv(env.out(), slugs, stats);
    else
        printText(env.out(), slugs, stats);
    return Ok;
}

} // namespace Cli
