#include "api/sessionserializer.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string_view>

#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

/// The first byte in [p, end) that makes a CSV cell need quotes (a comma, quote or line
/// break), or `end`. 16 bytes at a time where SSE2 is there: a transcript cell is kilobytes.
const char *firstCsvSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; end - p >= 16; p += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i special =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, comma), _mm_cmpeq_epi8(chunk, quote)),
                         _mm_or_si128(_mm_cmpeq_epi8(chunk, lf), _mm_cmpeq_epi8(chunk, cr)));
        if (const int mask = _mm_movemask_epi8(special))
            return p + __builtin_ctz(unsigned(mask));
    }
#endif
    for (; p != end; ++p) {
        if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
            return p;
    }
    return end;
}

/// A CSV column of the API and the key that fills it; -1 for `transcript`, which has none.
struct ApiKey
{
    QByteArrayView key;
    int column;
};

/// The API's keys in the order it writes them (the page decoder's order), so that a session's
/// fields are matched to columns by comparing each with the one expected next.
constexpr ApiKey ApiKeysInOrder[] = {
    {"id", 0},
    {"session_id", 1},
    {"tenant_id", 2},
    {"character_slug", 3},
    {"user", 4},
    {"room_name", 5},
    {"origin_url", 6},
    {"metadata", 7},
    {"created_at", 8},
    {"finalized_at", 9},
    {"session_duration_seconds", 10},
    {"turn_count", 11},
    {"interruption_count", 12},
    {"llm_input_tokens", 13},
    {"llm_output_tokens", 14},
    {"llm_model", 15},
    {"llm_provider", 16},
    {"stt_audio_seconds", 17},
    {"stt_provider", 18},
    {"tts_characters", 19},
    {"tts_provider", 20},
    {"estimated_cost_usd", 21},
    {"recording_status", 22},
    {"recording_url", 23},
    {"recording_presigned_url", 24},
    {"transcript", -1},
    {"transcript_text", 25},
};
constexpr int ApiColumnCount = 26;
constexpr int PresignedColumn = 24;

/// The column of an API key, or -2 when `key` is not one.
int apiColumn(QByteArrayView key)
{
    for (const ApiKey &api : ApiKeysInOrder) {
        if (api.key == key)
            return api.column;
    }
    return -2;
}

} // namespace

void appendCsvField(QByteArray &out, QByteArrayView utf8)
{
    // One pass over the value and no copy of it: an export writes some 30 cells per session.
    const char *const begin = utf8.data();
    const char *const end = begin + utf8.size();
    if (firstCsvSpecial(begin, end) == end) {
        out.append(utf8);
        return;
    }
    out += '"';
    const char *from = begin;
    while (const void *found = std::memchr(from, '"', std::size_t(end - from))) {
        const char *q = static_cast<const char *>(found);
        out.append(from, q - from + 1); // the quote itself, then its double
        out += '"';
        from = q + 1;
    }
    out.append(from, end - from);
    out += '"';
}

bool isApiField(QByteArrayView key)
{
    return apiColumn(key) != -2;
}

int appendCsvRowAsSent(QByteArray &row, const SessionJson &json, QList<QByteArray> &extraColumns,
                       bool keepPresignedQueries)
{
    static_assert(std::size(ApiKeysInOrder) == ApiColumnCount + 1);
    // The field of each column, found in one walk of the fields; a later repeated key wins.
    QVarLengthArray<const SessionJson::Field *, 64> cells(ApiColumnCount + extraColumns.size());
    std::fill(cells.begin(), cells.end(), nullptr);
    std::size_t expected = 0; // the API key that usually comes next
    for (const SessionJson::Field &field : json.fields()) {
        int column = -2;
        if (expected < std::size(ApiKeysInOrder) && field.key == ApiKeysInOrder[expected].key)
            column = ApiKeysInOrder[expected++].column;
        else
            column = apiColumn(field.key);
        if (column == -1)
            continue;
        if (column == -2) {
            const qsizetype extra = extraColumns.indexOf(field.key);
            if (extra >= 0) {
                column = ApiColumnCount + int(extra);
            } else {
                if (!field.isScalar())
                    continue;
                extraColumns.append(field.key.toByteArray());
                column = int(cells.size());
                cells.append(nullptr);
            }
        }
        cells[column] = &field;
    }
    for (qsizetype column = 0; column < cells.size(); ++column) {
        if (column > 0)
            row += ',';
        const SessionJson::Field *field = cells[column];
        // An unknown object or array has no cell; a known one (metadata) is its JSON text.
        if (!field || field->kind == SessionJson::Kind::Null ||
            (column >= ApiColumnCount && !field->isScalar()))
            continue;
        QByteArrayView value = field->value;
        if (!keepPresignedQueries && column == PresignedColumn &&
            field->kind == SessionJson::Kind::String)
            value = value.first(SessionJson::queryStart(value));
        appendCsvField(row, value);
    }
    row += "\r\n";
    return int(cells.size());
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
