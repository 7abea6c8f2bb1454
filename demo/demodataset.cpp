#include "demo/demodataset.h"

#include "demo/demorandom.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;
constexpr int HistoryDays = 120;

// Relative call volume per UTC hour: quiet nights, a morning and an afternoon peak.
constexpr int HourWeights[24] = {2,  1,  1,  1,  1,  2,  4, 8, 14, 18, 20, 19,
                                 16, 18, 20, 19, 16, 12, 9, 7, 6,  5,  4,  3};

QString hex(quint64 value, int digits)
{
    return u"%1"_s.arg(value & ((digits >= 16) ? ~0ULL : ((1ULL << (4 * digits)) - 1)), digits, 16,
                       QLatin1Char('0'));
}

} // namespace

QDateTime DemoSession::createdAt() const
{
    return QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC);
}

namespace DemoPricing {

qint64 llmCostMicros(const QString &model, qint64 inputTokens, qint64 outputTokens)
{
    // micro-dollars per 1,000 tokens, input / output
    qint64 in = 150, out = 600;
    if (model == u"gpt-4o")
        in = 2500, out = 10000;
    else if (model == u"claude-3-5-haiku")
        in = 800, out = 4000;
    else if (model == u"claude-3-5-sonnet")
        in = 3000, out = 15000;
    else if (model == u"gemini-1.5-flash")
        in = 75, out = 300;
    else if (model == u"gemini-1.5-pro")
        in = 1250, out = 5000;
    return (inputTokens * in + outputTokens * out + 500) / 1000;
}

qint64 sttCostMicros(const QString &provider, qint64 deciseconds)
{
    // micro-dollars per minute of audio
    qint64 perMinute = 4300;
    if (provider == u"openai")
        perMinute = 6000;
    else if (provider == u"google")
        perMinute = 16000;
    else if (provider == u"assemblyai")
        perMinute = 6500;
    else if (provider == u"azure")
        perMinute = 16667;
    return (deciseconds * perMinute + 300) / 600;
}

qint64 ttsCostMicros(const QString &provider, qint64 characters)
{
    // micro-dollars per 1,000 characters
    qint64 perThousand = 180000;
    if (provider == u"openai")
        perThousand = 15000;
    else if (provider == u"cartesia")
        perThousand = 65000;
    else if (provider == u"google" || provider == u"azure")
        perThousand = 16000;
    return (characters * perThousand + 500) / 1000;
}

} // namespace DemoPricing

DemoDataset::DemoDataset(int sessionCount, quint64 seed, const QDateTime &now)
    : m_seed(seed)
    , m_now(now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc())
{
    // Whole seconds keep every printed timestamp short and reproducible.
    m_now = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch(), Qt::UTC);
    buildCatalogue();
    generate(std::max(0, sessionCount));
}

void DemoDataset::buildCatalogue()
{
    m_tenants = {{u"tenant_acme"_s, u"Acme Health"_s},
                 {u"tenant_globex"_s, u"Globex Learning"_s},
                 {u"tenant_initech"_s, u"Initech Bank"_s},
                 {u"tenant_umbrella"_s, u"Umbrella Travel"_s}};
    const int owner = OwnerUserId;
    m_characters = {
        {u"support-bot"_s, u"Support Bot"_s, u"tenant_acme"_s, owner, u"gpt-4o-mini"_s, u"openai"_s,
         u"deepgram"_s, u"elevenlabs"_s, 3.0, 0.6, 7.0, 0.04, 30,
         u"https://help.acme-health.example"_s},
        {u"sales-assistant"_s, u"Sales Assistant"_s, u"tenant_acme"_s, 7, u"claude-3-5-haiku"_s,
         u"anthropic"_s, u"deepgram"_s, u"cartesia"_s, 6.0, 0.5, 5.0, 0.08, 14,
         u"https://www.acme-health.example/pricing"_s},
        {u"booking-agent"_s, u"Booking Agent"_s, u"tenant_globex"_s, 9, u"gemini-1.5-flash"_s,
         u"google"_s, u"google"_s, u"google"_s, 2.0, 0.4, 9.0, 0.02, 20,
         u"https://book.globex.example"_s},
        {u"tutor-maya"_s, u"Maya (Language Tutor)"_s, u"tenant_globex"_s, owner, u"gpt-4o"_s,
         u"openai"_s, u"openai"_s, u"openai"_s, 22.0, 0.45, 4.0, 0.12, 8,
         u"https://learn.globex.example/lessons"_s},
        {u"triage-nurse"_s, u"Triage Nurse"_s, u"tenant_initech"_s, 11, u"claude-3-5-sonnet"_s,
         u"anthropic"_s, u"assemblyai"_s, u"elevenlabs"_s, 8.0, 0.5, 5.5, 0.05, 10,
         u"https://care.initech.example"_s},
        {u"bank-concierge"_s, u"Bank Concierge"_s, u"tenant_initech"_s, 11, u"gpt-4o-mini"_s,
         u"openai"_s, u"azure"_s, u"azure"_s, 2.5, 0.7, 8.0, 0.03, 18,
         u"https://online.initech.example"_s},
        {u"travel-planner"_s, u"Travel Planner"_s, u"tenant_umbrella"_s, owner, u"gemini-1.5-pro"_s,
         u"google"_s, u"deepgram"_s, u"cartesia"_s, 12.0, 0.6, 4.5, 0.06, 9,
         u"https://trips.umbrella.example"_s},
        {u"interview-coach"_s, u"Interview Coach"_s, u"tenant_umbrella"_s, 13,
         u"claude-3-5-haiku"_s, u"anthropic"_s, u"deepgram"_s, u"elevenlabs"_s, 18.0, 0.35, 3.5,
         0.25, 6, u"https://coach.umbrella.example"_s},
    };
}

void DemoDataset::generate(int count)
{
    DemoRandom rng(m_seed);
    const qint64 nowMs = m_now.toMSecsSinceEpoch();
    const qint64 todayStart = nowMs - nowMs % DayMs;
    int hourTotal = 0;
    for (int w : HourWeights)
        hourTotal += w;
    int characterTotal = 0;
    for (const auto &c : std::as_const(m_characters))
        characterTotal += c.weight;

    // A few sessions at the very top are still running; everything else is history.
    const int inProgress = std::min(count, 3);
    QList<qint64> times;
    times.reserve(count);
    for (int i = 0; i < inProgress; ++i)
        times.append(nowMs - (2 + 4 * i) * 60000LL - qint64(rng.below(50000)));
    while (times.size() < count) {
        const qint64 day = todayStart - qint64(rng.below(HistoryDays)) * DayMs;
        const int weekday = QDateTime::fromMSecsSinceEpoch(day, Qt::UTC).date().dayOfWeek();
        if (weekday >= 6 && !rng.chance(0.4)) // quieter weekends
            continue;
        int h = int(rng.below(quint64(hourTotal)));
        int hour = 0;
        while (h >= HourWeights[hour])
            h -= HourWeights[hour++];
        const qint64 t = day + hour * 3600000LL + qint64(rng.below(3600)) * 1000;
        if (t < nowMs - 30 * 60000LL) // keep the running ones the newest
            times.append(t);
    }
    std::sort(times.begin(), times.end(), std::greater<>());
    for (qsizetype i = 500; i < times.size(); i += 1000)
        times[i] = times[i - 1]; // equal created_at on purpose: ties order by id

    m_sessions.resize(count);
    for (int i = 0; i < count; ++i) {
        DemoSession &s = m_sessions[i];
        s.id = count - i; // ids grow with time, so "created desc, id desc" holds
        s.createdAtMs = times.at(i);
        s.seed = DemoRandom::mix(m_seed, quint64(s.id));
        int pick = int(DemoRandom::mix(s.seed, 7) % quint64(characterTotal));
        int c = 0;
        while (pick >= m_characters.at(c).weight)
            pick -= m_characters.at(c++).weight;
        s.characterIndex = c;
        if (i < inProgress)
            s.finalizedAtMs = std::nullopt;
        else
            s.finalizedAtMs = 0; // set in fillSession
    }

    // Quirks go to the newest finished sessions of the owner's characters, so both the owner
    // and staff meet them on their first page.
    const DemoQuirk quirks[] = {DemoQuirk::Unicode,       DemoQuirk::Emoji,
                                DemoQuirk::Html,          DemoQuirk::Markdown,
                                DemoQuirk::EmptyTurns,    DemoQuirk::OddSessionId,
                                DemoQuirk::LongTranscript};
    int nextQuirk = 0;
    for (int i = 0; i < count; ++i) {
        DemoSession &s = m_sessions[i];
        DemoQuirk quirk = DemoQuirk::None;
        if (nextQuirk < int(std::size(quirks)) && s.finalizedAtMs.has_value() &&
            m_characters.at(s.characterIndex).ownerUserId == OwnerUserId)
            quirk = quirks[nextQuirk++];
        fillSession(s, quirk);
        m_bySessionId.insert(s.sessionId, i);
    }
}

void DemoDataset::fillSession(DemoSession &s, DemoQuirk quirk) const
{
    const DemoCharacter &c = m_characters.at(s.characterIndex);
    DemoRandom rng(s.seed);
    s.quirk = quirk;
    s.tenantId = c.tenantId;
    s.characterSlug = c.slug;
    s.llmModel = c.llmModel;
    s.llmProvider = c.llmProvider;
    s.sttProvider = c.sttProvider;
    s.ttsProvider = c.ttsProvider;
    s.sessionId = quirk == DemoQuirk::OddSessionId ? u"sess_odd id+%1"_s.arg(s.id)
                                                   : u"sess_"_s + hex(rng.next(), 12);
    s.roomName = u"room-%1-%2"_s.arg(c.slug, hex(rng.next(), 8));
    if (rng.chance(0.88))
        s.user = 1000 + int(rng.below(900));
    if (rng.chance(0.85))
        s.originUrl = c.originHost + (rng.chance(0.5) ? u"/"_s : u"/contact?ref=%1"_s.arg(s.id));
    s.extraFields = rng.chance(0.12);

    const qint64 nowMs = m_now.toMSecsSinceEpoch();
    if (s.finalizedAtMs.has_value()) {
        const double ds = rng.logNormal(c.medianMinutes * 600.0, c.durationSpread);
        s.durationDs = std::clamp(qint64(std::llround(ds)), qint64(150), qint64(3 * 36000));
        if (quirk == DemoQuirk::LongTranscript)
            s.durationDs = 3 * 36000;
        s.finalizedAtMs = s.createdAtMs + s.durationDs * 100 + qint64(rng.below(3000));
    } else {
        s.durationDs = (nowMs - s.createdAtMs) / 100;
    }
    const double minutes = double(s.durationDs) / 600.0;
    s.turnCount =
        std::max(1, int(std::lround(minutes * c.turnsPerMinute * (0.75 + rng.unit() / 2))));
    s.turnCount = std::min<qint64>(s.turnCount, s.durationDs / 5); // keep turns 0.5 s apart
    if (quirk == DemoQuirk::LongTranscript)
        s.turnCount = 5000;
    else if (quirk != DemoQuirk::None)
        s.turnCount = std::max(s.turnCount, 12);
    s.durationDs = std::max<qint64>(s.durationDs, qint64(s.turnCount) * 5 + 20);
    s.interruptionCount = int(std::lround(s.turnCount * c.interruptionRate * rng.unit() * 2));

    const qint64 replies = (s.turnCount + 1) / 2;
    const qint64 prompt = 400 + qint64(rng.below(600));
    // Each reply re-reads the prompt and the conversation so far, up to a context cap.
    s.llmInputTokens = 0;
    for (qint64 r = 0; r < replies; ++r)
        s.llmInputTokens += std::min<qint64>(prompt + 45 * r, 6000);
    s.llmOutputTokens = replies * (25 + qint64(rng.below(50)));
    s.sttDeciseconds = s.durationDs * (35 + qint64(rng.below(20))) / 100;
    s.ttsCharacters = s.llmOutputTokens * (38 + qint64(rng.below(6))) / 10;
    s.llmCostMicros = DemoPricing::llmCostMicros(s.llmModel, s.llmInputTokens, s.llmOutputTokens);
    s.sttCostMicros = DemoPricing::sttCostMicros(s.sttProvider, s.sttDeciseconds);
    s.ttsCostMicros = DemoPricing::ttsCostMicros(s.ttsProvider, s.ttsCharacters);
    s.costMicros = s.llmCostMicros + s.sttCostMicros + s.ttsCostMicros;

    if (!s.finalizedAtMs.has_value()) {
        s.recordingStatus = DemoRecordingStatus::Processing;
    } else if (quirk != DemoQuirk::None) {
        s.recordingStatus = DemoRecordingStatus::Ready;
    } else {
        const double r = rng.unit();
        s.recordingStatus = r < 0.86   ? DemoRecordingStatus::Ready
                            : r < 0.89 ? DemoRecordingStatus::Processing
                            : r < 0.94 ? DemoRecordingStatus::Failed
                                       : DemoRecordingStatus::None;
    }
    if (s.recordingStatus != DemoRecordingStatus::None)
        s.recordingUrl =
            u"s3://sessionscope-demo-recordings/%1/%2.wav"_s.arg(s.tenantId, s.sessionId);
}

const DemoSession *DemoDataset::findSession(const QString &sessionId) const
{
    const auto it = m_bySessionId.constFind(sessionId);
    return it == m_bySessionId.cend() ? nullptr : &m_sessions.at(*it);
}

int DemoDataset::indexOfQuirk(DemoQuirk quirk) const
{
    for (int i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).quirk == quirk)
            return i;
    }
    return -1;
}
