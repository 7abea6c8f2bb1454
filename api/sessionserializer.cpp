#include "api/sessionserializer.h"

#include <QLocale>

#include <string_view>
#include <unordered_set>

#include <utility>

namespace SessionSerializer {

namespace {
void appendKey(QByteArray &out, const char *key)
{
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += key;
    out += "\":";
}
void appendString(QByteArray &out, const char *key, const QString &value)
{
    appendKey(out, key);
    appendJsonString(out, value);
}
void appendNullableString(QByteArray &out, const char *key, const QString &value)
{
    appendKey(out, key);
    if (value.isNull())
        out += "null";
    else
        appendJsonString(out, value);
}
void appendRaw(QByteArray &out, const char *key, const QByteArray &raw)
{
    appendKey(out, key);
    out += raw;
}
QByteArray dateOrNull(const QDateTime &dt)
{
    if (!dt.isValid())
        return QByteArrayLiteral("null");
    QByteArray out;
    appendJsonString(out, formatDateTime(dt));
    return out;
}
} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    appendJsonUtf8(out, text.toUtf8());
}

void appendJsonUtf8(QByteArray &out, QByteArrayView utf8)
{
    out.reserve(out.size() + utf8.size() + 2);
    out += '"';
    static const char hex[] = "0123456789abcdef";
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += hex[u >> 4];
                out += hex[u & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString formatDateTime(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    return utc.toString(utc.time().msec() ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                          : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QByteArray transcriptToJson(const Transcript &turns)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < turns.size(); ++i) {
        if (out.size() > 1)
            out += ',';
        out += "{\"role\":";
        appendJsonString(out, transcriptRoleName(turns.role(i)));
        out += ",\"text\":";
        appendJsonUtf8(out, turns.textUtf8(i));
        out += ",\"turn_index\":" + QByteArray::number(turns.at(i).turnIndex);
        out += ",\"ts\":" + formatNumber(turns.ts(i)).toLatin1() + '}';
    }
    out += ']';
    return out;
}

QByteArray toJson(const SessionSummary &s)
{
    QByteArray out = "{";
    appendRaw(out, "id", QByteArray::number(s.id));
    appendString(out, "session_id", s.sessionId);
    appendString(out, "tenant_id", s.tenantId);
    appendString(out, "character_slug", s.characterSlug);
    appendRaw(out, "user", s.user ? QByteArray::number(*s.user) : QByteArrayLiteral("null"));
    appendString(out, "room_name", s.roomName);
    appendNullableString(out, "origin_url", s.originUrl.isEmpty() ? QString() : s.originUrl);
    appendRaw(out, "metadata", s.metadataJson.isEmpty() ? QByteArrayLiteral("{}") : s.metadataJson);
    appendRaw(out, "created_at", dateOrNull(s.createdAt));
    appendRaw(out, "finalized_at", dateOrNull(s.finalizedAt));
    appendRaw(out, "session_duration_seconds", formatNumber(s.durationSeconds).toLatin1());
    appendRaw(out, "turn_count", QByteArray::number(s.turnCount));
    appendRaw(out, "interruption_count", QByteArray::number(s.interruptionCount));
    appendRaw(out, "llm_input_tokens", QByteArray::number(s.llmInputTokens));
    appendRaw(out, "llm_output_tokens", QByteArray::number(s.llmOutputTokens));
    appendString(out, "llm_model", s.llmModel);
    appendString(out, "llm_provider", s.llmProvider);
    appendRaw(out, "stt_audio_seconds", formatNumber(s.sttAudioSeconds).toLatin1());
    appendString(out, "stt_provider", s.sttProvider);
    appendRaw(out, "tts_characters", QByteArray::number(s.ttsCharacters));
    appendString(out, "tts_provider", s.ttsProvider);
    appendString(out, "estimated_cost_usd", s.estimatedCost.toDecimalString());
    appendString(out, "recording_status",
                 s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                                 : s.recordingStatusText);
    appendNullableString(out, "recording_url",
                         s.recordingUrl.isEmpty() ? QString() : s.recordingUrl);
    appendNullableString(out, "recording_presigned_url",
                         s.recordingPresignedUrl.isEmpty() ? QString() : s.recordingPresignedUrl);
    appendRaw(out, "transcript", transcriptToJson(s.transcript));
    appendString(out, "transcript_text", s.transcriptText());
    out += '}';
    return out;
}

QStringList csvColumns()
{
    return {QStringLiteral("id"),
            QStringLiteral("session_id"),
            QStringLiteral("tenant_id"),
            QStringLiteral("character_slug"),
            QStringLiteral("user"),
            QStringLiteral("room_name"),
            QStringLiteral("origin_url"),
            QStringLiteral("metadata"),
            QStringLiteral("created_at"),
            QStringLiteral("finalized_at"),
            QStringLiteral("session_duration_seconds"),
            QStringLiteral("turn_count"),
            QStringLiteral("interruption_count"),
            QStringLiteral("llm_input_tokens"),
            QStringLiteral("llm_output_tokens"),
            QStringLiteral("llm_model"),
            QStringLiteral("llm_provider"),
            QStringLiteral("stt_audio_seconds"),
            QStringLiteral("stt_provider"),
            QStringLiteral("tts_characters"),
            QStringLiteral("tts_provider"),
            QStringLiteral("estimated_cost_usd"),
            QStringLiteral("recording_status"),
            QStringLiteral("recording_url"),
            QStringLiteral("recording_presigned_url"),
            QStringLiteral("transcript_text")};
}

QByteArray csvHeader()
{
    return csvColumns().join(QLatin1Char(',')).toUtf8() + "\r\n";
}

QByteArray csvField(const QString &text)
{
    return csvFieldUtf8(text.toUtf8());
}

QByteArray csvFieldUtf8(QByteArrayView utf8)
{
    QByteArray out;
    appendCsvField(out, utf8);
    return out;
}

void appendCsvField(QByteArray &out, QByteArrayView utf8)
{
    // One pass over the value and no copy of it: an export writes some 30 cells per session.
    const char *const begin = utf8.data();
    const char *const end = begin + utf8.size();
    const char *p = begin;
    while (p != end && *p != ',' && *p != '"' && *p != '\n' && *p != '\r')
        ++p;
    if (p == end) {
        out.append(utf8);
        return;
    }
    out += '"';
    const char *from = begin;
    for (const char *q = begin; q != end; ++q) {
        if (*q == '"') {
            out.append(from, q - from + 1); // the quote itself, then its double
            out += '"';
            from = q + 1;
        }
    }
    out.append(from, end - from);
    out += '"';
}

bool isApiField(QByteArrayView key)
{
    static const std::unordered_set<std::string_view> fields = [] {
        static const QList<QByteArray> names = [] {
            QList<QByteArray> all;
            for (const QString &column : csvColumns())
                all.append(column.toUtf8());
            all.append(QByteArrayLiteral("transcript"));
            return all;
        }();
        std::unordered_set<std::string_view> all;
        for (const QByteArray &name : names)
            all.insert(std::string_view(name.constData(), std::size_t(name.size())));
        return all;
    }();
    return fields.contains(std::string_view(key.data(), std::size_t(key.size())));
}

QList<QByteArray> extraCsvColumns(const SessionJson &json)
{
    QList<QByteArray> keys;
    for (const SessionJson::Field &field : json.fields()) {
        if (field.isScalar() && !isApiField(field.key) && !keys.contains(field.key))
            keys.append(field.key.toByteArray());
    }
    return keys;
}

QByteArray csvFieldsAsSent(const SessionJson &json, const QList<QByteArray> &extraColumns,
                           bool keepPresignedQueries)
{
    static const QList<QByteArray> apiColumns = [] {
        QList<QByteArray> all;
        for (const QString &column : csvColumns())
            all.append(column.toUtf8());
        return all;
    }();
    QByteArray row;
    row.reserve(json.bytes().size());
    bool first = true;
    const auto cell = [&](const QByteArray &key, bool apiField) {
        if (!std::exchange(first, false))
            row += ',';
        const SessionJson::Field *field = json.field(key);
        // An unknown object or array has no cell; a known one (metadata) is its JSON text.
        if (!field || field->kind == SessionJson::Kind::Null || (!apiField && !field->isScalar()))
            return;
        QByteArrayView value = field->value;
        if (!keepPresignedQueries && key == "recording_presigned_url" &&
            field->kind == SessionJson::Kind::String)
            value = value.first(SessionJson::queryStart(value));
        appendCsvField(row, value);
    };
    for (const QByteArray &key : apiColumns)
        cell(key, true);
    for (const QByteArray &key : extraColumns)
        cell(key, false);
    return row;
}

QByteArray toCsvRow(const SessionSummary &s)
{
    const auto dt = [](const QDateTime &d) {
        return d.isValid() ? formatDateTime(d) : QString();
    };
    const QStringList fields = {
        QString::number(s.id),
        s.sessionId,
        s.tenantId,
        s.characterSlug,
        s.user ? QString::number(*s.user) : QString(),
        s.roomName,
        s.originUrl,
        QString::fromUtf8(s.metadataJson.isEmpty() ? QByteArrayLiteral("{}") : s.metadataJson),
        dt(s.createdAt),
        dt(s.finalizedAt),
        formatNumber(s.durationSeconds),
        QString::number(s.turnCount),
        QString::number(s.interruptionCount),
        QString::number(s.llmInputTokens),
        QString::number(s.llmOutputTokens),
        s.llmModel,
        s.llmProvider,
        formatNumber(s.sttAudioSeconds),
        s.sttProvider,
        QString::number(s.ttsCharacters),
        s.ttsProvider,
        s.estimatedCost.toDecimalString(),
        s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                        : s.recordingStatusText,
        s.recordingUrl,
        s.recordingPresignedUrl,
        s.transcriptText(),
    };
    QByteArray row;
    for (const QString &f : fields) {
        if (!row.isEmpty())
            row += ',';
        row += csvField(f);
    }
    return row + "\r\n";
}

} // namespace SessionSerializer
