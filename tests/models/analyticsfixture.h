#pragma once

#include "api/usagepage.h"
#include "api/usagequery.h"
#include "demo/demoserver.h"
#include "tests/models/modeltestfixture.h"

#include <functional>

/// Expected figures computed straight from DemoServer::dataset(), never through HTTP or the
/// decoder, so that a test compares the client's pipeline against an independent truth.
namespace AnalyticsFixture {

inline const QDateTime Now(QDate(2026, 5, 28), QTime(14, 23, 48), QTimeZone::utc());

inline DemoOptions options(int sessions = 3000)
{
    DemoOptions o;
    o.sessions = sessions;
    o.seed = 7;
    o.now = Now;
    o.clock = [] {
        return Now;
    };
    return o;
}

struct Expected
{
    qint64 sessions = 0;
    qint64 llmIn = 0;
    qint64 llmOut = 0;
    qint64 sttDeciseconds = 0;
    qint64 tts = 0;
    qint64 costMicros = 0;
    qint64 durationDs = 0;
    qint64 turns = 0;
    qint64 interruptions = 0;
    qint64 ready = 0;
    qint64 inProgress = 0;
};

inline bool inRange(const DemoSession &s, const UtcRange &range)
{
    const qint64 micros = s.createdAtMs * 1000;
    return (!range.startMicros || micros >= *range.startMicros) &&
           (!range.endMicros || micros <= *range.endMicros);
}

inline Expected expected(const DemoDataset &data,
                         const std::function<bool(const DemoSession &)> &keep)
{
    Expected e;
    for (const DemoSession &s : data.sessions()) {
        if (!keep(s))
            continue;
        ++e.sessions;
        e.llmIn += s.llmInputTokens;
        e.llmOut += s.llmOutputTokens;
        e.sttDeciseconds += s.sttDeciseconds;
        e.tts += s.ttsCharacters;
        e.costMicros += s.costMicros;
        e.durationDs += s.durationDs;
        e.turns += s.turnCount;
        e.interruptions += s.interruptionCount;
        e.ready += s.recordingStatus == DemoRecordingStatus::Ready ? 1 : 0;
        e.inProgress += s.finalizedAtMs ? 0 : 1;
    }
    return e;
}

inline Expected expected(const DemoDataset &data, const QString &slug, const UtcRange &range)
{
    return expected(data, [&](const DemoSession &s) {
        return (slug.isEmpty() || s.characterSlug == slug) && inRange(s, range);
    });
}

inline QStringList slugs(const DemoDataset &data)
{
    QStringList out;
    for (const DemoCharacter &c : data.characters())
        out.append(c.slug);
    out.sort();
    return out;
}

inline void compareTotals(const UsageTotals &actual, const Expected &e)
{
    QCOMPARE(actual.sessions, e.sessions);
    QCOMPARE(actual.llmInputTokens, e.llmIn);
    QCOMPARE(actual.llmOutputTokens, e.llmOut);
    QCOMPARE(actual.ttsCharacters, e.tts);
    QCOMPARE(actual.estimatedCost.micros(), e.costMicros);
    QVERIFY(qAbs(actual.sttAudioSeconds - double(e.sttDeciseconds) / 10.0) <
            1e-6 * (1 + e.sttDeciseconds));
}

} // namespace AnalyticsFixture
