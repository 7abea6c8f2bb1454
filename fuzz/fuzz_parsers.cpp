// libFuzzer target for the text parsers of money and instants: they accept exactly what they
// document, and what they accept prints back to itself.
//
// Invariants checked:
// - Money::parse of bytes and of the same text as a QString agree;
// - a parsed amount prints (toDecimalString) as text that parses to the same amount;
// - parseIsoDateTime of ASCII bytes and of the same QString agree;
// - a parsed instant inside years 0002-9998 formats (formatIsoUtc) as text that parses to the
//   same microsecond, and formatting is stable;
// - any microsecond count inside that range, taken from the input, round-trips the same way.

#include "api/money.h"
#include "api/usagequery.h"

#include <QDateTime>

#include <cstdint>
#include <cstring>
#include <string_view>

namespace {
// 0002-01-01T00:00:00Z and 9998-12-31T00:00:00Z: far enough from year 1 and 9999 that an
// offset cannot push a parsed instant outside four-digit years.
constexpr qint64 MinMicros = -62104060800LL * 1000000;
constexpr qint64 MaxMicros = 253370678400LL * 1000000;

[[noreturn]] void violated(const char *what, std::string_view input)
{
    qFatal("invariant violated: %s for \"%.*s\"", what, int(input.size()), input.data());
}

bool isAscii(std::string_view text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) > 0x7f)
            return false;
    }
    return true;
}

void checkInstantRoundTrip(qint64 micros, std::string_view input)
{
    if (micros < MinMicros || micros > MaxMicros)
        return;
    const QString text = formatIsoUtc(micros);
    const auto again = parseIsoDateTime(QStringView(text));
    if (!again || *again != micros)
        violated("formatIsoUtc does not parse back", input);
    if (formatIsoUtc(*again) != text)
        violated("formatIsoUtc is not stable", input);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const QString asString = QString::fromUtf8(text.data(), qsizetype(text.size()));

    const std::optional<Money> money = Money::parse(text);
    if (money != Money::parse(asString) && !asString.contains(QChar::ReplacementCharacter))
        violated("Money::parse disagrees between bytes and QString", text);
    if (money) {
        const QString printed = money->toDecimalString();
        if (Money::parse(printed) != money)
            violated("Money does not round-trip", text);
        (void)money->toDisplayString();
        (void)money->dividedBy(qint64(size) - 3);
    }

    const std::optional<qint64> instant = parseIsoDateTime(text);
    if (isAscii(text) && instant != parseIsoDateTime(QStringView(asString)))
        violated("parseIsoDateTime disagrees between bytes and QString", text);
    if (instant)
        checkInstantRoundTrip(*instant, text);

    if (size >= 8) {
        qint64 raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        const qint64 span = MaxMicros - MinMicros;
        const qint64 folded = raw % span;
        checkInstantRoundTrip(MinMicros + (folded < 0 ? folded + span : folded), text);
    }
    return 0;
}
