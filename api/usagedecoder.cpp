#include "usagedecoder.h"
#include "sharedblocks.h"
#include "usagequery.h"

#include <QStringDecoder>

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstring>
#include <list>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

/// A cheap code of a key, usable in case labels: its length and its first two and last bytes.
/// The decoder switches on it and then compares the whole key, so two keys sharing a code
/// can never set the wrong field; the compiler rejects two known keys with the same code.
constexpr quint32 keyHash(std::string_view key)
{
    const auto byte = [&](std::size_t i) {
        return i < key.size() ? quint32(static_cast<unsigned char>(key[i])) : 0u;
    };
    const std::size_t n = key.size();
    return (quint32(n & 0xff) << 24) | (byte(0) << 16) | (byte(1) << 8) | (n ? byte(n - 1) : 0u);
}

/// Whether `key` is the literal `name`; with the length known at compile time the comparison
/// is a few instructions, not a call, which matters for the ~40 keys of every session.
template<std::size_t N> bool isKey(std::string_view key, const char (&name)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

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

/// Length of the string text at `p` up to its closing quote or first backslash. `p` lies inside
/// a padded, validated document: the closing quote exists, and reading a little past it stays
/// inside the padding.
std::size_t scanToQuoteOrBackslash(const char *p)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (std::size_t i = 0;; i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const int mask = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
        if (mask)
            return i + std::size_t(__builtin_ctz(unsigned(mask)));
    }
#else
    std::size_t i = 0;
    while (p[i] != '"' && p[i] != '\\')
        ++i;
    return i;
#endif
}

/// A key the decoder expects, with its closing quote, padded so that it can be compared with
/// the document 16 bytes at a time.
class ExpectedKey
{
public:
    consteval ExpectedKey(std::string_view key)
        : m_length(key.size())
    {
        if (key.size() + 1 > sizeof(m_text))
            throw "key too long"; // refused at compile time
        for (std::size_t i = 0; i < key.size(); ++i)
            m_text[i] = key[i];
        m_text[key.size()] = '"';
    }
    [[nodiscard]] std::string_view view() const { return {m_text, m_length}; }
    /// Whether the key text at `raw` (after its opening quote, inside a padded document) is
    /// exactly this key.
    [[nodiscard]] bool isAt(const char *raw) const
    {
#if defined(__SSE2__)
        const std::size_t n = m_length + 1;
        const auto equal = [&](std::size_t offset) {
            return unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(raw + offset)),
                _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_text + offset)))));
        };
        if (n <= 16) {
            const unsigned mask = (1u << n) - 1;
            return (equal(0) & mask) == mask;
        }
        const unsigned mask = (1u << (n - 16)) - 1;
        return equal(0) == 0xffffu && (equal(16) & mask) == mask;
#else
        return std::memcmp(raw, m_text, m_length + 1) == 0;
#endif
    }

private:
    char m_text[32] = {};
    std::size_t m_length = 0;
};

/// The keys of a session and of a turn in the order the API writes them.
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
constexpr ExpectedKey TurnKeys[] = {{"role"}, {"text"}, {"turn_index"}, {"ts"}};

StringInterner &threadInterner()
{
    thread_local StringInterner interner;
    return interner;
}

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

} // namespace

namespace {

namespace od = simdjson::ondemand;

od::parser &threadParser()
{
    thread_local od::parser parser;
    return parser;
}

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
    bool failJson(simdjson::error_code code)
    {
        if (code == simdjson::INCORRECT_TYPE || code == simdjson::NUMBER_ERROR)
            return fail("unexpected type");
        return fail(std::string("malformed JSON (") + simdjson::error_message(code) + ")");
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
    [[nodiscard]] QString error() const
    {
        if (!m_failed)
            return {};
        std::string path;
        for (auto it = m_unwound.rbegin(); it != m_unwound.rend(); ++it) {
            if (it->index >= 0) {
                path += '[';
                path += std::to_string(it->index);
                path += ']';
            } else {
                if (!path.empty())
                    path += '.';
                path += it->key;
            }
        }
        if (path.empty())
            path = m_rootName;
        const QString text = QString::fromUtf8(m_what.data(), qsizetype(m_what.size()));
        return path.empty() ? text
                            : QString::fromUtf8(path.data(), qsizetype(path.size())) +
                                  QStringLiteral(": ") + text;
    }
    /// What to call the value being read when the failure is at the top of it.
    void setRootName(std::string name) { m_rootName = std::move(name); }
    [[nodiscard]] Transcript::Builder &transcriptBuilder() { return m_transcript; }
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
        if (!err)
            return true;
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
        const std::size_t plain = scanToQuoteOrBackslash(text);
        if (text[plain] == '"') {
            out = std::string_view(text, plain);
            return true;
        }
        std::size_t escapedLength = plain;
        while (text[escapedLength] != '"') {
            escapedLength += 2; // the backslash and the character it escapes
            escapedLength += scanToQuoteOrBackslash(text + escapedLength);
        }
        m_unescaped.emplace_back(escapedLength + simdjson::SIMDJSON_PADDING);
        uint8_t *dst = m_unescaped.back().data();
        const od::raw_json_string raw(reinterpret_cast<const uint8_t *>(text));
        if (const auto err = m_parser.unescape(raw, dst).get(out))
            return failJson(err);
        return true;
    }
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
    bool url(od::value &v, QUrl &out)
    {
        QString text;
        if (!string(v, text))
            return false;
        out = text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
        return true;
    }
    /// Any JSON value kept verbatim (metadata belongs to whoever started the call).
    bool rawJson(od::value &v, QByteArray &out)
    {
        od::json_type type;
        if (const auto err = v.type().get(type))
            return failJson(err);
        std::string_view raw;
        simdjson::error_code err = simdjson::SUCCESS;
        if (type == od::json_type::object) {
            od::object object;
            err = v.get_object().get(object);
            if (!err)
                err = object.raw_json().get(raw);
        } else if (type == od::json_type::array) {
            od::array array;
            err = v.get_array().get(array);
            if (!err)
                err = array.raw_json().get(raw);
        } else if (type == od::json_type::null) {
            out.clear();
            return true;
        } else {
            raw = v.raw_json_token();
        }
        if (err)
            return failJson(err);
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' ||
                                raw.back() == '\t'))
            raw.remove_suffix(1);
        out = QByteArray(m_bytes.copyOf(raw.data(), qsizetype(raw.size())));
        return true;
    }

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
    /// escapes (all of the API's) are read in place; only an escaped key is unescaped.
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
            } else if (const std::size_t n = scanToQuoteOrBackslash(raw); raw[n] == '"') {
                key = std::string_view(raw, n);
            } else if (const auto err = field.unescaped_key().get(key)) {
                return failJson(err);
            }
            ++position;
            if (!onField(key, field.value())) {
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
    bool m_sealed = false;
};

/// One turn, appended to `out` once all its fields are read (they may come in any order). The
/// text goes into the transcript's buffer as the UTF-8 it arrived in.
bool readTurn(Reader &r, od::value &v, Transcript::Builder &out)
{
    od::object object;
    bool isNull = false;
    if (!r.object(v, object, false, isNull))
        return false;
    TranscriptTurn::Role role = TranscriptTurn::Role::Other;
    qint32 turnIndex = 0;
    double ts = 0;
    std::string_view text;
    const bool ok = r.forEachField(
        object,
        [&](std::string_view key, od::value &value) {
            switch (keyHash(key)) {
            case keyHash("text"): {
                bool textNull = false;
                return !isKey(key, "text") || r.stringView(value, text, textNull);
            }
            case keyHash("ts"):
                return !isKey(key, "ts") || r.number(value, ts);
            case keyHash("turn_index"):
                return !isKey(key, "turn_index") || r.integer32(value, turnIndex);
            case keyHash("role"): {
                if (!isKey(key, "role"))
                    return true;
                std::string_view name;
                bool roleNull = false;
                if (!r.stringView(value, name, roleNull))
                    return false;
                role = isKey(name, "assistant") ? TranscriptTurn::Role::Assistant
                       : isKey(name, "user")    ? TranscriptTurn::Role::User
                                                : TranscriptTurn::Role::Other;
                return true;
            }
            default:
                return true;
            }
        },
        TurnKeys);
    if (ok)
        out.append(role, turnIndex, ts, text);
    return ok;
}

bool readTranscript(Reader &r, od::value &v, Transcript &out)
{
    od::array array;
    bool isNull = false;
    out.clear(); // a repeated key replaces, as in every JSON reader users compare with
    if (!r.array(v, array, true, isNull))
        return false;
    if (isNull)
        return true;
    Transcript::Builder &turns = r.transcriptBuilder();
    turns.clear();
    if (!r.forEachElement(array, [&](od::value &element) { return readTurn(r, element, turns); }))
        return false;
    out = turns.take();
    return true;
}

/// Whether a JSON string, given by its raw text after the opening quote, is exactly `turns`
/// written as lines (Transcript::linesUtf8). The text is compared as it stands, unescaping
/// simple escapes on the way; anything else (a \u escape, a turn of another role) answers no,
/// and the caller then keeps the text itself.
/// What the character after a backslash stands for, for the escapes of one character; 0 for
/// \u and anything invalid.
constexpr auto SimpleEscapes = [] {
    std::array<char, 256> table{};
    table['n'] = '\n';
    table['t'] = '\t';
    table['r'] = '\r';
    table['b'] = '\b';
    table['f'] = '\f';
    table['"'] = '"';
    table['\\'] = '\\';
    table['/'] = '/';
    return table;
}();

bool isTranscriptAsLines(const char *raw, const Transcript &turns)
{
    const char *p = raw;
    // One character of the expected text against the text at p, where it may be escaped. A \u
    // escape answers no: it is left to the full unescaping, as are invalid escapes, so that
    // their error is reported as for any other string.
    const auto step = [&p](char expected) {
        if (*p == '\\') {
            if (SimpleEscapes[static_cast<unsigned char>(p[1])] != expected || expected == 0)
                return false;
            p += 2;
            return true;
        }
        if (*p == '"' || *p != expected)
            return false;
        ++p;
        return true;
    };
    // Compares `n` expected bytes at x, which may be read up to `readable`.
    const auto consume = [&](const char *x, std::size_t n, const char *readable) {
#if defined(__SSE2__)
        // 16 bytes at a time while they are equal and free of quotes and backslashes, and the
        // last few with one masked comparison; one character at a time around an escape or a
        // difference. The document is padded, so reading 16 bytes at p never leaves it.
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        while (n > 0 && x + 16 <= readable) {
            const unsigned live = n >= 16 ? 0xffffu : (1u << n) - 1;
            const __m128i have = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i want = _mm_loadu_si128(reinterpret_cast<const __m128i *>(x));
            const __m128i special =
                _mm_or_si128(_mm_cmpeq_epi8(have, quote), _mm_cmpeq_epi8(have, backslash));
            if ((unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(have, want))) & live) == live &&
                (unsigned(_mm_movemask_epi8(special)) & live) == 0) {
                const std::size_t done = n >= 16 ? 16 : n;
                p += done;
                x += done;
                n -= done;
                continue;
            }
            if (!step(*x))
                return false;
            ++x;
            --n;
        }
#else
        Q_UNUSED(readable);
#endif
        for (; n > 0; --n, ++x)
            if (!step(*x))
                return false;
        return true;
    };
    // The labels, padded so that they can be read 16 bytes at a time.
    static constexpr char assistant[16] = "Assistant: ";
    static constexpr char user[16] = "User: ";
    const QByteArrayView all = turns.allTextUtf8();
    for (qsizetype i = 0; i < turns.size(); ++i) {
        if (i > 0 && !step('\n'))
            return false;
        const auto role = turns.role(i);
        if (role != TranscriptTurn::Role::Assistant && role != TranscriptTurn::Role::User)
            return false;
        const bool isAssistant = role == TranscriptTurn::Role::Assistant;
        const char *label = isAssistant ? assistant : user;
        const std::size_t labelLength =
            isAssistant ? sizeof("Assistant: ") - 1 : sizeof("User: ") - 1;
        const QByteArrayView text = turns.textUtf8(i);
        if (!consume(label, labelLength, label + sizeof(assistant)) ||
            !consume(text.data(), std::size_t(text.size()), all.data() + all.size()))
            return false;
    }
    return *p == '"';
}

/// `transcript_text` repeats the turns (a third of a session's bytes): when it is exactly the
/// turns read before it, only a flag is kept and the text is rebuilt when someone asks.
bool readTranscriptText(Reader &r, od::value &v, SessionSummary &s)
{
    const char *raw = nullptr;
    bool isNull = false;
    if (!r.rawString(v, raw, isNull))
        return false;
    s.transcriptTextUtf8.clear();
    s.transcriptTextIsTurns = false;
    if (isNull)
        return true;
    if (!s.transcript.isEmpty() && isTranscriptAsLines(raw, s.transcript)) {
        s.transcriptTextIsTurns = true;
        return true;
    }
    std::string_view text;
    if (!r.unescaped(raw, text))
        return false;
    s.transcriptTextUtf8 = QByteArray(text.data(), qsizetype(text.size()));
    return true;
}

bool readSession(Reader &r, od::value &v, SessionSummary &s)
{
    od::object object;
    bool isNull = false;
    if (!r.object(v, object, false, isNull))
        return false;
    bool haveSessionId = false;
    const bool ok = r.forEachField(
        object,
        [&](std::string_view key, od::value &value) {
    // One switch on a hash of the key instead of a chain of comparisons; each case still
    // compares the key itself, so that a collision can never assign the wrong field.
#define FIELD(name, expr)                                                                          \
    case keyHash(name):                                                                            \
        if (isKey(key, name))                                                                      \
            return (expr);                                                                         \
        return true;
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
                    return true;
                if (s.transcriptTextIsTurns) {
                    // A second "transcript" replaces the turns the text was found equal to.
                    s.transcriptTextUtf8 = s.transcript.linesUtf8();
                    s.transcriptTextIsTurns = false;
                }
                return readTranscript(r, value, s.transcript);
            case keyHash("user"): {
                if (!isKey(key, "user"))
                    return true;
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
                    return true;
                if (!r.sharedString(value, s.recordingStatusText))
                    return false;
                s.recordingStatus = recordingStatusFromName(s.recordingStatusText);
                return true;
            default:
                return true; // unknown fields are the server's business
            }
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

/// Opens the document and its root object; false with the error recorded in `r`.
bool openRoot(Reader &r, simdjson::padded_string_view input, od::document &doc, od::object &root,
              bool quiet = false)
{
    if (const auto err = threadParser().iterate(input).get(doc))
        return quiet ? false : r.failJson(err);
    if (const auto err = doc.get_object().get(root)) {
        if (quiet)
            return false;
        return r.fail(err == simdjson::INCORRECT_TYPE ? "expected a JSON object"
                                                      : "malformed JSON");
    }
    return true;
}

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

Result<UsagePage> parseUsagePage(StringInterner &interner, simdjson::padded_string_view input)
{
    UsagePage page;
    if (auto error = readEnvelope(interner, input, &page.message, [&](Reader &r, od::value &v) {
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

Result<AuthTokens> parseTokens(StringInterner &interner, simdjson::padded_string_view input)
{
    Reader r(interner, threadParser());
    od::document doc;
    od::object root;
    AuthTokens tokens;
    if (!openRoot(r, input, doc, root))
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    const auto readPair = [&](std::string_view key, od::value &value) {
        if (key == "access")
            return r.string(value, tokens.access);
        if (key == "refresh")
            return r.string(value, tokens.refresh);
        return true;
    };
    // Login answers bare tokens; a server that wraps them in the envelope is accepted too.
    const bool ok = r.forEachField(root, [&](std::string_view key, od::value &value) {
        if (key != "data")
            return readPair(key, value);
        od::object inner;
        bool isNull = false;
        if (!r.object(value, inner, true, isNull))
            return false;
        return isNull || r.forEachField(inner, [&](std::string_view k, od::value iv) {
            return readPair(k, iv);
        });
    });
    if (!ok)
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    if (tokens.access.isEmpty())
        return ApiError::make(ApiError::Kind::MalformedResponse, QStringLiteral("access: missing"));
    return tokens;
}

Result<QList<CharacterInfo>> parseCharacters(StringInterner &interner,
                                             simdjson::padded_string_view input)
{
    QList<CharacterInfo> list;
    const auto readList = [&](Reader &r, od::array &array) {
        return r.forEachElement(array, [&](od::value &element) {
            od::object object;
            bool isNull = false;
            if (!r.object(element, object, false, isNull))
                return false;
            CharacterInfo info;
            const bool ok = r.forEachField(object, [&](std::string_view key, od::value &value) {
                if (key == "slug")
                    return r.string(value, info.slug);
                if (key == "name")
                    return r.string(value, info.name);
                if (key == "tenant_id")
                    return r.string(value, info.tenantId);
                return true;
            });
            if (ok && !info.slug.isEmpty())
                list.append(info);
            return ok;
        });
    };
    if (auto error = readEnvelope(interner, input, nullptr, [&](Reader &r, od::value &v) {
            // Either a bare list or a paginated block holding one.
            od::json_type type;
            if (const auto err = v.type().get(type))
                return r.failJson(err);
            od::array array;
            bool isNull = false;
            if (type == od::json_type::array)
                return r.array(v, array, false, isNull) && readList(r, array);
            od::object object;
            if (!r.object(v, object, false, isNull))
                return false;
            return r.forEachField(object, [&](std::string_view key, od::value &value) {
                if (key != "data" && key != "results")
                    return true;
                return r.array(value, array, false, isNull) && readList(r, array);
            });
        }))
        return *error;
    return list;
}

void parseErrorBody(StringInterner &interner, simdjson::padded_string_view input, ApiError &error)
{
    Reader r(interner, threadParser());
    od::document doc;
    od::object root;
    if (!openRoot(r, input, doc, root, true))
        return;
    QString message, detail;
    QMap<QString, QStringList> fields;
    const auto appendMessages = [&](od::value &list, QStringList &messages) {
        od::json_type type;
        if (list.type().get(type))
            return false;
        QString one;
        if (type == od::json_type::string) {
            if (r.string(list, one))
                messages.append(one);
            return true;
        }
        od::array array;
        bool arrayNull = false;
        if (!r.array(list, array, true, arrayNull) || arrayNull)
            return true;
        return r.forEachElement(array, [&](od::value item) {
            QString text;
            if (r.string(item, text))
                messages.append(text);
            return true;
        });
    };
    const bool ok = r.forEachField(root, [&](std::string_view key, od::value &value) {
        if (key == "message")
            return r.string(value, message);
        if (key == "detail")
            return r.string(value, detail);
        if (key != "errors")
            return true;
        od::object errors;
        bool isNull = false;
        if (!r.object(value, errors, true, isNull) || isNull)
            return true;
        return r.forEachField(errors, [&](std::string_view field, od::value list) {
            return appendMessages(list,
                                  fields[QString::fromUtf8(field.data(), qsizetype(field.size()))]);
        });
    });
    if (!ok && message.isEmpty() && detail.isEmpty())
        return;
    error.message = !message.isEmpty() ? message : detail;
    error.fieldErrors = fields;
}

} // namespace

namespace UsageDecoder {

Result<UsagePage> decodeUsagePage(const QByteArray &body)
{
    const PaddedInput input(body);
    return parseUsagePage(threadInterner(), input.view());
}

Result<SessionSummary> decodeSessionDetail(const QByteArray &body)
{
    const PaddedInput input(body);
    return parseSessionDetail(threadInterner(), input.view());
}

Result<AuthTokens> decodeTokens(const QByteArray &body)
{
    const PaddedInput input(body);
    return parseTokens(threadInterner(), input.view());
}

Result<QList<CharacterInfo>> decodeCharacters(const QByteArray &body)
{
    const PaddedInput input(body);
    return parseCharacters(threadInterner(), input.view());
}

void readErrorBody(const QByteArray &body, ApiError &error)
{
    const PaddedInput input(body);
    parseErrorBody(threadInterner(), input.view(), error);
}

} // namespace UsageDecoder
