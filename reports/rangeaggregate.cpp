#include "reports/rangeaggregate.h"

#include <algorithm>

namespace {
/// Keeps `list` sorted by `key` descending and at most `bound` long; ties keep the newer
/// session first because sessions arrive newest first.
template<typename Key>
void insertTop(QList<SessionBrief> &list, const SessionBrief &brief, Key key, int bound)
{
    const auto at = std::upper_bound(
        list.begin(), list.end(), brief,
        [&](const SessionBrief &a, const SessionBrief &b) { return key(a) > key(b); });
    if (at - list.begin() >= bound)
        return;
    list.insert(at, brief);
    if (list.size() > bound)
        list.removeLast();
}
} // namespace

SessionBrief SessionBrief::from(const SessionSummary &session)
{
    return {session.sessionId, session.createdAt, session.durationSeconds, session.turnCount,
            session.estimatedCost};
}

void CharacterStats::add(const SessionSummary &session)
{
    totals.add(session);
    durationSeconds += session.durationSeconds;
    turns += session.turnCount;
    interruptions += session.interruptionCount;
    if (session.recordingStatus == RecordingStatus::Ready)
        ++readyRecordings;
    if (session.inProgress())
        ++inProgress;
}

RangeAggregate::RangeAggregate(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{}

QDate RangeAggregate::localDay(const QDateTime &instant) const
{
    return instant.toTimeZone(m_zone).date();
}

void RangeAggregate::add(const SessionSummary &session)
{
    PerCharacter &c = m_characters[session.characterSlug];
    c.stats.add(session);
    const QDateTime local = session.createdAt.toTimeZone(m_zone);
    const DayFigures one{1, session.estimatedCost};
    c.days[local.date()] += one;
    c.hours[std::clamp(local.time().hour(), 0, 23)] += one;
    const SessionBrief brief = SessionBrief::from(session);
    insertTop(
        c.costliest, brief, [](const SessionBrief &b) { return b.cost.micros(); }, TopCount);
    insertTop(
        c.longest, brief, [](const SessionBrief &b) { return b.durationSeconds; }, TopCount);
}

const RangeAggregate::PerCharacter *RangeAggregate::character(const QString &slug) const
{
    const auto it = m_characters.constFind(slug);
    return it == m_characters.cend() ? nullptr : &*it;
}

CharacterStats RangeAggregate::stats(const QString &slug) const
{
    const PerCharacter *c = character(slug);
    return c ? c->stats : CharacterStats{};
}

DayFigures RangeAggregate::day(const QString &slug, QDate day) const
{
    const PerCharacter *c = character(slug);
    return c ? c->days.value(day) : DayFigures{};
}

QDate RangeAggregate::firstDay() const
{
    QDate first;
    for (const PerCharacter &c : m_characters) {
        if (!c.days.isEmpty() && (!first.isValid() || c.days.firstKey() < first))
            first = c.days.firstKey();
    }
    return first;
}

CharacterStats RangeAggregate::overall() const
{
    CharacterStats sum;
    for (const PerCharacter &c : m_characters) {
        const CharacterStats &s = c.stats;
        sum.totals.sessions += s.totals.sessions;
        sum.totals.llmInputTokens += s.totals.llmInputTokens;
        sum.totals.llmOutputTokens += s.totals.llmOutputTokens;
        sum.totals.sttAudioSeconds += s.totals.sttAudioSeconds;
        sum.totals.ttsCharacters += s.totals.ttsCharacters;
        sum.totals.estimatedCost += s.totals.estimatedCost;
        sum.durationSeconds += s.durationSeconds;
        sum.turns += s.turns;
        sum.interruptions += s.interruptions;
        sum.readyRecordings += s.readyRecordings;
        sum.inProgress += s.inProgress;
    }
    return sum;
}
