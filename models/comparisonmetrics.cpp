#include "models/comparisonmetrics.h"
#include "models/moneyformat.h"

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
    {"Sessions", "sessions", "sessions", Better::Higher},
    {"Total cost", "total_cost_usd", "USD", Better::Lower},
    {"Cost per session", "cost_per_session_usd", "USD", Better::Lower},
    {"Cost per minute", "cost_per_minute_usd", "USD/min", Better::Lower},
    {"Average duration", "average_duration_seconds", "s", Better::Higher},
    {"Average turns", "average_turns", "turns", Better::Higher},
    {"Interruptions per session", "interruptions_per_session", "interruptions", Better::Lower},
    {"LLM tokens per turn", "llm_tokens_per_turn", "tokens", Better::Lower},
    {"STT seconds per session", "stt_seconds_per_session", "s", Better::Lower},
    {"TTS characters per session", "tts_characters_per_session", "characters", Better::Lower},
    {"Recording ready", "ready_recording_share", "share", Better::Higher},
    {"Still in progress", "in_progress_share", "share", Better::Lower},
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
    return QString::fromLatin1(info(metric).name);
}

QString key(Metric metric)
{
    return QString::fromLatin1(info(metric).key);
}

QString unit(Metric metric)
{
    return QString::fromLatin1(info(metric).unit);
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
        return QStringLiteral("n/a");
    switch (metric) {
    case Metric::Sessions:
        return QString::number(s.totals.sessions);
    case Metric::TotalCost:
        return MoneyFormat::text(s.totals.estimatedCost);
    case Metric::CostPerSession:
        return MoneyFormat::text(s.totals.averageCostPerSession());
    case Metric::CostPerMinute:
        return MoneyFormat::text(*costPerMinute(s));
    case Metric::AverageDuration: {
        const qint64 seconds = std::llround(*v);
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    case Metric::ReadyRecordingShare:
    case Metric::InProgressShare:
        return QString::number(*v * 100.0, 'f', 1) + QStringLiteral(" %");
    default:
        return QString::number(*v, 'f', 1);
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
