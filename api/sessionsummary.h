#pragma once

#include "api/money.h"
#include "api/sessionjson.h"
#include "api/transcript.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

enum class RecordingStatus : quint8 { None, Ready, Processing, Failed, Unknown };

[[nodiscard]] QString recordingStatusName(RecordingStatus status);
[[nodiscard]] RecordingStatus recordingStatusFromName(QStringView name);
[[nodiscard]] QString transcriptRoleName(TranscriptTurn::Role role);

/// A top-level field of a session that this version of the API contract does not name, as the
/// server sent it, so that a newer server's fields can still be seen.
struct OtherField
{
    QString name;
    QByteArray json; ///< the value's JSON text as sent

    /// What a person reads: a string's text, any other value as its JSON.
    [[nodiscard]] QString displayText() const;
};

/// One call, decoded once from the API's AgentSessionSummary. Optional fields that were missing
/// or null keep their defaults (an empty string, an invalid date, no user); `metadataJson` keeps
/// the caller's metadata as the exact JSON text, since its shape belongs to the caller.
struct SessionSummary
{
    qint64 id = 0;
    QString sessionId;
    QString tenantId;
    QString characterSlug;
    std::optional<qint64> user;
    QString roomName;
    QString originUrl;
    QByteArray metadataJson;
    QDateTime createdAt;
    QDateTime finalizedAt; ///< invalid while the session is in progress
    double durationSeconds = 0;
    qint32 turnCount = 0;
    qint32 interruptionCount = 0;
    qint64 llmInputTokens = 0;
    qint64 llmOutputTokens = 0;
    QString llmModel;
    QString llmProvider;
    double sttAudioSeconds = 0;
    QString sttProvider;
    qint64 ttsCharacters = 0;
    QString ttsProvider;
    Money estimatedCost;
    RecordingStatus recordingStatus = RecordingStatus::None;
    /// Beside recordingStatus, where it costs no padding (see sourceJson).
    bool transcriptTextIsTurns = false;
    QString recordingStatusText; ///< as sent, so that an unknown status can still be shown
    QString recordingUrl;
    QString recordingPresignedUrl;
    Transcript transcript;
    /// The API's `transcript_text` as the UTF-8 it arrived in, converted only when someone asks
    /// for it (exports), not for every loaded row. It documents the field as the turns written
    /// as lines; when it is exactly that, `transcriptTextIsTurns` (above) is set and nothing is
    /// held here: the text is rebuilt from the turns on demand.
    QByteArray transcriptTextUtf8;
    /// Fields the contract does not name, in the order sent (empty for most servers).
    QList<OtherField> otherFields;
    /// The session's JSON as the server sent it, only when the decode was asked to keep it
    /// (UsageDecoder::Options::keepSessionJson, for exports); null otherwise. One pointer, in
    /// the padding the struct had anyway: a loaded session costs not a byte more without it.
    SessionJsonPointer sourceJson;

    [[nodiscard]] bool inProgress() const { return !finalizedAt.isValid(); }
    [[nodiscard]] QString transcriptText() const
    {
        return QString::fromUtf8(transcriptTextIsTurns ? transcript.linesUtf8()
                                                       : transcriptTextUtf8);
    }
};

Q_DECLARE_METATYPE(SessionSummary)
