#include "bench/qjsonbaseline.h"
#include "api/usagequery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QDateTime date(const QJsonValue &v)
{
    const auto micros = parseIsoDateTime(QStringView(v.toString()));
    return micros ? dateTimeFromMicros(*micros) : QDateTime();
}
} // namespace

BaselinePage decodeWithQJsonDocument(const QByteArray &body)
{
    BaselinePage result;
    UsagePage &page = result.page;
    QList<QList<TranscriptTurn>> &transcripts = result.transcripts;
    const QJsonObject data =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toObject();
    page.totals.sessions = data.value(QStringLiteral("total_sessions")).toInteger();
    page.totals.llmInputTokens = data.value(QStringLiteral("total_llm_input_tokens")).toInteger();
    page.totals.llmOutputTokens = data.value(QStringLiteral("total_llm_output_tokens")).toInteger();
    page.totals.sttAudioSeconds = data.value(QStringLiteral("total_stt_audio_seconds")).toDouble();
    page.totals.ttsCharacters = data.value(QStringLiteral("total_tts_characters")).toInteger();
    page.totals.estimatedCost =
        Money::parse(data.value(QStringLiteral("total_estimated_cost_usd")).toString())
            .value_or(Money());
    const QJsonObject block = data.value(QStringLiteral("sessions")).toObject();
    page.count = block.value(QStringLiteral("pagination"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInteger();
    const QJsonArray rows = block.value(QStringLiteral("data")).toArray();
    for (const QJsonValue &row : rows) {
        const QJsonObject o = row.toObject();
        SessionSummary s;
        s.id = o.value(QStringLiteral("id")).toInteger();
        s.sessionId = o.value(QStringLiteral("session_id")).toString();
        s.tenantId = o.value(QStringLiteral("tenant_id")).toString();
        s.characterSlug = o.value(QStringLiteral("character_slug")).toString();
        if (o.value(QStringLiteral("user")).isDouble())
            s.user = o.value(QStringLiteral("user")).toInteger();
        s.roomName = o.value(QStringLiteral("room_name")).toString();
        s.originUrl = o.value(QStringLiteral("origin_url")).toString();
        s.metadataJson = QJsonDocument(o.value(QStringLiteral("metadata")).toObject())
                             .toJson(QJsonDocument::Compact);
        s.createdAt = date(o.value(QStringLiteral("created_at")));
        s.finalizedAt = date(o.value(QStringLiteral("finalized_at")));
        s.durationSeconds = o.value(QStringLiteral("session_duration_seconds")).toDouble();
        s.turnCount = o.value(QStringLiteral("turn_count")).toInt();
        s.interruptionCount = o.value(QStringLiteral("interruption_count")).toInt();
        s.llmInputTokens = o.value(QStringLiteral("llm_input_tokens")).toInteger();
        s.llmOutputTokens = o.value(QStringLiteral("llm_output_tokens")).toInteger();
        s.llmModel = o.value(QStringLiteral("llm_model")).toString();
        s.llmProvider = o.value(QStringLiteral("llm_provider")).toString();
        s.sttAudioSeconds = o.value(QStringLiteral("stt_audio_seconds")).toDouble();
        s.sttProvider = o.value(QStringLiteral("stt_provider")).toString();
        s.ttsCharacters = o.value(QStringLiteral("tts_characters")).toInteger();
        s.ttsProvider = o.value(QStringLiteral("tts_provider")).toString();
        s.estimatedCost = Money::parse(o.value(QStringLiteral("estimated_cost_usd")).toString())
                              .value_or(Money());
        s.recordingStatusText = o.value(QStringLiteral("recording_status")).toString();
        s.recordingStatus = recordingStatusFromName(s.recordingStatusText);
        s.recordingUrl = o.value(QStringLiteral("recording_url")).toString();
        s.recordingPresignedUrl = o.value(QStringLiteral("recording_presigned_url")).toString();
        const QJsonArray turns = o.value(QStringLiteral("transcript")).toArray();
        QList<TranscriptTurn> &list = transcripts.emplace_back();
        list.reserve(turns.size());
        for (const QJsonValue &t : turns) {
            const QJsonObject to = t.toObject();
            TranscriptTurn turn;
            const QString role = to.value(QStringLiteral("role")).toString();
            turn.role = role == u"assistant" ? TranscriptTurn::Role::Assistant
                        : role == u"user"    ? TranscriptTurn::Role::User
                                             : TranscriptTurn::Role::Other;
            turn.text = to.value(QStringLiteral("text")).toString();
            turn.turnIndex = to.value(QStringLiteral("turn_index")).toInt();
            turn.ts = to.value(QStringLiteral("ts")).toDouble();
            list.append(std::move(turn));
        }
        s.transcriptTextUtf8 = o.value(QStringLiteral("transcript_text")).toString().toUtf8();
        page.sessions.append(std::move(s));
    }
    return result;
}
