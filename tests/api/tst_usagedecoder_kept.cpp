// The session JSON a decode keeps for exports (UsageDecoder::Options::keepSessionJson), and the
// decoder's byte scans: each SSE2 scan against its plain version.
#include "api/jsonscan.h"
#include "api/sessionserializer.h"
#include "api/usagedecoder.h"
#include "tests/api/tst_usagedecoder.h"

#include <QRegularExpression>
#include <QTest>

using UsageDecoderTests::pageOf;

namespace {
/// Bytes followed by the padding simdjson's documents have, so that scans may read past them.
QByteArray padded(const QByteArray &text)
{
    return text + QByteArray(64, '\0');
}

// Pretty-printed, as some servers answer: line breaks and indentation between tokens.
const QByteArray PrettySession = R"({
    "id": 7,
    "session_id": "sess_7",
    "created_at": "2026-05-28T14:23:54.000Z",
    "session_duration_seconds": 12.50,
    "estimated_cost_usd": "0.010000",
    "metadata": {"recording_presigned_url": "https://meta.example/x?keep=1", "n": [1, 2]},
    "recording_url": "s3://bucket/7.mp4",
    "recording_presigned_url": "https://rec.example/7.mp4?X-Amz-Signature=abc",
    "sentiment_score": 0.80,
    "x_text": "caf\u00e9 \"q\" a, b",
    "x_flag": true,
    "x_none": null,
    "x_object": {"deep": [1, {"a": "b"}]}
})";
} // namespace

void TestUsageDecoder::sessionJsonIsKeptOnlyWhenAsked()
{
    const QByteArray body = pageOf(PrettySession);
    const auto plain = UsageDecoder::decodeUsagePage(body);
    QVERIFY(plain.ok());
    QVERIFY(!plain.value().sessions.first().sourceJson); // the window's sessions hold nothing more

    const auto kept = UsageDecoder::decodeUsagePageKeepingJson(body);
    QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().message));
    const SessionSummary &s = kept.value().sessions.first();
    QVERIFY(s.sourceJson);
    QCOMPARE(s.sessionId, QStringLiteral("sess_7")); // decoded as ever
    // One line: the whitespace between tokens goes, every token stays as spelled.
    QString oneLine = QString::fromUtf8(PrettySession);
    oneLine.replace(QRegularExpression(QStringLiteral("\\n *")), QString());
    oneLine.replace(QRegularExpression(QStringLiteral("(?<=[:,\\[]) (?=[\\[{\"0-9tn])")),
                    QString());
    const QByteArray expected = oneLine.toUtf8();
    QCOMPARE(s.sourceJson->bytes(), expected);
    QVERIFY(expected.contains(R"("session_duration_seconds":12.50,)"));
    QVERIFY(expected.contains(R"("x_text":"caf\u00e9 \"q\" a, b")"));
    QCOMPARE(s.sourceJson->line(true), expected);

    const SessionJson::Field *score = s.sourceJson->field("sentiment_score");
    QVERIFY(score);
    QCOMPARE(score->kind, SessionJson::Kind::Number);
    QCOMPARE(score->value.toByteArray(), QByteArray("0.80"));
    QCOMPARE(s.sourceJson->field("x_text")->value.toByteArray(), QByteArray("café \"q\" a, b"));
    QCOMPARE(s.sourceJson->field("x_text")->kind, SessionJson::Kind::String);
    QCOMPARE(s.sourceJson->field("x_flag")->value.toByteArray(), QByteArray("true"));
    QCOMPARE(s.sourceJson->field("x_none")->kind, SessionJson::Kind::Null);
    QCOMPARE(s.sourceJson->field("x_object")->kind, SessionJson::Kind::Object);
    QCOMPARE(s.sourceJson->field("x_object")->value.toByteArray(),
             QByteArray(R"({"deep":[1,{"a":"b"}]})"));
    QCOMPARE(s.sourceJson->field("created_at")->value.toByteArray(),
             QByteArray("2026-05-28T14:23:54.000Z"));
}

void TestUsageDecoder::sessionJsonOnOneLineIsByteForByte()
{
    const QByteArray session =
        R"({"id": 1, "session_id":"sess_1" , "sentiment_score": -0.50, "x": [ 1 ,2 ] })";
    const auto kept = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().sessions.first().sourceJson->bytes(), session);
}

void TestUsageDecoder::presignedQueryIsCutFromTheTopLevelValueOnly_data()
{
    QTest::addColumn<QByteArray>("session");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("query cut, metadata untouched")
        << QByteArray(
               R"({"session_id":"s","metadata":{"recording_presigned_url":"https://m/?k=1"},)"
               R"("recording_presigned_url":"https://r/a.mp4?X-Amz-Signature=abc","z":1})")
        << QByteArray(
               R"({"session_id":"s","metadata":{"recording_presigned_url":"https://m/?k=1"},)"
               R"("recording_presigned_url":"https://r/a.mp4","z":1})");
    QTest::newRow("escaped question mark")
        << QByteArray(
               R"({"session_id":"s","recording_presigned_url":"https:\/\/r\/a\u003Fsig=\"x\""})")
        << QByteArray(R"({"session_id":"s","recording_presigned_url":"https:\/\/r\/a"})");
    QTest::newRow("repeated key: both cut")
        << QByteArray(R"({"recording_presigned_url":"https://r/1?s=1","session_id":"s",)"
                      R"("recording_presigned_url":"https://r/2?s=2"})")
        << QByteArray(R"({"recording_presigned_url":"https://r/1","session_id":"s",)"
                      R"("recording_presigned_url":"https://r/2"})");
    QTest::newRow("no query")
        << QByteArray(R"({"session_id":"s","recording_presigned_url":"https://r/a"})")
        << QByteArray(R"({"session_id":"s","recording_presigned_url":"https://r/a"})");
    QTest::newRow("null") << QByteArray(R"({"session_id":"s","recording_presigned_url":null})")
                          << QByteArray(R"({"session_id":"s","recording_presigned_url":null})");
    QTest::newRow("a key that only looks alike")
        << QByteArray(R"({"session_id":"s","x":"\"recording_presigned_url\":\"a?b\""})")
        << QByteArray(R"({"session_id":"s","x":"\"recording_presigned_url\":\"a?b\""})");
}

void TestUsageDecoder::presignedQueryIsCutFromTheTopLevelValueOnly()
{
    QFETCH(QByteArray, session);
    QFETCH(QByteArray, line);
    const auto kept = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    QVERIFY2(kept.ok(), qPrintable(kept.ok() ? QString() : kept.error().message));
    const SessionJson &json = *kept.value().sessions.first().sourceJson;
    QCOMPARE(json.line(false), line);
    QCOMPARE(json.line(true), session);
}

void TestUsageDecoder::keptJsonIsValidatedWhole_data()
{
    QTest::addColumn<QByteArray>("extra");
    QTest::newRow("unknown array") << QByteArray(R"("x":[1,tru])");
    QTest::newRow("inside metadata") << QByteArray(R"("metadata":{"a":nul})");
    QTest::newRow("unknown number") << QByteArray(R"("x":01)");
}

void TestUsageDecoder::keptJsonIsValidatedWhole()
{
    // The decoder skips what it does not read; an export must not write it unchecked.
    QFETCH(QByteArray, extra);
    const auto kept =
        UsageDecoder::decodeUsagePageKeepingJson(pageOf(R"({"session_id":"s",)" + extra + "}"));
    QVERIFY(!kept.ok());
    QCOMPARE(kept.error().kind, ApiError::Kind::MalformedResponse);
    QVERIFY2(kept.error().message.startsWith(u"sessions.data[0]: malformed JSON"),
             qPrintable(kept.error().message));
}

void TestUsageDecoder::aLineBreakInsideAStringIsRefused()
{
    // JSON forbids it, and in an export it would split a JSON Lines record.
    const auto kept =
        UsageDecoder::decodeUsagePageKeepingJson(pageOf("{\"session_id\":\"s\",\"x\":\"a\nb\"}"));
    QVERIFY(!kept.ok());
    QCOMPARE(kept.error().kind, ApiError::Kind::MalformedResponse);
}

void TestUsageDecoder::csvCellsAreQuotedOnlyWhenNeeded_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("cell");
    QTest::newRow("plain") << QByteArray("support-bot") << QByteArray("support-bot");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quotes") << QByteArray(R"(say "hi")") << QByteArray(R"("say ""hi""")");
    QTest::newRow("only a quote") << QByteArray("\"") << QByteArray(R"("""")");
    QTest::newRow("line feed") << QByteArray("User: a\nAssistant: b")
                               << QByteArray("\"User: a\nAssistant: b\"");
    QTest::newRow("carriage return") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
    QTest::newRow("UTF-8 and HTML") << QByteArray("<b>Grüße</b> 😀") << QByteArray("<b>Grüße</b> 😀");
}

void TestUsageDecoder::csvCellsAreQuotedOnlyWhenNeeded()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, cell);
    QCOMPARE(SessionSerializer::csvFieldUtf8(value), cell);
    QByteArray row("x,");
    SessionSerializer::appendCsvField(row, value);
    QCOMPARE(row, "x," + cell);
}

void TestUsageDecoder::aCarriageReturnBetweenTokensIsRemoved()
{
    // A bare carriage return splits a line for some readers just as a line feed does.
    const auto kept = UsageDecoder::decodeUsagePageKeepingJson(
        pageOf("{\"id\": 1,\r\"session_id\": \"sess_1\"}"));
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().sessions.first().sourceJson->bytes(),
             QByteArray(R"({"id":1,"session_id":"sess_1"})"));
}

void TestUsageDecoder::scanVariantsAgree()
{
    for (int length = 0; length < 48; ++length) {
        for (const char stop : {'"', '\\'}) {
            const QByteArray text = padded(QByteArray(length, 'a') + stop + "bc\"");
            const std::size_t expected = std::size_t(length);
            QCOMPARE(JsonScan::toQuoteOrBackslashPlain(text.constData()), expected);
#if defined(SESSIONSCOPE_SSE2_SCAN)
            QCOMPARE(JsonScan::toQuoteOrBackslashSse2(text.constData()), expected);
#endif
            QCOMPARE(JsonScan::toQuoteOrBackslash(text.constData()), expected);
        }
    }
}

void TestUsageDecoder::expectedKeyVariantsAgree()
{
    static constexpr JsonScan::ExpectedKey keys[] = {
        {"ts"}, {"role"}, {"turn_index"}, {"llm_output_tokens"}, {"recording_presigned_url"}};
    for (const JsonScan::ExpectedKey &key : keys) {
        const QByteArray name(key.view().data(), qsizetype(key.view().size()));
        QList<QByteArray> texts{name + "\":1", name + "x\":1", name.chopped(1) + "\":1"};
        for (qsizetype i = 0; i < name.size(); ++i) {
            QByteArray changed = name + "\":1";
            changed[i] = 'Z';
            texts.append(changed);
        }
        for (const QByteArray &text : std::as_const(texts)) {
            const QByteArray input = padded(text);
            const bool expected = text.startsWith(name + '"');
            QCOMPARE(key.isAtPlain(input.constData()), expected);
#if defined(SESSIONSCOPE_SSE2_SCAN)
            QCOMPARE(key.isAtSse2(input.constData()), expected);
#endif
        }
    }
}

void TestUsageDecoder::transcriptAsLinesVariantsAgree()
{
    // Turns of every length around the 16-byte steps, with characters that must be escaped.
    QList<TranscriptTurn> turns;
    for (int i = 0; i < 40; ++i) {
        QString text = QString(i, QLatin1Char(char('a' + i % 26)));
        if (i % 5 == 0)
            text += QStringLiteral("\"q\"\\ \n");
        turns.append({i % 2 ? TranscriptTurn::Role::User : TranscriptTurn::Role::Assistant, i,
                      double(i), text});
    }
    const Transcript transcript(turns);
    const QByteArray lines = transcript.linesUtf8();
    QByteArray escaped;
    for (const char c : lines) {
        if (c == '"' || c == '\\')
            escaped += '\\';
        escaped += c == '\n' ? QByteArray("\\n") : QByteArray(1, c);
    }
    const QByteArray whole = padded(escaped + '"');
    QVERIFY(JsonScan::isTranscriptAsLinesPlain(whole.constData(), transcript));
    QVERIFY(JsonScan::isTranscriptAsLinesSse2(whole.constData(), transcript));
    // Any one byte changed is another text, whichever scan compares it.
    for (qsizetype i = 0; i < escaped.size(); i += 7) {
        QByteArray changed = escaped;
        changed[i] = changed[i] == 'x' ? 'y' : 'x';
        const QByteArray input = padded(changed + '"');
        const bool plain = JsonScan::isTranscriptAsLinesPlain(input.constData(), transcript);
        QCOMPARE(JsonScan::isTranscriptAsLinesSse2(input.constData(), transcript), plain);
        QVERIFY2(!plain, changed.constData());
    }
}
