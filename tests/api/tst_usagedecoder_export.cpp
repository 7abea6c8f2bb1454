// The decode an export uses (UsageDecoder::decodeUsagePageForExport): the turns are checked,
// not kept, and the turns in the API's own shape by a scan of their bytes. Whatever a turn
// holds, the page must be refused or kept exactly as the decode that reads the turns refuses
// or keeps it, with the same error.
#include "api/sessionjson.h"
#include "api/usagedecoder.h"
#include "tests/api/tst_usagedecoder.h"

#include <QTest>

#include <cstring>

using UsageDecoderTests::pageOf;

namespace {

const QByteArray PlainTurn = R"({"role":"user","text":"Hi there","turn_index":1,"ts":2.5})";

} // namespace

void TestUsageDecoder::exportDecodeJudgesTurnsAsReadingThemDoes_data()
{
    QTest::addColumn<QByteArray>("transcript");
    // One turn, then each change of it; "@" is where the change goes.
    const QByteArray shapes[] = {
        R"({"role":@,"text":"a","turn_index":0,"ts":1.5})",
        R"({"role":"user","text":@,"turn_index":0,"ts":1.5})",
        R"({"role":"user","text":"a","turn_index":@,"ts":1.5})",
        R"({"role":"user","text":"a","turn_index":0,"ts":@})",
    };
    const QByteArray values[] = {
        R"("assistant")",
        R"("")",
        R"("a \"quoted\" word")",
        R"("line\nbreak\ttab\\ \/ \b\f\r")",
        R"("caf\u00e9")",
        R"("\ud83d\ude00")",
        R"("\ud83d")",
        R"("bad \x escape")",
        R"("bad \u12 escape")",
        "null",
        "true",
        "false",
        "0",
        "7",
        "-3",
        "2147483647",
        "2147483648",
        "999999999",
        "1000000000",
        "-2147483649",
        "01",
        "-0",
        "1.5",
        "-1.5",
        "1.",
        ".5",
        "1e3",
        "1E-3",
        "123456789012345",
        "1234567890123456",
        "0.123456789012345",
        "0.1234567890123456",
        "1e999",
        "123456789012345678901234567890",
        "[]",
        "{}",
        R"({"a":1})",
        "[1,2]",
        "nul",
        "tru",
        "-",
        "--1",
        "1.5.5",
        R"("x" )",
    };
    for (const QByteArray &shape : shapes) {
        for (const QByteArray &value : values) {
            QByteArray turn = shape;
            turn.replace("@", value);
            QTest::addRow("%s in %.40s", value.constData(), shape.constData()) << '[' + turn + ']';
        }
    }
    // The array and the turn as a whole.
    const QByteArray whole[] = {
        "[]",
        "null",
        "[ ]",
        '[' + PlainTurn + ']',
        '[' + PlainTurn + ',' + PlainTurn + ']',
        "[ " + PlainTurn + " , " + PlainTurn + " ]",
        R"([{ "role" : "user" , "text" : "a" , "turn_index" : 0 , "ts" : 1 }])",
        R"([{"text":"a","role":"user","turn_index":0,"ts":1}])",
        R"([{"role":"user","text":"a","turn_index":0}])",
        R"([{"role":"user","text":"a","turn_index":0,"ts":1,"extra":[1,{"b":null}]}])",
        R"([{"role":"user","text":"a","turn_index":0,"ts":1,"extra":[1,-]}])",
        R"([{"role":"user","text":"a","turn_index":0,"ts":1,"ts":2}])",
        R"([{"role":"user","text":"a","turn_index":0,"ts":1,}])",
        R"([{"role":"user","text":"a","turn_index":0,"ts":1}, ])",
        '[' + PlainTurn + ",null]",
        '[' + PlainTurn + ",1]",
        '[' + PlainTurn + ",[]]",
        "{}",
        R"("turns")",
        "7",
    };
    for (const QByteArray &transcript : whole)
        QTest::addRow("%s", transcript.constData()) << transcript;
}

void TestUsageDecoder::exportDecodeJudgesTurnsAsReadingThemDoes()
{
    QFETCH(QByteArray, transcript);
    const QByteArray session = R"({"session_id":"s","transcript":)" + transcript +
                               R"(,"transcript_text":"User: a","turn_count":1})";
    const auto reading = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    const auto exporting = UsageDecoder::decodeUsagePageForExport(pageOf(session));
    QCOMPARE(exporting.ok(), reading.ok());
    if (!reading.ok()) {
        QCOMPARE(exporting.error().message, reading.error().message);
        return;
    }
    QCOMPARE(exporting.value().sessions.size(), 1);
    const SessionSummary &kept = exporting.value().sessions.constFirst();
    QVERIFY(kept.sourceJson);
    QCOMPARE(kept.sourceJson->bytes(), reading.value().sessions.constFirst().sourceJson->bytes());
    QCOMPARE(kept.sourceJson->line(false), session);
    // Checked, not kept: an export never reads them.
    QVERIFY(kept.transcript.isEmpty());
}

void TestUsageDecoder::exportDecodeKeepsNoTurnsAndTheWindowsDecodeDoes()
{
    const QByteArray session = R"({"session_id":"s","transcript":[)" + PlainTurn + ',' + PlainTurn +
                               R"(],"transcript_text":"User: Hi there\nUser: Hi there"})";
    const auto window = UsageDecoder::decodeUsagePage(pageOf(session));
    const auto reading = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    const auto exporting = UsageDecoder::decodeUsagePageForExport(pageOf(session));
    QVERIFY(window.ok() && reading.ok() && exporting.ok());
    QCOMPARE(window.value().sessions.constFirst().transcript.size(), 2);
    QCOMPARE(window.value().sessions.constFirst().transcriptText(),
             QStringLiteral("User: Hi there\nUser: Hi there"));
    QCOMPARE(reading.value().sessions.constFirst().transcript.size(), 2);
    QCOMPARE(exporting.value().sessions.constFirst().transcript.size(), 0);
    QVERIFY(exporting.value().sessions.constFirst().transcriptText().isEmpty());
    const SessionJson::Field *text =
        exporting.value().sessions.constFirst().sourceJson->field("transcript_text");
    QVERIFY(text);
    QCOMPARE(text->value, QByteArrayView("User: Hi there\nUser: Hi there"));
    // What the totals check of an export reads is there.
    QCOMPARE(exporting.value().sessions.constFirst().sessionId, QStringLiteral("s"));

    // An invalid escape in transcript_text is the same error either way.
    const QByteArray badText = R"({"session_id":"s","transcript_text":"a\qb"})";
    const auto badReading = UsageDecoder::decodeUsagePageKeepingJson(pageOf(badText));
    const auto badExporting = UsageDecoder::decodeUsagePageForExport(pageOf(badText));
    QVERIFY(!badReading.ok());
    QVERIFY(!badExporting.ok());
    QCOMPARE(badExporting.error().message, badReading.error().message);

    // A page cut anywhere (in the turns, say) is refused the same way: the scan of the turns
    // stops at the end of the document, whatever follows it in memory.
    const QByteArray whole = pageOf(session);
    for (qsizetype size = 0; size < whole.size(); ++size) {
        QByteArray cut = whole.first(size);
        cut.reserve(whole.size() + 256);
        // What follows the cut in memory looks like more turns.
        memset(cut.data() + size, ' ', std::size_t(cut.capacity() - size));
        const auto cutReading = UsageDecoder::decodeUsagePageKeepingJson(cut);
        const auto cutExporting = UsageDecoder::decodeUsagePageForExport(cut);
        QVERIFY(!cutReading.ok());
        QVERIFY(!cutExporting.ok());
        QCOMPARE(cutExporting.error().message, cutReading.error().message);
    }
}
