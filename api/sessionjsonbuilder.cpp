#include "api/sessionjsonbuilder.h"
#include "api/jsonscan.h"

#include <cstring>
#include <optional>

namespace {

namespace od = simdjson::ondemand;

/// The object without the whitespace between its tokens, and where each byte of it went
/// (`moved[i]` for byte i, `moved[size]` for the end). Only needed when the server
/// pretty-printed it: a line break between tokens would split a JSON Lines record, and JSON
/// strings cannot hold a raw line break, so any line break in the bytes is between tokens.
void appendWithoutSpaceBetweenTokens(QByteArray &out, std::string_view object,
                                     std::vector<qsizetype> &moved)
{
    moved.resize(object.size() + 1);
    bool inString = false;
    for (std::size_t i = 0; i < object.size(); ++i) {
        const char c = object[i];
        moved[i] = out.size();
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < object.size()) {
                moved[++i] = out.size();
                out += object[i];
            } else if (c == '"') {
                inString = false;
            }
        } else if (!JsonScan::isSpace(c)) {
            out += c;
            inString = c == '"';
        }
    }
    moved[object.size()] = out.size();
}

/// Where the query of the string token at `quote` (its opening quote) starts and ends: from
/// its `?`, written as is or as a \u escape, to its closing quote; nothing when it has none.
std::optional<std::pair<std::size_t, std::size_t>> queryOfStringToken(const char *quote)
{
    std::optional<std::size_t> begin;
    std::size_t i = 1;
    for (;;) {
        const char c = quote[i];
        if (c == '"')
            break;
        if (c == '\\') {
            const bool escapedQuestionMark = quote[i + 1] == 'u' && quote[i + 2] == '0' &&
                                             quote[i + 3] == '0' && quote[i + 4] == '3' &&
                                             (quote[i + 5] == 'f' || quote[i + 5] == 'F');
            if (escapedQuestionMark && !begin)
                begin = i;
            i += 2; // the rest of a \u escape is hex digits, never a quote or backslash
            continue;
        }
        if (c == '?' && !begin)
            begin = i;
        ++i;
    }
    if (!begin)
        return std::nullopt;
    return std::pair(*begin, i);
}

/// The length of the string text at `text` (after its opening quote) up to its closing quote,
/// and whether it has escapes. The text has been checked: every backslash starts an escape.
std::size_t rawStringLength(const char *text, bool &escaped)
{
    std::size_t length = JsonScan::toQuoteOrBackslash(text);
    escaped = text[length] == '\\';
    while (text[length] != '"') {
        length += 2; // the backslash and the character it escapes
        length += JsonScan::toQuoteOrBackslash(text + length);
    }
    return length;
}

QString jsonError(simdjson::error_code code)
{
    return QStringLiteral("malformed JSON (%1)")
        .arg(QString::fromUtf8(simdjson::error_message(code)));
}

} // namespace

void SessionJsonBuilder::addMember(const char *rawKey, std::string_view value)
{
    m_members.push_back(
        {std::size_t(rawKey - m_begin), std::size_t(value.data() - m_begin), value.size()});
}

std::variant<SessionJsonPointer, QString> SessionJsonBuilder::finish(std::string_view object,
                                                                     const od::parser &parser) const
{
    using Kind = SessionJson::Kind;
    auto json = QExplicitlySharedDataPointer<SessionJson>(new SessionJson);
    QByteArray &bytes = json->m_bytes;
    // Two memchr passes: find_first_of calls memchr on its set once per byte of the object, which
    // took a third of an export's time.
    const bool oneLine = std::memchr(object.data(), '\n', object.size()) == nullptr &&
                         std::memchr(object.data(), '\r', object.size()) == nullptr;
    std::vector<qsizetype> moved;
    if (oneLine)
        bytes = QByteArray(object.data(), qsizetype(object.size()));
    else
        appendWithoutSpaceBetweenTokens(bytes, object, moved);
    const auto at = [&](std::size_t offset) {
        return oneLine ? qsizetype(offset) : moved[offset];
    };

    // The text of a key or string at `offset`: a view of the bytes when it has no escapes (as
    // all of the API's keys and most strings), else a kept unescaped copy.
    const auto text = [&](std::size_t offset, QByteArrayView &out) {
        const char *raw = object.data() + offset;
        bool escaped = false;
        const std::size_t length = rawStringLength(raw, escaped);
        if (!escaped) {
            out = QByteArrayView(bytes.constData() + at(offset), qsizetype(length));
            return simdjson::SUCCESS;
        }
        // Room for the blocks simdjson writes past the end of what it unescapes.
        QByteArray copy(qsizetype(length + simdjson::SIMDJSON_PADDING), Qt::Uninitialized);
        auto *dst = reinterpret_cast<uint8_t *>(copy.data());
        std::string_view unescaped;
        const od::raw_json_string rawString(reinterpret_cast<const uint8_t *>(raw));
        if (const auto err = parser.unescape(rawString, dst).get(unescaped))
            return err;
        copy.truncate(qsizetype(unescaped.size()));
        json->m_unescaped.append(std::move(copy));
        out = QByteArrayView(json->m_unescaped.constLast());
        return simdjson::SUCCESS;
    };

    json->m_fields.reserve(qsizetype(m_members.size()));
    for (const Member &member : m_members) {
        SessionJson::Field out;
        if (const auto err = text(member.keyAt, out.key))
            return jsonError(err);
        const char first = object[member.valueAt];
        switch (first) {
        case '"': {
            out.kind = Kind::String;
            if (const auto err = text(member.valueAt + 1, out.value))
                return jsonError(err);
            if (out.key == "recording_presigned_url") {
                if (const auto query = queryOfStringToken(object.data() + member.valueAt)) {
                    const qsizetype quote = at(member.valueAt); // nothing moves inside a string
                    json->m_presignedQueries.append(
                        {quote + qsizetype(query->first), quote + qsizetype(query->second)});
                }
            }
            break;
        }
        case '{':
            out.kind = Kind::Object;
            break;
        case '[':
            out.kind = Kind::Array;
            break;
        case 't':
        case 'f':
            out.kind = Kind::Bool;
            break;
        case 'n':
            out.kind = Kind::Null;
            break;
        default:
            out.kind = Kind::Number;
            break;
        }
        if (out.kind != Kind::String) {
            const qsizetype begin = at(member.valueAt);
            out.value = QByteArrayView(bytes.constData() + begin,
                                       at(member.valueAt + member.valueSize) - begin);
        }
        json->m_fields.append(out);
    }
    return SessionJsonPointer(json.data());
}
