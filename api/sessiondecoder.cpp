#include "api/jsonreader.h"
#include "api/sessionjsonbuilder.h"
#include "api/transcriptdecoder.h"
#include "api/usagedecoder.h"
#include "api/usagequery.h"

#include <variant>

namespace JsonDecoding {
namespace {

/// The keys of a session in the order the API writes them.
constexpr ExpectedKey SessionKeys[] = {
    {"id"},
    {"session_id"},
    {"tenant_id"},
    {"character_slug"},
    {"user"},
    {"room_name"},
    {"origin_url"},
    {"metadata"},
    {"created_at"},
    {"finalized_at"},
    {"session_duration_seconds"},
    {"turn_count"},
    {"interruption_count"},
    {"llm_input_tokens"},
    {"llm_output_tokens"},
    {"llm_model"},
    {"llm_provider"},
    {"stt_audio_seconds"},
    {"stt_provider"},
    {"tts_characters"},
    {"tts_provider"},
    {"estimated_cost_usd"},
    {"recording_status"},
    {"recording_url"},
    {"recording_presigned_url"},
    {"transcript"},
    {"transcript_text"},
};

/// One member of a session, read into `s`.
bool readSessionField(Reader &r, std::string_view key, od::value &value, SessionSummary &s,
                      bool &haveSessionId)
{
    // One switch on a hash of the key instead of a chain of comparisons; each case still
    // compares the key itself, so that a collision can never assign the wrong field.
#define FIELD(name, expr)                                                                          \
    case keyHash(name):                                                                            \
        if (isKey(key, name))                                                                      \
            return (expr);                                                                         \
        break;
    switch (keyHash(key)) {
        FIELD("id", r.integer(value, s.id))
        FIELD("session_id", (haveSessionId = true, r.string(value, s.sessionId, true)))
        FIELD("tenant_id", r.sharedString(value, s.tenantId))
        FIELD("character_slug", r.sharedString(value, s.characterSlug))
        FIELD("room_name", r.blockString(value, s.roomName))
        FIELD("origin_url", r.blockString(value, s.originUrl))
        FIELD("metadata", r.rawJson(value, s.metadataJson))
        FIELD("created_at", r.dateTime(value, s.createdAt))
        FIELD("finalized_at", r.dateTime(value, s.finalizedAt))
        FIELD("session_duration_seconds", r.number(value, s.durationSeconds))
        FIELD("turn_count", r.integer32(value, s.turnCount))
        FIELD("interruption_count", r.integer32(value, s.interruptionCount))
        FIELD("llm_input_tokens", r.integer(value, s.llmInputTokens))
        FIELD("llm_output_tokens", r.integer(value, s.llmOutputTokens))
        FIELD("llm_model", r.sharedString(value, s.llmModel))
        FIELD("llm_provider", r.sharedString(value, s.llmProvider))
        FIELD("stt_audio_seconds", r.number(value, s.sttAudioSeconds))
        FIELD("stt_provider", r.sharedString(value, s.sttProvider))
        FIELD("tts_characters", r.integer(value, s.ttsCharacters))
        FIELD("tts_provider", r.sharedString(value, s.ttsProvider))
        FIELD("estimated_cost_usd", r.money(value, s.estimatedCost))
        FIELD("recording_url", r.blockString(value, s.recordingUrl))
        FIELD("recording_presigned_url", r.blockString(value, s.recordingPresignedUrl))
        FIELD("transcript_text", readTranscriptText(r, value, s))
#undef FIELD
    case keyHash("transcript"):
        if (!isKey(key, "transcript"))
            break;
        if (s.transcriptTextIsTurns) {
            // A second "transcript" replaces the turns the text was found equal to.
            s.transcriptTextUtf8 = s.transcript.linesUtf8();
            s.transcriptTextIsTurns = false;
        }
        return readTranscript(r, value, s.transcript);
    case keyHash("user"): {
        if (!isKey(key, "user"))
            break;
        bool userNull = false;
        if (!r.checkNull(value, userNull))
            return false;
        if (userNull)
            return true;
        qint64 user = 0;
        if (!r.integer(value, user))
            return false;
        s.user = user;
        return true;
    }
    case keyHash("recording_status"):
        if (!isKey(key, "recording_status"))
            break;
        if (!r.sharedString(value, s.recordingStatusText))
            return false;
        s.recordingStatus = recordingStatusFromName(s.recordingStatusText);
        return true;
    default:
        break;
    }
    // A field the contract does not name: kept as sent, for a person to see.
    OtherField other;
    other.name = QString::fromUtf8(key.data(), qsizetype(key.size()));
    if (!r.rawJson(value, other.json))
        return false;
    if (other.json.isEmpty())
        other.json = QByteArrayLiteral("null");
    s.otherFields.append(std::move(other));
    return true;
}

/// A session that keeps its own JSON for an export (see SessionJson): read as any other, while
/// the same walk checks what the decoder does not read (Reader::checkValue) and notes where
/// each member lies, so that the object is parsed once.
bool readKeptSession(Reader &r, od::value &v, const char *begin, od::object &object,
                     SessionSummary &s, bool &haveSessionId)
{
    SessionJsonBuilder builder(begin);
    r.setInKeptSession(true);
    const bool ok = r.forEachField(
        object,
        [&](std::string_view key, od::value &value, const char *rawKey) {
            const char *valueBegin = value.raw_json_token().data();
            std::string_view text;
            if (!readSessionField(r, key, value, s, haveSessionId) ||
                !r.textUpToHere(value, valueBegin, text))
                return false;
            builder.addMember(rawKey, text);
            return true;
        },
        SessionKeys);
    r.setInKeptSession(false);
    if (!ok) {
        r.unwindToSession();
        return false;
    }
    if (!haveSessionId)
        return r.failMissing("session_id");
    // The session's own bytes, from its `{` to its `}`, now that the reader has gone past it.
    const char *end = nullptr;
    if (const auto err = v.current_location().get(end))
        return r.failJson(err);
    std::string_view bytes(begin, std::size_t(end - begin));
    while (!bytes.empty() && bytes.back() != '}')
        bytes.remove_suffix(1); // the whitespace and the comma or bracket after it
    if (bytes.empty() || bytes.front() != '{')
        return r.fail("expected an object");
    auto json = builder.finish(bytes, r.parser());
    if (const auto *error = std::get_if<QString>(&json))
        return r.fail(error->toStdString());
    s.sourceJson = std::get<SessionJsonPointer>(std::move(json));
    return true;
}

bool readSession(Reader &r, od::value &v, SessionSummary &s)
{
    od::object object;
    bool isNull = false;
    bool haveSessionId = false;
    if (r.keepsSessionJson()) {
        // Only a view: where the object starts, taken before reading it moves the reader on.
        const char *begin = v.raw_json_token().data();
        if (!r.object(v, object, false, isNull))
            return false;
        return readKeptSession(r, v, begin, object, s, haveSessionId);
    }
    if (!r.object(v, object, false, isNull))
        return false;
    const bool ok = r.forEachField(
        object,
        [&](std::string_view key, od::value &value) {
            return readSessionField(r, key, value, s, haveSessionId);
        },
        SessionKeys);
    if (ok && !haveSessionId)
        return r.failMissing("session_id");
    return ok;
}

bool readPagination(Reader &r, od::value &v, UsagePage &page, bool &haveCount)
{
    od::object object;
    bool isNull = false;
    if (!r.object(v, object, false, isNull))
        return false;
    return r.forEachField(object, [&](std::string_view key, od::value &value) {
        if (key == "count") {
            haveCount = true;
            if (!r.integer(value, page.count, true))
                return false;
            return page.count >= 0 ? true : r.fail("expected a count of zero or more");
        }
        if (key == "next")
            return r.url(value, page.next);
        if (key == "previous")
            return r.url(value, page.previous);
        return true;
    });
}

bool readSessionsBlock(Reader &r, od::value &v, UsagePage &page)
{
    od::object object;
    bool isNull = false;
    if (!r.object(v, object, false, isNull))
        return false;
    bool haveData = false, haveCount = false;
    const bool ok = r.forEachField(object, [&](std::string_view key, od::value &value) {
        if (key == "data") {
            haveData = true;
            od::array array;
            bool dataNull = false;
            if (!r.array(value, array, false, dataNull))
                return false;
            return r.forEachElement(array, [&](od::value &element) {
                page.sessions.emplace_back();
                return readSession(r, element, page.sessions.back());
            });
        }
        if (key == "pagination")
            return readPagination(r, value, page, haveCount);
        return true;
    });
    if (!ok)
        return false;
    if (!haveData)
        return r.failMissing("data");
    if (!haveCount)
        return r.failMissing("pagination.count");
    return true;
}

bool readUsageData(Reader &r, od::value &v, UsagePage &page)
{
    od::object object;
    bool isNull = false;
    if (!r.object(v, object, false, isNull))
        return false;
    enum Seen : unsigned { Sessions = 1, In = 2, Out = 4, Stt = 8, Tts = 16, Cost = 32, List = 64 };
    unsigned seen = 0;
    UsageTotals &t = page.totals;
    const bool ok = r.forEachField(object, [&](std::string_view key, od::value &value) {
        if (key == "total_sessions")
            return seen |= Sessions, r.integer(value, t.sessions, true);
        if (key == "total_llm_input_tokens")
            return seen |= In, r.integer(value, t.llmInputTokens, true);
        if (key == "total_llm_output_tokens")
            return seen |= Out, r.integer(value, t.llmOutputTokens, true);
        if (key == "total_stt_audio_seconds")
            return seen |= Stt, r.number(value, t.sttAudioSeconds, true);
        if (key == "total_tts_characters")
            return seen |= Tts, r.integer(value, t.ttsCharacters, true);
        if (key == "total_estimated_cost_usd")
            return seen |= Cost, r.money(value, t.estimatedCost, true);
        if (key == "sessions")
            return seen |= List, readSessionsBlock(r, value, page);
        return true;
    });
    if (!ok)
        return false;
    // A total that is missing would otherwise show as a silent zero.
    static constexpr std::pair<unsigned, const char *> required[] = {
        {Sessions, "total_sessions"},
        {In, "total_llm_input_tokens"},
        {Out, "total_llm_output_tokens"},
        {Stt, "total_stt_audio_seconds"},
        {Tts, "total_tts_characters"},
        {Cost, "total_estimated_cost_usd"},
        {List, "sessions"},
    };
    for (const auto &[bit, name] : required) {
        if (!(seen & bit))
            return r.failMissing(name);
    }
    return true;
}
Result<UsagePage> parseUsagePage(StringInterner &interner, simdjson::padded_string_view input,
                                 const UsageDecoder::Options &options)
{
    UsagePage page;
    if (auto error = readEnvelope(interner, input, &page.message, [&](Reader &r, od::value &v) {
            r.setKeepSessionJson(options.keepSessionJson);
            r.setReadTurns(options.readTurns || !options.keepSessionJson);
            return readUsageData(r, v, page);
        }))
        return *error;
    return page;
}

Result<SessionSummary> parseSessionDetail(StringInterner &interner,
                                          simdjson::padded_string_view input)
{
    SessionSummary session;
    if (auto error = readEnvelope(interner, input, nullptr, [&](Reader &r, od::value &v) {
            return readSession(r, v, session);
        }))
        return *error;
    return session;
}
} // namespace
} // namespace JsonDecoding

namespace UsageDecoder {

Result<UsagePage> decodeUsagePage(const QByteArray &body)
{
    return decodeUsagePage(body, Options());
}

Result<UsagePage> decodeUsagePage(const QByteArray &body, const Options &options)
{
    const JsonDecoding::PaddedInput input(body);
    return JsonDecoding::parseUsagePage(JsonDecoding::threadInterner(), input.view(), options);
}

Result<UsagePage> decodeUsagePageKeepingJson(const QByteArray &body)
{
    Options options;
    options.keepSessionJson = true;
    return decodeUsagePage(body, options);
}

Result<UsagePage> decodeUsagePageForExport(const QByteArray &body)
{
    Options options;
    options.keepSessionJson = true;
    options.readTurns = false;
    return decodeUsagePage(body, options);
}

Result<SessionSummary> decodeSessionDetail(const QByteArray &body)
{
    const JsonDecoding::PaddedInput input(body);
    return JsonDecoding::parseSessionDetail(JsonDecoding::threadInterner(), input.view());
}

} // namespace UsageDecoder
