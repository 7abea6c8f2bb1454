// The checks a decode that keeps each session's JSON makes on the values it does not read itself
// (unknown fields, metadata, a turn's unknown fields): an export writes them as they stand, so a
// malformed one must fail the page, exactly where a whole parse of the session would fail.
#include "api/sessionjson.h"
#include "api/usagedecoder.h"
#include "tests/api/tst_usagedecoder.h"

#include <QTest>

#include <simdjson.h>

using UsageDecoderTests::pageOf;

namespace {

/// simdjson's DOM parser on the session alone: what the check of a kept session must agree with.
simdjson::error_code domVerdict(const QByteArray &session)
{
    simdjson::dom::parser parser;
    return parser.parse(session.constData(), std::size_t(session.size())).error();
}

QByteArray nested(int depth, const QByteArray &inner)
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

/// Where a value can stand that the decoder does not read, each with the nesting it is at.
const QList<std::pair<const char *, QByteArray>> &places()
{
    static const QList<std::pair<const char *, QByteArray>> all{
        {"unknown field", R"({"session_id":"s","x":@,"turn_count":2})"},
        {"in metadata", R"({"session_id":"s","metadata":{"a":[1,{"b":@}],"c":0}})"},
        {"turn's unknown field",
         R"({"session_id":"s","transcript":[{"role":"user","text":"hi","x":@,"ts":1.5}]})"},
        {"pretty-printed", "{\n  \"session_id\": \"s\",\n  \"x\": [ @ , 1 ]\n}"},
    };
    return all;
}

} // namespace

void TestUsageDecoder::keptJsonIsJudgedAsAWholeParseJudgesIt_data()
{
    QTest::addColumn<QByteArray>("session");
    const QList<QByteArray> values{
        // Well-formed, as a whole parse reads them.
        "0", "-0", "12.50", "-1.5E+3", "1e-400", "123456789012345678901234567890", "true", "false",
        "null", "{}", "[]", R"("")", R"("caf\u00e9 \"q\" \\ \/ \b\f\n\r\t")", R"("\ud83d\ude00")",
        "\"\xc3\xa9\"", R"({"k\u0041":1,"k\"":[true,null]})", R"({"a":{"a":1},"a":2})",
        nested(20, "1"),
        // Malformed: numbers.
        "01", "1.", "-", "1e", ".5", "+1", "1e999", "-1e999", "0x10", "1.5.2", "--1", "1_0",
        // Atoms.
        "tru", "fals", "nul", "nulll", "truex", "True", "NULL", "falsey",
        // Strings and keys.
        R"("\x")", R"("\u12G4")", R"("\u00")", R"("\ud800")", R"("\udc00x")", R"({"\q":1})",
        R"({"a\u00":1})",
        // Structure.
        "[1 2]", R"({"a" 1})", R"({"a":1,})", "[1,]", "{1:2}", R"({"a":})", "[,1]",
        R"({"a":1 "b":2})", "[}", R"({"a"})", R"({,})"};
    for (const auto &[place, pattern] : places()) {
        for (const QByteArray &value : values) {
            QByteArray session = pattern;
            session.replace("@", value);
            QTest::addRow("%s: %s", place, value.left(40).constData()) << session;
        }
    }
    // The nesting a whole parse allows, at its limit and one past it.
    for (const int depth : {1020, 1021, 1022, 1023, 1024, 1025}) {
        const QByteArray session = R"({"session_id":"s","x":)" + nested(depth, "1") + "}";
        QTest::addRow("arrays %d deep in an unknown field", depth) << session;
    }
}

void TestUsageDecoder::keptJsonIsJudgedAsAWholeParseJudgesIt()
{
    QFETCH(QByteArray, session);
    const simdjson::error_code dom = domVerdict(session);
    const auto page = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    const auto read = SessionJson::read(std::string_view(session.constData(), session.size()));
    const QString domText =
        QStringLiteral("malformed JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(dom)));
    if (dom != simdjson::SUCCESS) {
        QVERIFY2(!page.ok(), qPrintable(domText));
        QCOMPARE(page.error().kind, ApiError::Kind::MalformedResponse);
        // Where the check of the decoder found it, the session is named, and the error is the
        // whole parse's; simdjson's first stage may refuse the page before that.
        const QString &message = page.error().message;
        QVERIFY2(message == QStringLiteral("sessions.data[0]: ") + domText ||
                     (message.startsWith(u"malformed JSON (") && !message.contains(u':')),
                 qPrintable(message + QStringLiteral(" / ") + domText));
        QVERIFY(std::holds_alternative<QString>(read));
        QCOMPARE(std::get<QString>(read), domText);
        return;
    }
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    QVERIFY2(std::holds_alternative<SessionJsonPointer>(read),
             qPrintable(std::get_if<QString>(&read) ? *std::get_if<QString>(&read) : QString()));
    // Both ways to a SessionJson give the same one.
    const SessionJson &decoded = *page.value().sessions.first().sourceJson;
    const SessionJson &alone = *std::get<SessionJsonPointer>(read);
    QCOMPARE(decoded.bytes(), alone.bytes());
    QVERIFY(!decoded.bytes().contains('\n'));
    QCOMPARE(decoded.line(false), alone.line(false));
    QCOMPARE(decoded.fields().size(), alone.fields().size());
    for (qsizetype i = 0; i < decoded.fields().size(); ++i) {
        const SessionJson::Field &a = decoded.fields().at(i);
        const SessionJson::Field &b = alone.fields().at(i);
        QCOMPARE(a.key.toByteArray(), b.key.toByteArray());
        QCOMPARE(a.kind, b.kind);
        QCOMPARE(a.value.toByteArray(), b.value.toByteArray());
    }
    QCOMPARE(decoded.field("session_id")->value.toByteArray(), QByteArray("s"));
}

void TestUsageDecoder::malformedValuesTheDecoderSkipsFailThePage_data()
{
    QTest::addColumn<QByteArray>("session");
    QTest::addColumn<QString>("error");
    const QString number = QStringLiteral("Problem while parsing a number");
    QTest::newRow("bad atom in an unknown object")
        << QByteArray(R"({"session_id":"s","x":{"deep":[1,{"a":tru}]}})")
        << QStringLiteral("Problem while parsing an atom starting with the letter 't'");
    QTest::newRow("bad number in metadata")
        << QByteArray(R"({"session_id":"s","metadata":{"n":[1,-]},"turn_count":1})") << number;
    QTest::newRow("bad escape in a turn's unknown field")
        << QByteArray(R"({"session_id":"s","transcript":[{"role":"user","text":"a","x":"\x"}]})")
        << QStringLiteral("Problem while parsing a string");
    QTest::newRow("bad null in the second turn")
        << QByteArray(R"({"session_id":"s","transcript":[{"role":"user","text":"a"},)"
                      R"({"role":"assistant","text":"b","extra":{"k":nul}}]})")
        << QStringLiteral("Problem while parsing an atom starting with the letter 'n'");
    QTest::newRow("number with a leading zero after the known fields")
        << QByteArray(R"({"session_id":"s","turn_count":3,"x_score":007})") << number;
}

void TestUsageDecoder::malformedValuesTheDecoderSkipsFailThePage()
{
    QFETCH(QByteArray, session);
    QFETCH(QString, error);
    // The session stands second on its page: the page fails as a whole, naming the session.
    const QByteArray good = R"({"session_id":"ok","turn_count":1})";
    const auto page = UsageDecoder::decodeUsagePageKeepingJson(pageOf(good + ',' + session));
    QVERIFY(!page.ok());
    QCOMPARE(page.error().kind, ApiError::Kind::MalformedResponse);
    QCOMPARE(page.error().message,
             QStringLiteral("sessions.data[1]: malformed JSON (%1)").arg(error));
    QCOMPARE(domVerdict(session) != simdjson::SUCCESS, true);
}

void TestUsageDecoder::skippedValuesAreNotCheckedWhenNothingIsKept()
{
    // The window's pages keep nothing to write out: a turn's unknown field stays unread there,
    // as before, and an unknown field is kept as its text.
    const QByteArray session =
        R"({"session_id":"s","transcript":[{"role":"user","text":"a","x":[1,tru]}],"y":{"a":1}})";
    const auto page = UsageDecoder::decodeUsagePage(pageOf(session));
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    const SessionSummary &s = page.value().sessions.first();
    QCOMPARE(s.transcript.size(), 1);
    QCOMPARE(s.otherFields.size(), 1);
    QCOMPARE(s.otherFields.first().json, QByteArray(R"({"a":1})"));
    QVERIFY(!UsageDecoder::decodeUsagePageKeepingJson(pageOf(session)).ok());
}

void TestUsageDecoder::numbersTheDecoderReadsAreJudgedAsAWholeParseJudgesThem_data()
{
    QTest::addColumn<QByteArray>("session");
    const QByteArray patterns[] = {
        R"({"session_id":"s","session_duration_seconds":@})",
        R"({"session_id":"s","transcript":[{"role":"user","text":"a","turn_index":0,"ts":@}]})",
    };
    const QByteArray numbers[] = {"0",
                                  "12.5",
                                  "1e-400",
                                  "9223372036854775807",
                                  "9223372036854775808",
                                  "18446744073709551615",
                                  "18446744073709551616",
                                  "-9223372036854775808",
                                  "-9223372036854775809",
                                  "123456789012345678901234567890",
                                  "1.5e300",
                                  "1e999",
                                  "01",
                                  "1."};
    for (const QByteArray &pattern : patterns) {
        for (const QByteArray &number : numbers) {
            QByteArray session = pattern;
            session.replace("@", number);
            QTest::addRow("%s in %.30s", number.constData(), pattern.constData()) << session;
        }
    }
}

void TestUsageDecoder::numbersTheDecoderReadsAreJudgedAsAWholeParseJudgesThem()
{
    // The decoder reads these as doubles; a kept session is refused where a whole parse of it
    // refuses it, so that an export's verdict did not change when the whole parse went.
    QFETCH(QByteArray, session);
    const bool whole = domVerdict(session) == simdjson::SUCCESS;
    const auto page = UsageDecoder::decodeUsagePageKeepingJson(pageOf(session));
    QVERIFY2(page.ok() == whole, qPrintable(page.ok() ? QString() : page.error().message));
    // Named by the field when the decoder's own reading refuses it (as before the whole parse
    // went), by the session when only the whole parse would have.
    if (!whole)
        QVERIFY2(page.error().message.startsWith(u"sessions.data[0]"),
                 qPrintable(page.error().message));
}
