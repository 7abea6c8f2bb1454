#include "reports/dailyreport.h"

#include <QCoreApplication>

namespace {
constexpr qint64 MicrosPerMs = 1000;

DailyReport::Change change(QString key, QString name, double now, double before, QString nowText,
                           QString beforeText, QString diffText)
{
    DailyReport::Change c;
    c.key = std::move(key);
    c.name = std::move(name);
    c.current = now;
    c.previous = before;
    c.absolute = now - before;
    if (before != 0)
        c.percent = (now - before) / before * 100.0;
    c.currentText = std::move(nowText);
    c.previousText = std::move(beforeText);
    c.absoluteText = std::move(diffText);
    return c;
}

DailyReport::Change moneyChange(QString key, QString name, Money now, Money before)
{
    auto c =
        change(std::move(key), std::move(name), now.toDouble(), before.toDouble(),
               now.toDecimalString(), before.toDecimalString(), (now - before).toDecimalString());
    c.unit = DailyReport::Change::Unit::Money;
    return c;
}

DailyReport::Change countChange(QString key, QString name, qint64 now, qint64 before)
{
    return change(std::move(key), std::move(name), double(now), double(before),
                  QString::number(now), QString::number(before), QString::number(now - before));
}
} // namespace

QList<DailyReport::Change> DailyReport::changes() const
{
    auto stt =
        change(QStringLiteral("stt_audio_seconds"),
               QCoreApplication::translate("DailyReport", "STT audio (s)"), totals.sttAudioSeconds,
               previous.sttAudioSeconds, QString::number(totals.sttAudioSeconds, 'f', 1),
               QString::number(previous.sttAudioSeconds, 'f', 1),
               QString::number(totals.sttAudioSeconds - previous.sttAudioSeconds, 'f', 1));
    stt.unit = Change::Unit::Seconds;
    return {
        countChange(QStringLiteral("sessions"),
                    QCoreApplication::translate("DailyReport", "Sessions"), totals.sessions,
                    previous.sessions),
        moneyChange(QStringLiteral("cost_usd"),
                    QCoreApplication::translate("DailyReport", "Cost (USD)"), totals.estimatedCost,
                    previous.estimatedCost),
        moneyChange(QStringLiteral("cost_per_session_usd"),
                    QCoreApplication::translate("DailyReport", "Cost per session (USD)"),
                    totals.averageCostPerSession(), previous.averageCostPerSession()),
        countChange(QStringLiteral("llm_input_tokens"),
                    QCoreApplication::translate("DailyReport", "LLM input tokens"),
                    totals.llmInputTokens, previous.llmInputTokens),
        countChange(QStringLiteral("llm_output_tokens"),
                    QCoreApplication::translate("DailyReport", "LLM output tokens"),
                    totals.llmOutputTokens, previous.llmOutputTokens),
        stt,
        countChange(QStringLiteral("tts_characters"),
                    QCoreApplication::translate("DailyReport", "TTS characters"),
                    totals.ttsCharacters, previous.ttsCharacters),
    };
}

UtcRange DailyReport::previousPeriod(const UtcRange &range, const QTimeZone &zone)
{
    if (!range.startMicros || !range.endMicros)
        return {};
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(*range.startMicros / MicrosPerMs, z);
    const QDateTime afterEnd =
        QDateTime::fromMSecsSinceEpoch((*range.endMicros + 1) / MicrosPerMs, z);
    const bool wholeDays =
        *range.startMicros % MicrosPerMs == 0 && (*range.endMicros + 1) % MicrosPerMs == 0 &&
        start == start.date().startOfDay(z) && afterEnd == afterEnd.date().startOfDay(z);
    if (wholeDays) {
        const qint64 days = start.date().daysTo(afterEnd.date());
        return UtcRange::forDays(start.date().addDays(-days), start.date().addDays(-1), z);
    }
    const qint64 length = *range.endMicros - *range.startMicros + 1;
    return {*range.startMicros - length, *range.startMicros - 1};
}
