#pragma once

#include "api/apierror.h"
#include "api/jsonscan.h"
#include "api/money.h"
#include "api/sharedblocks.h"
#include "api/transcript.h"
#include "api/usagequery.h"

#include <QDateTime>
#include <QStringDecoder>
#include <QUrl>

#include <simdjson.h>

#include <list>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

/// The parts every decoder of an API answer shares: the padded input, the per-thread parser,
/// and Reader, which reads typed values out of simdjson On-Demand values and names the path of
/// the first one that is wrong. Internal to the API library (see usagedecoder.h for its face).
namespace JsonDecoding {

namespace od = simdjson::ondemand;
using JsonScan::ExpectedKey;
using JsonScan::isKey;
using JsonScan::keyHash;

/// Shares one QString per distinct value of the fields that repeat from session to session
/// (a few dozen slugs, models and providers), per thread. Bounded: when it holds
/// `MaxEntries` values it starts over, so a hostile server sending unique values costs at most
/// that many strings.
class StringInterner
{
public:
    static constexpr std::size_t MaxEntries = 4096;

    QString intern(std::string_view text)
    {
        const auto it = m_strings.find(text);
        if (it != m_strings.end())
            return it->second;
        if (m_strings.size() >= MaxEntries)
            m_strings.clear();
        QString value = QString::fromUtf8(text.data(), qsizetype(text.size()));
        m_strings.emplace(std::string(text), value);
        return value;
    }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const
        {
            return std::hash<std::string_view>()(s);
        }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_strings;
};

/// The interner and the parser of the calling thread: decoders run on any thread at once.
StringInterner &threadInterner();
od::parser &threadParser();

/// Holds the bytes simdjson reads: the reply itself when it has spare capacity for the padding
/// simdjson needs (ApiClient reserves it), otherwise one padded copy.
class PaddedInput
{
public:
    explicit PaddedInput(const QByteArray &body)
    {
        const auto size = std::size_t(body.size());
        if (std::size_t(body.capacity()) >= size + simdjson::SIMDJSON_PADDING) {
            m_view =
                simdjson::padded_string_view(body.constData(), size, std::size_t(body.capacity()));
        } else {
            m_copy = simdjson::padded_string(body.constData(), size);
            m_view = simdjson::padded_string_view(m_copy);
        }
    }
    [[nodiscard]] simdjson::padded_string_view view() const { return m_view; }

private:
    simdjson::padded_string m_copy;
    simdjson::padded_string_view m_view;
};

/// Checks all of a value nobody reads otherwise, as simdjson's DOM parser would: every number
/// parsed, every true, false and null spelled right, every key and string with valid escapes
/// (stage one has checked the UTF-8 and the control characters of the whole document), and the
/// structure of every object and array in it. `depth` is the value's nesting in the object that
/// is kept (1 for the object itself); past simdjson's maximum depth it is refused, as the DOM
/// parser refuses it, which also bounds the recursion. Leaves the value read. The errors are
/// the DOM parser's for the same text.
simdjson::error_code checkJson(const od::parser &parser, od::value &v, std::size_t depth);
/// A parser whose own depth limit lies above checkJson's, which counts from the kept object while
/// the parser counts from the page around it: with asserting builds of simdjson, a value nested
/// as deep as checkJson allows would otherwise trip the parser's limit first.
void allowCheckedDepth(od::parser &parser);

/// Walks one document. The path to the value being read is kept as a stack of views into the
/// document (cheap to push on every field) and only turned into text when an error needs it.
class Reader
{
public:
    Reader(StringInterner &interner, const od::parser &parser)
        : m_interner(interner)
        , m_parser(parser)
    {}

    /// Records the first failure. The path to it is collected while the failure unwinds
    /// (see forEachField), so that reading a valid document never spends time on paths.
    bool fail(std::string_view what)
    {
        if (!m_failed) {
            m_failed = true;
            m_what = what;
        }
        return false;
    }
    bool failJson(simdjson::error_code code);
    /// A value of a kept session that checkJson refused. It is named by the session's path,
    /// as a whole-object check names it (see unwindToSession).
    bool failKeptJson(simdjson::error_code code);
    /// Called by the session reader when its fields fail: a failure of failKeptJson is then
    /// named by the session, not by the member inside it.
    void unwindToSession()
    {
        if (m_keptJsonFailed)
            m_unwound.clear();
    }
    bool failMissing(std::string_view member)
    {
        if (!m_failed) {
            fail("missing");
            m_unwound.push_back({member, -1});
        }
        return false;
    }
    [[nodiscard]] bool failed() const { return m_failed; }
    /// "sessions.data[3].turn_count: expected an integer"
    [[nodiscard]] QString error() const;
    /// What to call the value being read when the failure is at the top of it.
    void setRootName(std::string name) { m_rootName = std::move(name); }
    [[nodiscard]] Transcript::Builder &transcriptBuilder() { return m_transcript; }
    /// Whether sessions keep their own JSON (UsageDecoder::Options::keepSessionJson).
    void setKeepSessionJson(bool keep) { m_keepSessionJson = keep; }
    [[nodiscard]] bool keepsSessionJson() const { return m_keepSessionJson; }
    /// Where the document ends (its padding follows), for a scan of its bytes that must not
    /// run on into the padding of a truncated document.
    void setDocumentEnd(const char *end) { m_documentEnd = end; }
    [[nodiscard]] const char *documentEnd() const { return m_documentEnd; }
    /// Whether transcript turns are kept (UsageDecoder::Options::readTurns), or only checked.
    void setReadTurns(bool read) { m_readTurns = read; }
    [[nodiscard]] bool readsTurns() const { return m_readTurns; }
    [[nodiscard]] const od::parser &parser() const { return m_parser; }
    /// Set while the reader is inside a session that keeps its JSON (not, say, in the totals).
    void setInKeptSession(bool inside) { m_inKeptSession = inside; }
    /// checkJson on a value that a kept session writes out but the decoder does not read.
    bool checkValue(od::value &v, std::size_t depth)
    {
        const auto err = checkJson(m_parser, v, depth);
        return err ? failKeptJson(err) : true;
    }
    /// The exact text of a value that starts at `begin`, once it has been read whole: up to
    /// where the reader now stands, without the whitespace before that.
    bool textUpToHere(od::value &v, const char *begin, std::string_view &out);
    /// Stops collecting the path: what encloses the value being read is not part of its name.
    void sealPath() { m_sealed = true; }

    bool checkNull(od::value &v, bool &isNull)
    {
        const auto err = v.is_null().get(isNull);
        return err ? failJson(err) : true;
    }

    // The readers below try the expected type first and look for null only when that fails:
    // a value is nearly always of its type, and a failed attempt leaves it unread.

    /// After `err` from reading a value as some type: true (with `isNull`) when the value is
    /// null, false (failure recorded) when it is something else, named by `expected`.
    bool nullOr(od::value &v, simdjson::error_code err, const char *expected, bool &isNull)
    {
        if (err != simdjson::INCORRECT_TYPE && err != simdjson::NUMBER_ERROR)
            return failJson(err);
        if (!checkNull(v, isNull))
            return false;
        return isNull ? true : fail(expected);
    }
    bool integer(od::value &v, qint64 &out, bool required = false)
    {
        int64_t x = 0;
        const auto err = v.get_int64().get(x);
        if (!err) {
            out = x;
            return true;
        }
        if (err == simdjson::NUMBER_OUT_OF_RANGE)
            return fail("integer out of range");
        bool isNull = false;
        if (!nullOr(v, err, "expected an integer", isNull))
            return false;
        return required ? fail("expected an integer, got null") : true;
    }
    bool integer32(od::value &v, qint32 &out)
    {
        qint64 wide = out;
        if (!integer(v, wide))
            return false;
        if (wide < std::numeric_limits<qint32>::min() || wide > std::numeric_limits<qint32>::max())
            return fail("integer out of range");
        out = qint32(wide);
        return true;
    }
    bool number(od::value &v, double &out, bool required = false)
    {
        const auto err = v.get_double().get(out);
        if (!err) {
            // A kept session is judged as simdjson's DOM parser judges it (see checkJson),
            // which refuses an integer beyond 64 bits; only a number this large can be one.
            if (m_inKeptSession && (out >= 9.2e18 || out <= -9.2e18))
                return integerFits(v) || failKeptJson(simdjson::NUMBER_ERROR);
            return true;
        }
        bool isNull = false;
        if (!nullOr(v, err, "expected a number", isNull))
            return false;
        return required ? fail("expected a number, got null") : true;
    }
    /// The text of a string value as it stands in the document, after its opening quote and
    /// before any unescaping; `isNull` says it was null instead.
    bool rawString(od::value &v, const char *&out, bool &isNull)
    {
        od::raw_json_string raw;
        const auto err = v.get_raw_json_string().get(raw);
        if (!err) {
            isNull = false;
            out = reinterpret_cast<const char *>(raw.raw());
            return true;
        }
        return nullOr(v, err, "expected a string", isNull);
    }
    /// The text of the string whose raw text starts at `text`. Most strings have no escapes:
    /// those are read in place, with no copy at all; only a string with a backslash is
    /// unescaped, into a buffer of our own.
    bool unescaped(const char *text, std::string_view &out)
    {
        const std::size_t plain = JsonScan::toQuoteOrBackslash(text);
        if (text[plain] == '"') {
            out = std::string_view(text, plain);
            return true;
        }
        std::size_t escapedLength = plain;
        while (text[escapedLength] != '"') {
            escapedLength += 2; // the backslash and the character it escapes
            escapedLength += JsonScan::toQuoteOrBackslash(text + escapedLength);
        }
        m_unescaped.emplace_back(escapedLength + simdjson::SIMDJSON_PADDING);
        uint8_t *dst = m_unescaped.back().data();
        const od::raw_json_string raw(reinterpret_cast<const uint8_t *>(text));
        if (const auto err = m_parser.unescape(raw, dst).get(out))
            return failJson(err);
        return true;
    }
    /// What unescaped() checks of the string text at `text`, in a scratch buffer: for a string
    /// that is checked but not kept, so that it holds no memory until the end of the decode.
    bool checkEscapes(const char *text);
    bool stringView(od::value &v, std::string_view &out, bool &isNull)
    {
        const char *text = nullptr;
        if (!rawString(v, text, isNull))
            return false;
        return isNull || unescaped(text, out);
    }
    bool string(od::value &v, QString &out, bool required = false)
    {
        std::string_view sv;
        bool isNull = false;
        if (!stringView(v, sv, isNull))
            return false;
        if (isNull)
            return required ? fail("expected a string, got null") : true;
        out = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        return true;
    }
    /// As string(), for text that is read with its session and rarely kept without it: it
    /// shares its storage with other values of the page (see SharedBlocks). The session ID is
    /// not read this way, since it is what lookups and duplicate checks keep.
    bool blockString(od::value &v, QString &out)
    {
        std::string_view sv;
        bool isNull = false;
        if (!stringView(v, sv, isNull))
            return false;
        if (!isNull) {
            // Never more UTF-16 units than UTF-8 bytes.
            auto *begin = reinterpret_cast<QChar *>(m_utf16.reserve(qsizetype(sv.size())));
            const QChar *end = m_utf8Decoder.appendToBuffer(
                begin, QByteArrayView(sv.data(), qsizetype(sv.size())));
            out = QString(m_utf16.take(end - begin));
        }
        return true;
    }
    /// For values that repeat across sessions (slugs, models, providers): one shared QString
    /// per distinct value instead of one allocation per session.
    bool sharedString(od::value &v, QString &out)
    {
        std::string_view sv;
        bool isNull = false;
        if (!stringView(v, sv, isNull))
            return false;
        if (!isNull)
            out = m_interner.intern(sv);
        return true;
    }
    bool boolean(od::value &v, bool &out)
    {
        bool isNull = false;
        if (!checkNull(v, isNull))
            return false;
        if (isNull)
            return true;
        if (const auto err = v.get_bool().get(out))
            return err == simdjson::INCORRECT_TYPE ? fail("expected true or false") : failJson(err);
        return true;
    }
    bool money(od::value &v, Money &out, bool required = false)
    {
        std::string_view sv;
        bool isNull = false;
        if (!stringView(v, sv, isNull))
            return false;
        if (isNull)
            return required ? fail("expected a decimal string, got null") : true;
        const auto parsed = Money::parse(sv);
        if (!parsed)
            return fail("expected a decimal string with at most 6 places");
        out = *parsed;
        return true;
    }
    bool dateTime(od::value &v, QDateTime &out)
    {
        std::string_view sv;
        bool isNull = false;
        if (!stringView(v, sv, isNull))
            return false;
        if (isNull)
            return true;
        const auto micros = parseIsoDateTime(sv);
        if (!micros)
            return fail("expected an ISO-8601 date-time");
        out = dateTimeFromMicros(*micros);
        return true;
    }
    bool url(od::value &v, QUrl &out);
    /// Any JSON value kept verbatim (metadata belongs to whoever started the call). When
    /// sessions keep their JSON, the value is checked whole first (checkJson, at `depth` in the
    /// session), since an export writes it as it stands.
    bool rawJson(od::value &v, QByteArray &out, std::size_t depth = 2);

    bool object(od::value &v, od::object &out, bool allowNull, bool &isNull)
    {
        if (!checkNull(v, isNull))
            return false;
        if (isNull)
            return allowNull ? true : fail("expected an object, got null");
        if (const auto err = v.get_object().get(out))
            return err == simdjson::INCORRECT_TYPE ? fail("expected an object") : failJson(err);
        return true;
    }
    bool array(od::value &v, od::array &out, bool allowNull, bool &isNull)
    {
        if (!checkNull(v, isNull))
            return false;
        if (isNull)
            return allowNull ? true : fail("expected an array, got null");
        if (const auto err = v.get_array().get(out))
            return err == simdjson::INCORRECT_TYPE ? fail("expected an array") : failJson(err);
        return true;
    }

    /// Calls `onField(key, value)` for every member; stops at the first failure. Keys without
    /// escapes (all of the API's) are read in place; only an escaped key is unescaped. An
    /// `onField(key, value, rawKey)` is also given the key's text as it stands in the document
    /// (after its opening quote, before any unescaping).
    /// `expected` lists the keys in the order the API writes them: a key found where it was
    /// expected is recognised by one comparison instead of a search for its end.
    template<typename F>
    bool forEachField(od::object &object, F &&onField, std::span<const ExpectedKey> expected = {})
    {
        std::size_t position = 0;
        for (auto member : object) {
            // Used in place: copying a field out of its result costs a store-forwarding stall
            // per member, measurably slower on pages of thousands of turns.
            if (const auto err = member.error())
                return failJson(err);
            od::field &field = member.value_unsafe();
            std::string_view key;
            const char *raw = reinterpret_cast<const char *>(field.key().raw());
            if (position < expected.size() && expected[position].isAt(raw)) {
                key = expected[position].view();
            } else if (const std::size_t n = JsonScan::toQuoteOrBackslash(raw); raw[n] == '"') {
                key = std::string_view(raw, n);
            } else if (const auto err = field.unescaped_key().get(key)) {
                return failJson(err);
            }
            ++position;
            bool fieldOk = false;
            if constexpr (std::is_invocable_v<F, std::string_view, od::value &, const char *>)
                fieldOk = onField(key, field.value(), raw);
            else
                fieldOk = onField(key, field.value());
            if (!fieldOk) {
                if (!m_sealed)
                    m_unwound.push_back({key, -1});
                return false;
            }
        }
        return true;
    }
    template<typename F> bool forEachElement(od::array &array, F &&onElement)
    {
        std::size_t index = 0;
        for (auto element : array) {
            if (const auto err = element.error())
                return failJson(err);
            od::value &value = element.value_unsafe(); // in place, as in forEachField
            if (!onElement(value)) {
                if (!m_sealed)
                    m_unwound.push_back({{}, qint64(index)});
                return false;
            }
            ++index;
        }
        return true;
    }

private:
    /// Whether a number is not written as an integer, or as one that fits in 64 bits.
    static bool integerFits(od::value &v);

    struct Segment
    {
        std::string_view key;
        qint64 index = -1;
    };
    StringInterner &m_interner;
    const od::parser &m_parser;
    Transcript::Builder m_transcript; ///< reused by every transcript of the document
    /// Storage shared by the short values of a page: 8 KB blocks of text (about ten sessions'
    /// URLs and room names) and 4 KB of metadata.
    SharedBlocks<char16_t> m_utf16{4096, true};
    SharedBlocks<char> m_bytes{4096, true};
    QStringDecoder m_utf8Decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                           QStringDecoder::Flag::ConvertInitialBom};
    std::list<std::vector<uint8_t>> m_unescaped; ///< escaped strings, alive for the whole decode
    std::vector<Segment> m_unwound;              ///< innermost first
    std::string m_rootName;
    std::string m_what;
    bool m_failed = false;
    bool m_keptJsonFailed = false;
    bool m_sealed = false;
    bool m_keepSessionJson = false;
    bool m_inKeptSession = false;
    bool m_readTurns = true;
    const char *m_documentEnd = nullptr;
};

/// Opens the document and its root object; false with the error recorded in `r`.
bool openRoot(Reader &r, simdjson::padded_string_view input, od::document &doc, od::object &root,
              bool quiet = false);

/// Reads the envelope and hands its `data` to `readData`. `success: false` or a missing `data`
/// is an error; the envelope's message is kept for the caller.
template<typename F>
std::optional<ApiError> readEnvelope(StringInterner &interner, simdjson::padded_string_view input,
                                     QString *message, F &&readData)
{
    Reader r(interner, threadParser());
    od::document doc;
    od::object root;
    if (!openRoot(r, input, doc, root))
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    bool success = true, haveData = false;
    QString envelopeMessage;
    const bool ok = r.forEachField(root, [&](std::string_view key, od::value &value) {
        if (key == "success")
            return r.boolean(value, success);
        if (key == "message")
            return r.string(value, envelopeMessage);
        if (key == "data") {
            haveData = true;
            // Paths inside data read as the API documents them: "sessions.data[3]...".
            r.setRootName("data");
            const bool dataOk = readData(r, value);
            if (!dataOk)
                r.sealPath();
            return dataOk;
        }
        return true;
    });
    if (!success) {
        // The envelope's own verdict explains more than whatever its data lacks.
        QString text = QStringLiteral("the server reported failure");
        if (!envelopeMessage.isEmpty())
            text += QStringLiteral(": ") + envelopeMessage;
        return ApiError::make(ApiError::Kind::MalformedResponse, text);
    }
    if (ok && !haveData)
        r.failMissing("data");
    if (r.failed())
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    if (message)
        *message = envelopeMessage;
    return std::nullopt;
}

} // namespace JsonDecoding
