#include "tests/api/tst_usagedecoder.h"
#include "api/usagedecoder.h"

#include <QTest>
#include <QTimeZone>

namespace {
QByteArray session(const QByteArray &overrides = {}, int id = 1)
{
    QByteArray s = R"({"id":)" + QByteArray::number(id) + R"(,"session_id":"sess_)" +
                   QByteArray::number(id) + R"(","tenant_id":"acme",
        "character_slug":"support-bot","user":7,"room_name":"room-1",
        "origin_url":"https://shop.example/help","metadata":{"campaign":{"id":[1,2,{"x":null}]}},
        "created_at":"2026-05-28T14:23:48.123456Z","finalized_at":"2026-05-28T14:25:00Z",
        "session_duration_seconds":72.5,"turn_count":4,"interruption_count":1,
        "llm_input_tokens":1200,"llm_output_tokens":300,"llm_model":"gpt-4o-mini",
        "llm_provider":"openai","stt_audio_seconds":35.2,"stt_provider":"deepgram",
        "tts_characters":512,"tts_provider":"elevenlabs","estimated_cost_usd":"0.012345",
        "recording_status":"READY","recording_url":"s3://bucket/rec.mp4",
        "recording_presigned_url":"https://rec.example/rec.mp4?X-Amz-Signature=abc",
        "transcript":[{"role":"assistant","text":"Hello <b>there</b>","turn_index":0,"ts":0.0},
                      {"role":"user","text":"مرحبا 👋","turn_index":1,"ts":2.5}],
        "transcript_text":"Assistant: Hello\nUser: hi")";
    if (!overrides.isEmpty())
        s += ',' + overrides;
    return s + '}';
}

QByteArray page(const QByteArray &sessions, const QByteArray &totalsOverride = {})
{
    const QByteArray totals = totalsOverride.isEmpty()
                                  ? QByteArray(R"("total_sessions":2,"total_llm_input_tokens":2400,
        "total_llm_output_tokens":600,"total_stt_audio_seconds":70.4,"total_tts_characters":1024,
        "total_estimated_cost_usd":"0.024690",)")
                                  : totalsOverride;
    return R"({"success":true,"message":"ok","data":{)" + totals + R"("sessions":{"data":[)" +
           sessions +
           R"(],"pagination":{"count":2,"next":"https://api.example/api/billing/usage/?page=2","previous":null}}},"errors":null})";
}

/// Replaces `"key":<old value>` in a JSON object text by `"key":<value>`.
QByteArray withField(const QByteArray &key, const QByteArray &value)
{
    return session('"' + key + "\":" + value);
}
} // namespace

void TestUsageDecoder::decodesAValidPage()
{
    const auto result = UsageDecoder::decodeUsagePage(page(session() + ',' + session({}, 2)));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const UsagePage &p = result.value();
    QCOMPARE(p.totals.sessions, 2);
    QCOMPARE(p.totals.llmInputTokens, 2400);
    QCOMPARE(p.totals.llmOutputTokens, 600);
    QCOMPARE(p.totals.sttAudioSeconds, 70.4);
    QCOMPARE(p.totals.ttsCharacters, 1024);
    QCOMPARE(p.totals.estimatedCost.micros(), 24690);
    QCOMPARE(p.count, 2);
    QCOMPARE(p.next, QUrl(QStringLiteral("https://api.example/api/billing/usage/?page=2")));
    QVERIFY(p.previous.isEmpty());
    QCOMPARE(p.message, QStringLiteral("ok"));
    QCOMPARE(p.sessions.size(), 2);
    const SessionSummary &s = p.sessions.first();
    QCOMPARE(s.id, 1);
    QCOMPARE(s.sessionId, QStringLiteral("sess_1"));
    QCOMPARE(s.tenantId, QStringLiteral("acme"));
    QCOMPARE(s.characterSlug, QStringLiteral("support-bot"));
    QCOMPARE(s.user, std::optional<qint64>(7));
    QCOMPARE(s.metadataJson, QByteArray(R"({"campaign":{"id":[1,2,{"x":null}]}})"));
    QCOMPARE(s.createdAt.toMSecsSinceEpoch(),
             QDateTime(QDate(2026, 5, 28), QTime(14, 23, 48, 123), QTimeZone::utc())
                 .toMSecsSinceEpoch());
    QVERIFY(!s.inProgress());
    QCOMPARE(s.durationSeconds, 72.5);
    QCOMPARE(s.turnCount, 4);
    QCOMPARE(s.interruptionCount, 1);
    QCOMPARE(s.llmModel, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(s.estimatedCost.micros(), 12345);
    QCOMPARE(s.recordingStatus, RecordingStatus::Ready);
    QCOMPARE(s.transcript.size(), 2);
    QCOMPARE(s.transcript[0].role, TranscriptTurn::Role::Assistant);
    QCOMPARE(s.transcript[0].text, QStringLiteral("Hello <b>there</b>"));
    QCOMPARE(s.transcript[1].role, TranscriptTurn::Role::User);
    QCOMPARE(s.transcript[1].text, QString::fromUtf8("مرحبا 👋"));
    QCOMPARE(s.transcript[1].ts, 2.5);
    QCOMPARE(s.transcriptText(), QStringLiteral("Assistant: Hello\nUser: hi"));
}

void TestUsageDecoder::optionalFieldsMayBeMissingOrNull()
{
    const QByteArray minimal = R"({"session_id":"sess_min"})";
    const QByteArray nulls = R"({"session_id":"sess_null","user":null,"origin_url":null,
        "metadata":null,"finalized_at":null,"recording_presigned_url":null,"transcript":null,
        "turn_count":null,"estimated_cost_usd":null,"recording_status":null})";
    const auto result = UsageDecoder::decodeUsagePage(page(minimal + ',' + nulls));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    for (const SessionSummary &s : result.value().sessions) {
        QVERIFY(!s.user);
        QVERIFY(s.originUrl.isEmpty());
        QVERIFY(s.inProgress());
        QVERIFY(s.transcript.isEmpty());
        QCOMPARE(s.turnCount, 0);
        QCOMPARE(s.estimatedCost.micros(), 0);
        QCOMPARE(s.recordingStatus, RecordingStatus::None);
    }
}

void TestUsageDecoder::keyOrderDoesNotMatter()
{
    // The decoder recognises keys fastest in the order the API writes them; any other order,
    // and keys that only start like an expected one, must give the same values.
    const QByteArray reordered = R"({"transcript_text":"User: b\nAssistant: a",
        "transcript":[{"ts":1.5,"turn_index":1,"text":"b","role":"user"},
                      {"text":"a","role":"assistant","ts":2.5,"turn_index":2}],
        "turn_count":2,"session_idx":"not the id","id":5,"session_id":"sess_5",
        "estimated_cost_usd":"0.000100","tenant":"x","tenant_id":"acme"})";
    const QByteArray ordered = R"({"id":5,"session_id":"sess_5","tenant_id":"acme","turn_count":2,
        "estimated_cost_usd":"0.000100",
        "transcript":[{"role":"user","text":"b","turn_index":1,"ts":1.5},
                      {"role":"assistant","text":"a","turn_index":2,"ts":2.5}],
        "transcript_text":"User: b\nAssistant: a"})";
    const auto a = UsageDecoder::decodeUsagePage(page(reordered));
    const auto b = UsageDecoder::decodeUsagePage(page(ordered));
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
    QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().message));
    const SessionSummary &x = a.value().sessions.first();
    const SessionSummary &y = b.value().sessions.first();
    QCOMPARE(x.id, 5);
    QCOMPARE(x.sessionId, QStringLiteral("sess_5"));
    QCOMPARE(x.tenantId, y.tenantId);
    QCOMPARE(x.turnCount, y.turnCount);
    QCOMPARE(x.estimatedCost, y.estimatedCost);
    QCOMPARE(x.transcript.toList(), y.transcript.toList());
    QCOMPARE(x.transcript[1].turnIndex, 2);
    QCOMPARE(x.transcript[1].ts, 2.5);
    // In the first document the text comes before the turns, so it is held as sent.
    QVERIFY(!x.transcriptTextIsTurns);
    QVERIFY(y.transcriptTextIsTurns);
    QCOMPARE(x.transcriptText(), y.transcriptText());
}

void TestUsageDecoder::unknownFieldsAreKeptAsSent()
{
    const QByteArray extra =
        R"("x_experimental":{"deep":[1,{"a":"b"}]},"x_flag":true,)"
        R"("x_n":1e400,"sentiment_score":0.30,"x_note":"<b>\u00e9t\u00e9</b>",)"
        R"("x_none":null)";
    const auto result = UsageDecoder::decodeUsagePage(page(session(extra)));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const SessionSummary &s = result.value().sessions.first();
    QCOMPARE(s.turnCount, 4);
    QCOMPARE(s.otherFields.size(), 6);
    const QList<std::pair<QString, QByteArray>> expected = {
        {QStringLiteral("x_experimental"), R"({"deep":[1,{"a":"b"}]})"},
        {QStringLiteral("x_flag"), "true"},
        {QStringLiteral("x_n"), "1e400"},
        {QStringLiteral("sentiment_score"), "0.30"},
        {QStringLiteral("x_note"), R"("<b>\u00e9t\u00e9</b>")"},
        {QStringLiteral("x_none"), "null"},
    };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(s.otherFields.at(i).name, expected.at(i).first);
        QCOMPARE(s.otherFields.at(i).json, expected.at(i).second);
    }
    // A string reads as its text; anything else as its JSON, number spelling included.
    QCOMPARE(s.otherFields.at(4).displayText(), QStringLiteral("<b>été</b>"));
    QCOMPARE(s.otherFields.at(3).displayText(), QStringLiteral("0.30"));
    // Known fields are never listed as unknown ones.
    for (const OtherField &field : s.otherFields)
        QVERIFY(!field.name.startsWith(QStringLiteral("llm_")) &&
                field.name != QStringLiteral("transcript"));
}

void TestUsageDecoder::unknownRecordingStatusIsKept()
{
    const auto result =
        UsageDecoder::decodeUsagePage(page(withField("recording_status", R"("ARCHIVED")")));
    QVERIFY(result.ok());
    QCOMPARE(result.value().sessions.first().recordingStatus, RecordingStatus::Unknown);
    QCOMPARE(result.value().sessions.first().recordingStatusText, QStringLiteral("ARCHIVED"));
}

void TestUsageDecoder::wrongTypesNameTheirPath_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const auto sessions = [](const QByteArray &key, const QByteArray &value) {
        return page(session() + ',' + session({}, 2) + ',' + session({}, 3) + ',' +
                    session('"' + key + "\":" + value, 4));
    };
    QTest::newRow("turn_count string")
        << sessions("turn_count", R"("4")")
        << QStringLiteral("sessions.data[3].turn_count: expected an integer");
    QTest::newRow("turn_count float")
        << sessions("turn_count", "4.5")
        << QStringLiteral("sessions.data[3].turn_count: expected an integer");
    QTest::newRow("turn_count huge")
        << sessions("turn_count", "99999999999")
        << QStringLiteral("sessions.data[3].turn_count: integer out of range");
    QTest::newRow("tokens bool") << sessions("llm_input_tokens", "true")
                                 << QStringLiteral(
                                        "sessions.data[3].llm_input_tokens: expected an integer");
    QTest::newRow("duration string")
        << sessions("session_duration_seconds", R"("72")")
        << QStringLiteral("sessions.data[3].session_duration_seconds: expected a number");
    QTest::newRow("cost number") << sessions("estimated_cost_usd", "0.5")
                                 << QStringLiteral(
                                        "sessions.data[3].estimated_cost_usd: expected a string");
    QTest::newRow("cost too precise")
        << sessions("estimated_cost_usd", R"("0.1234567")")
        << QStringLiteral("sessions.data[3].estimated_cost_usd: expected a decimal string with at "
                          "most 6 places");
    QTest::newRow("cost exponent")
        << sessions("estimated_cost_usd", R"("1e-3")")
        << QStringLiteral("sessions.data[3].estimated_cost_usd: expected a decimal string with at "
                          "most 6 places");
    QTest::newRow("created_at number")
        << sessions("created_at", "1700000000")
        << QStringLiteral("sessions.data[3].created_at: expected a string");
    QTest::newRow("created_at garbage")
        << sessions("created_at", R"("yesterday")")
        << QStringLiteral("sessions.data[3].created_at: expected an ISO-8601 date-time");
    QTest::newRow("transcript object")
        << sessions("transcript", "{}")
        << QStringLiteral("sessions.data[3].transcript: expected an array");
    QTest::newRow("turn text number")
        << sessions("transcript", R"([{"role":"user","text":5}])")
        << QStringLiteral("sessions.data[3].transcript[0].text: expected a string");
    QTest::newRow("turn ts string")
        << sessions("transcript", R"([{"role":"user","ts":"1"}])")
        << QStringLiteral("sessions.data[3].transcript[0].ts: expected a number");
    QTest::newRow("session_id null")
        << sessions("session_id", "null")
        << QStringLiteral("sessions.data[3].session_id: expected a string, got null");
    QTest::newRow("user string") << sessions("user", R"("7")")
                                 << QStringLiteral("sessions.data[3].user: expected an integer");
    QTest::newRow("session not object")
        << page(session() + ",42") << QStringLiteral("sessions.data[1]: expected an object");
    QTest::newRow("total string")
        << page(
               session(),
               R"("total_sessions":"2","total_llm_input_tokens":1,"total_llm_output_tokens":1,"total_stt_audio_seconds":1,"total_tts_characters":1,"total_estimated_cost_usd":"1.0",)")
        << QStringLiteral("total_sessions: expected an integer");
    QTest::newRow("total missing")
        << page(
               session(),
               R"("total_sessions":2,"total_llm_input_tokens":1,"total_llm_output_tokens":1,"total_stt_audio_seconds":1,"total_tts_characters":1,)")
        << QStringLiteral("total_estimated_cost_usd: missing");
    QTest::newRow("data array") << QByteArray(R"({"success":true,"data":[]})")
                                << QStringLiteral("data: expected an object");
    QTest::newRow("no data") << QByteArray(R"({"success":true})")
                             << QStringLiteral("data: missing");
    QTest::newRow("count negative")
        << QByteArray(
               R"({"success":true,"data":{"total_sessions":0,"total_llm_input_tokens":0,"total_llm_output_tokens":0,"total_stt_audio_seconds":0,"total_tts_characters":0,"total_estimated_cost_usd":"0","sessions":{"data":[],"pagination":{"count":-1}}}})")
        << QStringLiteral("sessions.pagination.count: expected a count of zero or more");
    QTest::newRow("count missing")
        << QByteArray(
               R"({"success":true,"data":{"total_sessions":0,"total_llm_input_tokens":0,"total_llm_output_tokens":0,"total_stt_audio_seconds":0,"total_tts_characters":0,"total_estimated_cost_usd":"0","sessions":{"data":[],"pagination":{}}}})")
        << QStringLiteral("sessions.pagination.count: missing");
    QTest::newRow("success false") << QByteArray(R"({"success":false,"message":"nope","data":{}})")
                                   << QStringLiteral("the server reported failure: nope");
}
void TestUsageDecoder::wrongTypesNameTheirPath()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const auto result = UsageDecoder::decodeUsagePage(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::MalformedResponse);
    QCOMPARE(result.error().message, message);
}

void TestUsageDecoder::malformedJsonIsAnErrorNotACrash_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("truncated") << page(session()).left(300);
    QTest::newRow("array") << QByteArray("[1,2,3]");
    QTest::newRow("bad utf8") << QByteArray("{\"success\":true,\"message\":\"\xff\xfe\"}");
    QTest::newRow("unterminated string") << QByteArray(R"({"success":true,"data":{"x":"abc)");
    QTest::newRow("nul bytes") << QByteArray(64, '\0');
}
void TestUsageDecoder::malformedJsonIsAnErrorNotACrash()
{
    QFETCH(QByteArray, body);
    const auto result = UsageDecoder::decodeUsagePage(body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::MalformedResponse);
    QVERIFY(!result.error().message.isEmpty());
}

void TestUsageDecoder::hugeTranscriptTurnDecodes()
{
    const QByteArray big(2 * 1024 * 1024, 'a');
    const auto result = UsageDecoder::decodeUsagePage(
        page(withField("transcript", R"([{"role":"user","text":")" + big + R"(","ts":1}])")));
    QVERIFY(result.ok());
    QCOMPARE(result.value().sessions.first().transcript.first().text.size(), big.size());
}

void TestUsageDecoder::escapedKeysAndStrings()
{
    const auto result = UsageDecoder::decodeUsagePage(
        page(R"({"session_\u0069d":"sess_\"q\"","llm_model":"a\u00e9\n\ud83d\ude00"})"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().sessions.first().sessionId, QStringLiteral("sess_\"q\""));
    QCOMPARE(result.value().sessions.first().llmModel,
             QString::fromUtf8("a\xc3\xa9\n\xf0\x9f\x98\x80"));
}

void TestUsageDecoder::transcriptTextHeldOnlyWhenItDiffers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("rebuiltFromTurns");
    QTest::addColumn<QString>("text");

    const QByteArray turns = R"("transcript":[{"role":"assistant","text":"Hi \"you\"\\ <b>","ts":0},
        {"role":"user","text":"two\nlines / é 👋","ts":1}])";
    const QString asLines =
        QString::fromUtf8("Assistant: Hi \"you\"\\ <b>\nUser: two\nlines / é 👋");
    const auto row = [&](const char *name, const QByteArray &before, const QByteArray &text,
                         bool rebuilt, const QString &expected) {
        QTest::newRow(name) << QByteArray(R"({"session_id":"s",)" + before +
                                          R"("transcript_text":)" + text + '}')
                            << rebuilt << expected;
    };
    row("the turns as lines", turns + ',',
        R"("Assistant: Hi \"you\"\\ <b>\nUser: two\nlines \/ é 👋")", true, asLines);
    row("a \\u escape is compared by unescaping", turns + ',',
        R"("Assistant: Hi \"you\"\\ <b>\nUser: two\nlines / \u00e9 👋")", false, asLines);
    row("one byte more", turns + ',', R"("Assistant: Hi \"you\"\\ <b>\nUser: two\nlines / é 👋.")",
        false, asLines + u'.');
    row("one byte less", turns + ',', R"("Assistant: Hi \"you\"\\ <b>\nUser: two\nlines / é ")",
        false, asLines.chopped(2));
    row("a leading newline", turns + ',',
        R"("\nAssistant: Hi \"you\"\\ <b>\nUser: two\nlines / é 👋")", false, u'\n' + asLines);
    row("another label", turns + ',', R"("Agent: Hi \"you\"\\ <b>\nUser: two\nlines / é 👋")", false,
        QString(asLines).replace(QStringLiteral("Assistant"), QStringLiteral("Agent")));
    row("a turn of another role", R"("transcript":[{"role":"system","text":"x","ts":0}],)",
        R"("Other: x")", false, QStringLiteral("Other: x"));
    row("text before the turns", QByteArray(), R"("Assistant: a")", false,
        QStringLiteral("Assistant: a"));
    row("no turns, some text", R"("transcript":[],)", R"("Assistant: a")", false,
        QStringLiteral("Assistant: a"));
    row("null text", turns + ',', "null", false, QString());
}

void TestUsageDecoder::transcriptTextHeldOnlyWhenItDiffers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, rebuiltFromTurns);
    QFETCH(QString, text);
    const auto result = UsageDecoder::decodeUsagePage(page(json));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const SessionSummary &s = result.value().sessions.first();
    QCOMPARE(s.transcriptTextIsTurns, rebuiltFromTurns);
    QCOMPARE(s.transcriptTextUtf8.isEmpty(), rebuiltFromTurns || text.isEmpty());
    QCOMPARE(s.transcriptText(), text);
}

void TestUsageDecoder::transcriptTextFollowsARepeatedTranscript()
{
    // The text matched the first turns; a second "transcript" replaces the turns, not the text.
    const auto result = UsageDecoder::decodeUsagePage(page(
        R"({"session_id":"s","transcript":[{"role":"user","text":"first","ts":0}],
            "transcript_text":"User: first",
            "transcript":[{"role":"user","text":"second","ts":0}]})"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const SessionSummary &s = result.value().sessions.first();
    QCOMPARE(s.transcript.first().text, QStringLiteral("second"));
    QVERIFY(!s.transcriptTextIsTurns);
    QCOMPARE(s.transcriptText(), QStringLiteral("User: first"));
}

void TestUsageDecoder::invalidEscapeInTranscriptTextIsAnError()
{
    const auto result = UsageDecoder::decodeUsagePage(
        page(R"({"session_id":"s","transcript":[{"role":"user","text":"a","ts":0}],
                 "transcript_text":"User: \q"})"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ApiError::Kind::MalformedResponse);
    QVERIFY2(result.error().message.contains(QStringLiteral("sessions.data[0].transcript_text")),
             qPrintable(result.error().message));
}

void TestUsageDecoder::sessionDetail()
{
    const auto result = UsageDecoder::decodeSessionDetail(
        R"({"success":true,"message":"","data":)" + session() + R"(,"errors":null})");
    QVERIFY(result.ok());
    QCOMPARE(result.value().sessionId, QStringLiteral("sess_1"));
    QVERIFY(!UsageDecoder::decodeSessionDetail(R"({"success":true,"data":[]})").ok());
}

void TestUsageDecoder::tokens()
{
    const auto bare = UsageDecoder::decodeTokens(R"({"access":"a.b.c","refresh":"d.e.f"})");
    QVERIFY(bare.ok());
    QCOMPARE(bare.value().access, QStringLiteral("a.b.c"));
    QCOMPARE(bare.value().refresh, QStringLiteral("d.e.f"));
    const auto wrapped = UsageDecoder::decodeTokens(R"({"success":true,"data":{"access":"x"}})");
    QVERIFY(wrapped.ok());
    QCOMPARE(wrapped.value().access, QStringLiteral("x"));
    QVERIFY(!UsageDecoder::decodeTokens(R"({"refresh":"only"})").ok());
}

void TestUsageDecoder::characters()
{
    const auto list = UsageDecoder::decodeCharacters(
        R"({"success":true,"data":[{"slug":"a","name":"A","tenant_id":"t"},{"slug":"b"}]})");
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 2);
    QCOMPARE(list.value().first().name, QStringLiteral("A"));
    const auto paged =
        UsageDecoder::decodeCharacters(R"({"success":true,"data":{"results":[{"slug":"c"}]}})");
    QVERIFY(paged.ok());
    QCOMPARE(paged.value().first().slug, QStringLiteral("c"));
}

void TestUsageDecoder::errorBodies()
{
    ApiError e;
    UsageDecoder::readErrorBody(
        R"({"success":false,"message":"Invalid start.","data":null,"errors":{"start":["Enter a valid date/time."],"end":"bad"}})",
        e);
    QCOMPARE(e.message, QStringLiteral("Invalid start."));
    QCOMPARE(e.fieldErrors.value(QStringLiteral("start")),
             QStringList{QStringLiteral("Enter a valid date/time.")});
    QCOMPARE(e.fieldErrors.value(QStringLiteral("end")), QStringList{QStringLiteral("bad")});
    ApiError d;
    UsageDecoder::readErrorBody(R"({"detail":"Invalid page."})", d);
    QCOMPARE(d.message, QStringLiteral("Invalid page."));
    ApiError html;
    UsageDecoder::readErrorBody("<html>oops</html>", html);
    QVERIFY(html.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestUsageDecoder)
