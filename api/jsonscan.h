#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

#include <QtGlobal>

class Transcript;

#if defined(__SSE2__) && !defined(SESSIONSCOPE_PLAIN_SCAN)
#include <emmintrin.h>
#define SESSIONSCOPE_SSE2_SCAN 1
#endif

/// The byte scans the decoder runs on every key and every string. Each has a plain version and,
/// where SSE2 is available, one that looks at 16 bytes at a time: with the plain ones a page
/// takes about 1.5 times as long to decode (bench_decode, December 2026). Both are always
/// compiled so that a test can hold one against the other; the CMake option
/// SESSIONSCOPE_PLAIN_SCAN makes the decoder use the plain ones, to measure that again.
///
/// All of them read inside a padded, validated simdjson document: the closing quote of a string
/// exists, and reading up to 16 bytes past any position inside a string stays in the padding.
namespace JsonScan {

/// Whether `c` is whitespace between JSON tokens.
constexpr bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Length of the string text at `p` up to its closing quote or first backslash.
inline std::size_t toQuoteOrBackslashPlain(const char *p)
{
    std::size_t i = 0;
    while (p[i] != '"' && p[i] != '\\')
        ++i;
    return i;
}

#if defined(SESSIONSCOPE_SSE2_SCAN)
inline std::size_t toQuoteOrBackslashSse2(const char *p)
{
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (std::size_t i = 0;; i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const int mask = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
        if (mask)
            return i + std::size_t(__builtin_ctz(unsigned(mask)));
    }
}
#endif

inline std::size_t toQuoteOrBackslash(const char *p)
{
#if defined(SESSIONSCOPE_SSE2_SCAN)
    return toQuoteOrBackslashSse2(p);
#else
    return toQuoteOrBackslashPlain(p);
#endif
}

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

    /// Whether the key text at `raw` (after its opening quote) is exactly this key.
    [[nodiscard]] bool isAtPlain(const char *raw) const
    {
        return std::memcmp(raw, m_text, m_length + 1) == 0;
    }
#if defined(SESSIONSCOPE_SSE2_SCAN)
    [[nodiscard]] bool isAtSse2(const char *raw) const
    {
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
    }
#endif
    [[nodiscard]] bool isAt(const char *raw) const
    {
#if defined(SESSIONSCOPE_SSE2_SCAN)
        return isAtSse2(raw);
#else
        return isAtPlain(raw);
#endif
    }

private:
    char m_text[32] = {};
    std::size_t m_length = 0;
};

/// Whether a JSON string, given by its raw text after the opening quote inside a padded
/// document, is exactly `turns` written as lines (Transcript::linesUtf8). The text is compared
/// as it stands, unescaping simple escapes on the way; anything else (a \u escape, a turn of
/// another role) answers no, and the caller then keeps the text itself. The SSE2 version
/// compares 16 bytes at a time (the plain one where SSE2 is not built in). In
/// transcriptdecoder.cpp.
bool isTranscriptAsLinesPlain(const char *raw, const Transcript &turns);
bool isTranscriptAsLinesSse2(const char *raw, const Transcript &turns);

} // namespace JsonScan
