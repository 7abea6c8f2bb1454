#pragma once

#include "reports/rangeaggregate.h"

#include <QString>

#include <optional>

/// The rows of the character comparison, shared by the window's table, its small multiples and
/// `sessionscope compare`, so that all three compute and name every figure the same way.
namespace ComparisonMetrics {

enum class Metric {
    Sessions,
    TotalCost,
    CostPerSession,
    CostPerMinute,
    AverageDuration,
    AverageTurns,
    InterruptionsPerSession,
    LlmTokensPerTurn,
    SttSecondsPerSession,
    TtsCharactersPerSession,
    ReadyRecordingShare,
    InProgressShare,
};
inline constexpr int Count = 12;

/// "Best" is a direction: cheaper, fewer interruptions and more finished recordings are better;
/// more sessions, longer and livelier calls count as better engagement.
enum class Better { Higher, Lower };

/// The name people read, in the window's language (English where no translator is installed,
/// as on the command line).
[[nodiscard]] QString name(Metric metric);
/// Machine name for JSON and CSV ("cost_per_session").
[[nodiscard]] QString key(Metric metric);
/// The unit as data: "USD", "s", "share"; the same in every language.
[[nodiscard]] QString unit(Metric metric);
/// The unit as an axis title, in the window's language.
[[nodiscard]] QString unitName(Metric metric);
[[nodiscard]] Better better(Metric metric);
/// The metric as a number (money in dollars, shares in 0..1); nullopt when undefined, such as
/// an average over no sessions.
[[nodiscard]] std::optional<double> value(Metric metric, const CharacterStats &stats);
/// Exact text where the figure is exact (sessions, money to the micro-dollar), otherwise a
/// fixed number of decimals; "n/a" when undefined.
[[nodiscard]] QString exactText(Metric metric, const CharacterStats &stats);
/// Short text for people ("$0.0421", "63.2 %", "4 min 12 s").
[[nodiscard]] QString displayText(Metric metric, const CharacterStats &stats);
/// Index of the best value among `stats`, or -1 when no value is defined or all are equal.
[[nodiscard]] int bestIndex(Metric metric, const QList<CharacterStats> &stats);

} // namespace ComparisonMetrics
