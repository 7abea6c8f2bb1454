#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

struct DemoTenant
{
    QString id;
    QString name;
};

/// One AI character with its habits; the habits shape every session generated for it.
struct DemoCharacter
{
    QString slug;
    QString name;
    QString tenantId;
    int ownerUserId = 0;
    QString llmModel;
    QString llmProvider;
    QString sttProvider;
    QString ttsProvider;
    double medianMinutes = 4;  ///< median session length
    double durationSpread = 0; ///< log-normal sigma of the length
    double turnsPerMinute = 6;
    double interruptionRate = 0.05; ///< interruptions per turn
    int weight = 1;                 ///< share of all sessions
    QString originHost;             ///< site that embeds the character
};

enum class DemoRecordingStatus { Ready, Processing, Failed, None };

/// Deliberately awkward content, placed on a few deterministic sessions.
enum class DemoQuirk {
    None,
    Unicode,        ///< Arabic (RTL), Chinese, Cyrillic, Hindi turns
    Emoji,          ///< ZWJ sequences, flags, skin tones
    Html,           ///< HTML-looking text, quotes, backslashes, control characters
    Markdown,       ///< markdown and multi-line turns
    EmptyTurns,     ///< empty and blank turns
    OddSessionId,   ///< a session_id that needs URL encoding (space, plus)
    LongTranscript, ///< about 5,000 turns
};

/// The plain facts of one session. Every number the API prints is derived from these fields,
/// so tests can compute expected totals independently of the HTTP layer.
struct DemoSession
{
    int id = 0;
    QString sessionId;
    int characterIndex = 0;
    QString tenantId;
    QString characterSlug;
    std::optional<int> user; ///< nullopt = JSON null
    QString roomName;
    QString originUrl; ///< isNull() = JSON null
    qint64 createdAtMs = 0;
    std::optional<qint64> finalizedAtMs; ///< nullopt = in progress
    qint64 durationDs = 0;               ///< deciseconds, so durations and ts print exactly
    int turnCount = 0;
    int interruptionCount = 0;
    qint64 llmInputTokens = 0;
    qint64 llmOutputTokens = 0;
    QString llmModel;
    QString llmProvider;
    qint64 sttDeciseconds = 0;
    QString sttProvider;
    qint64 ttsCharacters = 0;
    QString ttsProvider;
    qint64 llmCostMicros = 0;
    qint64 sttCostMicros = 0;
    qint64 ttsCostMicros = 0;
    qint64 costMicros = 0; ///< llm + stt + tts, exactly
    DemoRecordingStatus recordingStatus = DemoRecordingStatus::None;
    QString recordingUrl; ///< s3:// URI; isNull() = JSON null
    DemoQuirk quirk = DemoQuirk::None;
    bool extraFields = false; ///< carries unknown x_* fields
    quint64 seed = 0;         ///< seeds the lazily generated transcript and metadata

    [[nodiscard]] QDateTime createdAt() const;
    [[nodiscard]] double durationSeconds() const { return double(durationDs) / 10.0; }
};

struct DemoTurn
{
    bool assistant = true;
    QString text;
    int turnIndex = 0;
    qint64 tsDs = 0; ///< deciseconds since the session start
};

/// Per-model prices in micro-dollars. Rounding happens once per part, so the parts of a
/// session add up to its cost exactly.
namespace DemoPricing {
qint64 llmCostMicros(const QString &model, qint64 inputTokens, qint64 outputTokens);
qint64 sttCostMicros(const QString &provider, qint64 deciseconds);
qint64 ttsCostMicros(const QString &provider, qint64 characters);
} // namespace DemoPricing

/// The generated demo data: tenants, characters and sessions, newest first.
class DemoDataset
{
public:
    DemoDataset(int sessionCount, quint64 seed, const QDateTime &now);

    [[nodiscard]] const QList<DemoTenant> &tenants() const { return m_tenants; }
    [[nodiscard]] const QList<DemoCharacter> &characters() const { return m_characters; }
    /// Ordered as the API orders them: newest created_at first, ties by id descending.
    [[nodiscard]] const QList<DemoSession> &sessions() const { return m_sessions; }
    [[nodiscard]] const DemoSession *findSession(const QString &sessionId) const;
    [[nodiscard]] const DemoCharacter &character(const DemoSession &s) const
    {
        return m_characters.at(s.characterIndex);
    }
    [[nodiscard]] QDateTime now() const { return m_now; }
    [[nodiscard]] quint64 seed() const { return m_seed; }
    /// Index into sessions() of the session carrying a quirk, or -1.
    [[nodiscard]] int indexOfQuirk(DemoQuirk quirk) const;

    /// Generated on demand from the session seed: same session, same turns.
    [[nodiscard]] QList<DemoTurn> transcript(const DemoSession &s) const;
    /// Only the turn starts and roles (cheap; what the recording is built from).
    [[nodiscard]] QList<DemoTurn> timeline(const DemoSession &s) const;
    [[nodiscard]] static QString transcriptText(const QList<DemoTurn> &turns);

    static constexpr int OwnerUserId = 42;
    static constexpr int StaffUserId = 1;

private:
    void buildCatalogue();
    void generate(int count);
    void fillSession(DemoSession &s, DemoQuirk quirk) const;

    quint64 m_seed;
    QDateTime m_now;
    QList<DemoTenant> m_tenants;
    QList<DemoCharacter> m_characters;
    QList<DemoSession> m_sessions;
    QHash<QString, int> m_bySessionId;
};
