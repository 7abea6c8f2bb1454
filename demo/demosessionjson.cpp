#include "demo/demosessionjson.h"

#include "demo/demodataset.h"
#include "demo/demojsonwriter.h"
#include "demo/demorandom.h"
#include "demo/demorecordingsigner.h"

namespace {

// Whatever callers passed at session start: nested objects, arrays, nulls, all kinds of
// scalars. Derived from the session seed, so it costs no memory between requests.
void appendMetadata(DemoJsonWriter &w, const DemoSession &s)
{
    DemoRandom rng(DemoRandom::mix(s.seed, 3));
    w.beginObject();
    const int variant = int(rng.below(5));
    if (variant == 0) { // callers often pass nothing
        w.endObject();
        return;
    }
    static const char *locales[] = {"en-US", "en-GB", "de-DE", "ar-EG", "zh-CN", "hi-IN"};
    w.key("locale");
    w.string(locales[rng.below(6)]);
    w.key("client");
    w.beginObject();
    w.key("app");
    w.string(rng.chance(0.6) ? "web" : "ios");
    w.key("version");
    w.string(QByteArray::number(2 + rng.below(2)) + '.' + QByteArray::number(rng.below(10)) + '.' +
             QByteArray::number(rng.below(20)));
    w.key("features");
    w.beginArray();
    if (rng.chance(0.7))
        w.string("barge_in");
    if (rng.chance(0.5))
        w.string("noise_suppression");
    w.endArray();
    w.endObject();
    if (variant >= 2) {
        w.key("campaign");
        if (rng.chance(0.2))
            w.null();
        else
            w.string(rng.chance(0.5) ? "spring_promo" : "renewal");
        w.key("ab_test");
        w.beginObject();
        w.key("variant");
        w.string(rng.chance(0.5) ? "A" : "B");
        w.key("weights");
        w.beginArray();
        w.raw("0.5");
        w.raw("0.5");
        w.endArray();
        w.endObject();
    }
    if (variant >= 3) {
        w.key("customer");
        w.beginObject();
        w.key("tier");
        w.string(rng.chance(0.3) ? "gold" : "standard");
        w.key("vip");
        w.boolean(rng.chance(0.1));
        w.key("ids");
        w.beginArray();
        w.number(qint64(rng.below(100000)));
        w.number(qint64(rng.below(100000)));
        w.endArray();
        w.key("history");
        w.beginArray();
        w.beginObject();
        w.key("kind");
        w.string("call");
        w.key("nested");
        w.beginObject();
        w.key("deeper");
        w.beginArray();
        w.number(1);
        w.beginObject();
        w.key("x");
        w.null();
        w.endObject();
        w.endArray();
        w.endObject();
        w.endObject();
        w.endArray();
        w.endObject();
    }
    if (variant == 4) {
        w.key("score");
        w.raw("0.875");
        w.key("utm");
        w.string("source=newsletter&medium=email");
    }
    w.endObject();
}

void appendExtraFields(DemoJsonWriter &w, const DemoSession &s)
{
    w.key("x_experimental");
    w.beginObject();
    w.key("vad_threshold");
    w.raw("0.42");
    w.key("pipeline");
    w.beginArray();
    w.string("vad");
    w.string("stt");
    w.string("llm");
    w.string("tts");
    w.endArray();
    w.key("shadow");
    w.beginObject();
    w.key("model");
    w.string("next-gen-preview");
    w.key("enabled");
    w.boolean(s.id % 2 == 0);
    w.endObject();
    w.endObject();
    w.key("x_region");
    w.string("eu-west-1");
}

} // namespace

namespace DemoSessionJson {

QByteArray timestamp(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)
        .toString(Qt::ISODateWithMs)
        .toLatin1();
}

QByteArray recordingStatusName(int status)
{
    switch (DemoRecordingStatus(status)) {
    case DemoRecordingStatus::Ready:
        return "READY";
    case DemoRecordingStatus::Processing:
        return "PROCESSING";
    case DemoRecordingStatus::Failed:
        return "FAILED";
    case DemoRecordingStatus::None:
        break;
    }
    return "NONE";
}

void append(DemoJsonWriter &w, const DemoDataset &dataset, const DemoSession &s,
            const DemoSessionRenderOptions &o)
{
    auto integer = [&](const char *key, qint64 value) {
        w.key(key);
        if (o.wrongTypes)
            w.string(QByteArray::number(value));
        else
            w.number(value);
    };
    w.beginObject();
    w.key("id");
    w.number(s.id);
    w.key("session_id");
    w.string(s.sessionId);
    w.key("tenant_id");
    w.string(s.tenantId);
    w.key("character_slug");
    w.string(s.characterSlug);
    w.key("user");
    if (s.user)
        o.wrongTypes ? w.string(QByteArray::number(*s.user)) : w.number(*s.user);
    else
        w.null();
    w.key("room_name");
    w.string(s.roomName);
    w.key("origin_url");
    w.stringOrNull(s.originUrl);
    w.key("metadata");
    appendMetadata(w, s);
    w.key("created_at");
    w.string(timestamp(s.createdAtMs));
    w.key("finalized_at");
    if (s.finalizedAtMs)
        w.string(timestamp(*s.finalizedAtMs));
    else
        w.null();
    w.key("session_duration_seconds");
    w.fixed(s.durationDs, 1);
    integer("turn_count", s.turnCount);
    integer("interruption_count", s.interruptionCount);
    integer("llm_input_tokens", s.llmInputTokens);
    integer("llm_output_tokens", s.llmOutputTokens);
    w.key("llm_model");
    w.string(s.llmModel);
    w.key("llm_provider");
    w.string(s.llmProvider);
    w.key("stt_audio_seconds");
    w.fixed(s.sttDeciseconds, 1);
    w.key("stt_provider");
    w.string(s.sttProvider);
    integer("tts_characters", s.ttsCharacters);
    w.key("tts_provider");
    w.string(s.ttsProvider);
    w.key("estimated_cost_usd");
    if (o.wrongTypes)
        w.fixed(s.costMicros, 6); // a JSON number where a string belongs
    else
        w.string(DemoJsonWriter::fixedText(s.costMicros, 6));
    w.key("recording_status");
    w.string(recordingStatusName(int(s.recordingStatus)));
    w.key("recording_url");
    w.stringOrNull(s.recordingUrl);
    w.key("recording_presigned_url");
    if (s.recordingStatus == DemoRecordingStatus::Ready && o.signer)
        w.string(o.signer->presignedUrl(s.sessionId, o.signSecs));
    else
        w.null();

    QList<DemoTurn> turns = dataset.transcript(s);
    if (o.hugeTurnBytes > 0 && !turns.isEmpty())
        turns[0].text = QString(qsizetype(o.hugeTurnBytes), QLatin1Char('x'));
    w.key("transcript");
    w.beginArray();
    for (const DemoTurn &t : std::as_const(turns)) {
        w.beginObject();
        w.key("role");
        w.string(t.assistant ? "assistant" : "user");
        w.key("text");
        w.string(t.text);
        w.key("turn_index");
        w.number(t.turnIndex);
        w.key("ts");
        w.fixed(t.tsDs, 1);
        w.endObject();
    }
    w.endArray();
    w.key("transcript_text");
    w.string(DemoDataset::transcriptText(turns));
    // A field newer than the client, as servers add them: clients must ignore it, and exports
    // must keep it as sent (two decimals, trailing zeros included).
    w.key("sentiment_score");
    w.fixed(DemoRandom(DemoRandom::mix(s.seed, 29)).range(-100, 100), 2);
    if (s.extraFields)
        appendExtraFields(w, s);
    if (o.paddingBytes > 0) {
        w.key("x_padding");
        w.string(QByteArray(qsizetype(o.paddingBytes), 'p'));
    }
    w.endObject();
}

} // namespace DemoSessionJson
