#include "reports/comparisonmetrics.h"
#include "reports/moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace ComparisonMetrics {
namespace {
struct Info
{
    const char *name;
    const char *key;
    const char *unit;
    Better better;
};

constexpr Info Infos[Count] = {
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Sessions"), "sessions",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "sessions"), Better::Higher},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Total cost"), "total_cost_usd",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "USD"), Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Cost per session"), "cost_per_session_usd",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "USD"), Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Cost per minute"), "cost_per_minute_usd",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "USD/min"), Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Average duration"), "average_duration_seconds",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "s"), Better::Higher},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Average turns"), "average_turns",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "turns"), Better::Higher},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Interruptions per session"),
     "interruptions_per_session", QT_TRANSLATE_NOOP("ComparisonMetrics", "interruptions"),
     Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "LLM tokens per turn"), "llm_tokens_per_turn",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "tokens"), Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "STT seconds per session"), "stt_seconds_per_session",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "s"), Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "TTS characters per session"),
     "tts_characters_per_session", QT_TRANSLATE_NOOP("ComparisonMetrics", "characters"),
     Better::Lower},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Recording ready"), "ready_recording_share",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "share"), Better::Higher},
    {QT_TRANSLATE_NOOP("ComparisonMetrics", "Still in progress"), "in_progress_share",
     QT_TRANSLATE_NOOP("ComparisonMetrics", "share"), Better::Lower},
};

const Info &info(Metric m)
{
    return Infos[qBound(0, int(m), Count - 1)];
}

std::optional<double> ratio(double numerator, double denominator)
{
    if (denominator <= 0)
        return std::nullopt;
    return numerator / denominator;
}

/// Money per minute of call, rounded to micro-dollars like every other amount.
std::optional<Money> costPerMinute(const CharacterStats &s)
{
    if (s.durationSeconds <= 0)
        return std::nullopt;
    return Money::fromMicros(
        qint64(std::llround(double(s.totals.estimatedCost.micros()) * 60.0 / s.durationSeconds)));
}
} // namespace

QString name(Metric metric)
{
    return QCoreApplication::translate("ComparisonMetrics", info(metric).name);
}

QString key(Metric metric)
{
    return QString::fromLatin1(info(metric).key);
}

QString unit(Metric metric)
{
    return QString::fromLatin1(info(metric).unit);
}

QString unitName(Metric metric)
{
    return QCoreApplication::translate("ComparisonMetrics", info(metric).unit);
}

Better better(Metric metric)
{
    return info(metric).better;
}

std::optional<double> value(Metric metric, const CharacterStats &s)
{
    const UsageTotals &t = s.totals;
    const double n = double(t.sessions);
    switch (metric) {
    case Metric::Sessions:
        return n;
    case Metric::TotalCost:
        return t.estimatedCost.toDouble();
    case Metric::CostPerSession:
        return t.sessions ? std::optional(t.averageCostPerSession().toDouble()) : std::nullopt;
    case Metric::CostPerMinute: {
        const auto perMinute = costPerMinute(s);
        return perMinute ? std::optional(perMinute->toDouble()) : std::nullopt;
    }
    case Metric::AverageDuration:
        return ratio(s.durationSeconds, n);
    case Metric::AverageTurns:
        return ratio(double(s.turns), n);
    case Metric::InterruptionsPerSession:
        return ratio(double(s.interruptions), n);
    case Metric::LlmTokensPerTurn:
        return ratio(double(t.llmInputTokens + t.llmOutputTokens), double(s.turns));
    case Metric::SttSecondsPerSession:
        return ratio(t.sttAudioSeconds, n);
    case Metric::TtsCharactersPerSession:
        return ratio(double(t.ttsCharacters), n);
    case Metric::ReadyRecordingShare:
        return ratio(double(s.readyRecordings), n);
    case Metric::InProgressShare:
        return ratio(double(s.inProgress), n);
    }
    return std::nullopt;
}

QString exactText(Metric metric, const CharacterStats &s)
{
    const auto v = value(metric, s);
    if (!v)
        return QStringLiteral("n/a");
    switch (metric) {
    case Metric::Sessions:
        return QString::number(s.totals.sessions);
    case Metric::TotalCost:
        return s.totals.estimatedCost.toDecimalString();
    case Metric::CostPerSession:
        return s.totals.averageCostPerSession().toDecimalString();
    case Metric::CostPerMinute:
        return costPerMinute(s)->toDecimalString();
    case Metric::ReadyRecordingShare:
    case Metric::InProgressShare:
        return QString::number(*v, 'f', 4);
    default:
        return QString::number(*v, 'f', 2);
    }
}

QString displayText(Metric metric, const CharacterStats &s)
{
    const auto v = value(metric, s);
    if (!v)
        return QCoreApplication::translate("ComparisonMetrics", "n/a");
    switch (metric) {
    case Metric::Sessions:
        return QLocale().toString(s.totals.sessions);
    case Metric::TotalCost:
        return MoneyFormat::text(s.totals.estimatedCost);
    case Metric::CostPerSession:
        return MoneyFormat::text(s.totals.averageCostPerSession());
    case Metric::CostPerMinute:
        return MoneyFormat::text(*costPerMinute(s));
    case Metric::AverageDuration: {
        const qint64 seconds = std::llround(*v);
        return QCoreApplication::translate("ComparisonMetrics", "%1 min %2 s")
            .arg(QLocale().toString(seconds / 60))
            .arg(seconds % 60);
    }
    case Metric::ReadyRecordingShare:
    case Metric::InProgressShare:
        return QLocale().toString(*v * 100.0, 'f', 1) + QStringLiteral(" %");
    default:
        return QLocale().toString(*v, 'f', 1);
    }
}

int bestIndex(Metric metric, const QList<CharacterStats> &stats)
{
    int best = -1;
    int defined = 0;
    std::optional<double> bestValue;
    bool allEqual = true;
    for (int i = 0; i < stats.size(); ++i) {
        const auto v = value(metric, stats.at(i));
        if (!v)
            continue;
        ++defined;
        if (bestValue && *v != *bestValue)
            allEqual = false;
        const bool better =
            !bestValue || (ComparisonMetrics::better(metric) == Better::Higher ? *v > *bestValue
                                                                               : *v < *bestValue);
        if (better) {
            best = i;
            bestValue = v;
        }
    }
    // A tie across every character has no best; a single defined value is trivially best.
    return defined > 1 && allEqual ? -1 : best;
}

} // namespace ComparisonMetrics
