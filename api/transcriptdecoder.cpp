#include "api/transcriptdecoder.h"

#include <array>
#include <cstring>

namespace JsonDecoding {

namespace {

/// The keys of a turn in the order the API writes them.
constexpr ExpectedKey TurnKeys[] = {{"role"}, {"text"}, {"turn_index"}, {"ts"}};

/// One turn, appended to `out` once all its fields are read (they may come in any order). The
/// text goes into the transcript's buffer as the UTF-8 it arrived in. Without `out` (the
/// reader does not keep turns) it is read and checked the same way, and dropped.
bool readTurn(Reader &r, od::value &v, Transcript::Builder *out)
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
                if (!isKey(key, "text"))
                    break;
                bool textNull = false;
                if (out)
                    return r.stringView(value, text, textNull);
                const char *raw = nullptr;
                return r.rawString(value, raw, textNull) && (textNull || r.checkEscapes(raw));
            }
            case keyHash("ts"):
                if (!isKey(key, "ts"))
                    break;
                return r.number(value, ts);
            case keyHash("turn_index"):
                if (!isKey(key, "turn_index"))
                    break;
                return r.integer32(value, turnIndex);
            case keyHash("role"): {
                if (!isKey(key, "role"))
                    break;
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
                break;
            }
            // Skipped, unless the session is kept for an export, which writes it as it stands.
            // It lies in the session's object (1), its transcript (2) and this turn (3).
            return !r.keepsSessionJson() || r.checkValue(value, 4);
        },
        TurnKeys);
    if (ok && out)
        out->append(role, turnIndex, ts, text);
    return ok;
}

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

template<bool UseSse2> bool transcriptAsLines(const char *raw, const Transcript &turns)
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
#if defined(SESSIONSCOPE_SSE2_SCAN)
        if constexpr (UseSse2) {
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
        }
#endif
        (void)readable; // only the 16-byte comparison needs to know how far it may read
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

/// A scan of transcript turns in the one shape the API writes them in, for a decode that
/// checks turns without keeping them: `{"role":"…","text":"…","turn_index":N,"ts":N}`, the
/// keys in that order, each string free of \u escapes, turn_index a small integer and ts a
/// short number without exponent. It accepts only what readTurn accepts (no other key, no
/// null, nothing readTurn could find out of range): whatever it does not recognise is left to
/// readTurn, which then gives the error, so that the errors are the same either way.
class PlainTurnsScan
{
public:
    /// For the array at `p`, in a document that ends at `end`.
    PlainTurnsScan(const char *p, const char *end)
        : m_p(p)
        , m_end(end)
    {}

    /// Whether the array at `[` is such turns only, up to its `]`.
    bool array()
    {
        if (!take('['))
            return false;
        space();
        if (take(']'))
            return true;
        for (;;) {
            if (!turn())
                return false;
            space();
            if (take(']'))
                return true;
            if (!take(','))
                return false;
            space();
        }
    }

private:
    // Every step checks the end of the document: a truncated one may end inside the array, and
    // what lies after it is padding, not JSON. Inside a string it needs no check: stage one
    // has found every string closed, and the scan starts strings where the JSON does.
    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }
    void space()
    {
        while (m_p != m_end && JsonScan::isSpace(*m_p))
            ++m_p;
    }
    template<std::size_t N> bool key(const char (&quoted)[N])
    {
        space();
        if (m_end - m_p < std::ptrdiff_t(N - 1) || std::memcmp(m_p, quoted, N - 1) != 0)
            return false;
        m_p += N - 1;
        space();
        if (!take(':'))
            return false;
        space();
        return true;
    }
    bool member(bool ok)
    {
        space();
        return ok && take(',');
    }
    /// A string with no escapes but the one-character ones (a \u escape is left to readTurn).
    bool string()
    {
        if (!take('"'))
            return false;
        for (;;) {
            m_p += JsonScan::toQuoteOrBackslash(m_p);
            if (*m_p == '"') {
                ++m_p;
                return true;
            }
            const char escaped = m_p[1];
            if (escaped != '"' && escaped != '\\' && escaped != '/' && escaped != 'b' &&
                escaped != 'f' && escaped != 'n' && escaped != 'r' && escaped != 't')
                return false;
            m_p += 2;
        }
    }
    /// Up to `most` digits, without a leading zero unless it is the only one. Inlined: it is
    /// called twice for each of some forty turns a session.
    Q_ALWAYS_INLINE bool digits(int most)
    {
        const char *begin = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9' && m_p - begin <= most)
            ++m_p;
        const auto count = m_p - begin;
        return count >= 1 && count <= most && !(count > 1 && *begin == '0');
    }
    bool turn()
    {
        if (!take('{') || !key(R"("role")") || !member(string()) || !key(R"("text")") ||
            !member(string()) || !key(R"("turn_index")") || !member(digits(9)) || !key(R"("ts")"))
            return false;
        take('-');
        if (!digits(15))
            return false;
        if (take('.')) {
            const char *fraction = m_p;
            while (m_p != m_end && *m_p >= '0' && *m_p <= '9' && m_p - fraction <= 15)
                ++m_p;
            if (m_p == fraction || m_p - fraction > 15)
                return false;
        }
        space();
        return take('}');
    }

    const char *m_p;
    const char *const m_end;
};

} // namespace

bool readTranscript(Reader &r, od::value &v, Transcript &out)
{
    if (!r.readsTurns()) {
        // Turns that are only checked, in the API's own shape: one scan of their bytes, and
        // the parser moves past the array without reading it (see PlainTurnsScan).
        const char *begin = v.raw_json_token().data();
        if (*begin == '[' && PlainTurnsScan(begin, r.documentEnd()).array()) {
            od::array array;
            std::string_view skipped;
            if (const auto err = v.get_array().get(array))
                return r.failJson(err);
            if (const auto err = array.raw_json().get(skipped))
                return r.failJson(err);
            out.clear();
            return true;
        }
    }

    od::array array;
    bool isNull = false;
    out.clear(); // a repeated key replaces, as in every JSON reader users compare with
    if (!r.array(v, array, true, isNull))
        return false;
    if (isNull)
        return true;
    Transcript::Builder *turns = r.readsTurns() ? &r.transcriptBuilder() : nullptr;
    if (turns)
        turns->clear();
    if (!r.forEachElement(array, [&](od::value &element) { return readTurn(r, element, turns); }))
        return false;
    if (turns)
        out = turns->take();
    return true;
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
    if (!r.readsTurns()) // checked (its escapes) as below, not kept: see Options::readTurns
        return r.checkEscapes(raw);
    if (!s.transcript.isEmpty() && transcriptAsLines<true>(raw, s.transcript)) {
        s.transcriptTextIsTurns = true;
        return true;
    }
    std::string_view text;
    if (!r.unescaped(raw, text))
        return false;
    s.transcriptTextUtf8 = QByteArray(text.data(), qsizetype(text.size()));
    return true;
}

} // namespace JsonDecoding

namespace JsonScan {

bool isTranscriptAsLinesPlain(const char *raw, const Transcript &turns)
{
    return JsonDecoding::transcriptAsLines<false>(raw, turns);
}

bool isTranscriptAsLinesSse2(const char *raw, const Transcript &turns)
{
    return JsonDecoding::transcriptAsLines<true>(raw,
                                                 turns); // the plain one where SSE2 is not built in
}

} // namespace JsonScan
