#include "api/sessionsummary.h"
#include "api/usagepage.h"

#include <QJsonArray>
#include <QJsonDocument>

QString OtherField::displayText() const
{
    if (!json.startsWith('"'))
        return QString::fromUtf8(json);
    // A string literal, unescaped by reading it as the one element of an array.
    const QJsonDocument document = QJsonDocument::fromJson('[' + json + ']');
    return document.isArray() ? document.array().first().toString() : QString::fromUtf8(json);
}

QString recordingStatusName(RecordingStatus status)
{
    switch (status) {
    case RecordingStatus::Ready:
        return QStringLiteral("READY");
    case RecordingStatus::Processing:
        return QStringLiteral("PROCESSING");
    case RecordingStatus::Failed:
        return QStringLiteral("FAILED");
    case RecordingStatus::None:
        return QStringLiteral("NONE");
    case RecordingStatus::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

RecordingStatus recordingStatusFromName(QStringView name)
{
    if (name == u"READY")
        return RecordingStatus::Ready;
    if (name == u"PROCESSING")
        return RecordingStatus::Processing;
    if (name == u"FAILED")
        return RecordingStatus::Failed;
    if (name == u"NONE" || name.isEmpty())
        return RecordingStatus::None;
    return RecordingStatus::Unknown;
}

QString transcriptRoleName(TranscriptTurn::Role role)
{
    switch (role) {
    case TranscriptTurn::Role::Assistant:
        return QStringLiteral("assistant");
    case TranscriptTurn::Role::User:
        return QStringLiteral("user");
    case TranscriptTurn::Role::Other:
        break;
    }
    return QStringLiteral("other");
}

void UsageTotals::add(const SessionSummary &session)
{
    ++sessions;
    llmInputTokens += session.llmInputTokens;
    llmOutputTokens += session.llmOutputTokens;
    sttAudioSeconds += session.sttAudioSeconds;
    ttsCharacters += session.ttsCharacters;
    estimatedCost += session.estimatedCost;
}
