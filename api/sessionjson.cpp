#include "api/sessionjson.h"
#include "api/jsonscan.h"

#include <simdjson.h>

#include <cstring>
#include <optional>

namespace {

namespace od = simdjson::ondemand;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimEnd(std::string_view text)
{
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

/// The object without the whitespace between its tokens. Only needed when the server
/// pretty-printed it: a line break between tokens would split a JSON Lines record, and JSON
/// strings cannot hold a raw line break, so any line break in the bytes is between tokens.
void appendWithoutSpaceBetweenTokens(QByteArray &out, std::string_view object)
{
    bool inString = false;
    for (std::size_t i = 0; i < object.size(); ++i) {
        const char c = object[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < object.size())
                out += object[++i];
            else if (c == '"')
                inString = false;
        } else if (!isSpace(c)) {
            out += c;
            inString = c == '"';
        }
    }
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

QString jsonError(simdjson::error_code code)
{
    return QStringLiteral("malformed JSON (%1)")
        .arg(QString::fromUtf8(simdjson::error_message(code)));
}

} // namespace

std::variant<SessionJsonPointer, QString> SessionJson::read(std::string_view object)
{
    auto json = QExplicitlySharedDataPointer<SessionJson>(new SessionJson);
    // Two memchr passes: find_first_of calls memchr on its set once per byte of the object, which
    // took a third of an export's time.
    const bool oneLine = std::memchr(object.data(), '\n', object.size()) == nullptr &&
                         std::memchr(object.data(), '\r', object.size()) == nullptr;
    // Room for the padding simdjson reads past the end, so that both parsers below read the
    // object's own copy instead of a padded copy of it each.
    QByteArray &bytes = json->m_bytes;
    bytes.reserve(qsizetype(object.size() + simdjson::SIMDJSON_PADDING));
    if (oneLine)
        bytes.append(object.data(), qsizetype(object.size()));
    else
        appendWithoutSpaceBetweenTokens(bytes, object);
    if (bytes.capacity() - bytes.size() < qsizetype(simdjson::SIMDJSON_PADDING))
        return QStringLiteral("out of memory for a session of %1 bytes").arg(object.size());
    // A session of the API has some 30 fields: one allocation for the list of them.
    json->m_fields.reserve(32);
    const simdjson::padded_string_view padded(bytes.constData(), std::size_t(bytes.size()),
                                              std::size_t(bytes.capacity()));

    // The decoder checks the fields it knows; the DOM parser checks everything else in the
    // object (unknown fields, metadata), so that an export never writes a malformed line.
    thread_local simdjson::dom::parser validator;
    simdjson::dom::element root;
    if (const auto err = validator.parse(padded.data(), padded.size(), false).get(root))
        return jsonError(err);

    // A parser of its own: the decoder's is in the middle of the page.
    thread_local od::parser parser;
    od::document doc;
    od::object fields;
    if (const auto err = parser.iterate(padded).get(doc))
        return jsonError(err);
    if (const auto err = doc.get_object().get(fields))
        return jsonError(err);
    const char *const start = padded.data();
    // The parsers' positions are in the object's own bytes; views of them live as long as it.
    const auto own = [&](const char *at, std::size_t size) {
        return QByteArrayView(json->m_bytes.constData() + (at - start), qsizetype(size));
    };
    // `text` itself when it is the raw text at `raw` (no escapes), else a kept copy of it.
    const auto unescaped = [&](const char *raw, std::string_view text) {
        if (JsonScan::toQuoteOrBackslashPlain(raw) == text.size() && raw[text.size()] == '"')
            return own(raw, text.size());
        json->m_unescaped.append(QByteArray(text.data(), qsizetype(text.size())));
        return QByteArrayView(json->m_unescaped.constLast());
    };
    for (auto member : fields) {
        if (const auto err = member.error())
            return jsonError(err);
        od::field &field = member.value_unsafe();
        // Before unescaping, which lets go of the raw key.
        const char *rawKey = reinterpret_cast<const char *>(field.key().raw());
        std::string_view key;
        if (const auto err = field.unescaped_key().get(key))
            return jsonError(err);
        Field out;
        out.key = unescaped(rawKey, key);
        od::value value = field.value();
        od::json_type type;
        if (const auto err = value.type().get(type))
            return jsonError(err);
        std::string_view text = trimEnd(value.raw_json_token());
        simdjson::error_code err = simdjson::SUCCESS;
        switch (type) {
        case od::json_type::string: {
            out.kind = Kind::String;
            const char *quote = text.data();
            if (out.key == "recording_presigned_url") {
                if (const auto query = queryOfStringToken(quote)) {
                    const auto offset = qsizetype(quote - start);
                    json->m_presignedQueries.append(
                        {offset + qsizetype(query->first), offset + qsizetype(query->second)});
                }
            }
            err = value.get_string().get(text);
            if (!err)
                out.value = unescaped(quote + 1, text);
            break;
        }
        case od::json_type::number:
            out.kind = Kind::Number;
            break;
        case od::json_type::boolean:
            out.kind = Kind::Bool;
            break;
        case od::json_type::null:
            out.kind = Kind::Null;
            break;
        case od::json_type::object: {
            out.kind = Kind::Object;
            od::object inner;
            err = value.get_object().get(inner);
            if (!err)
                err = inner.raw_json().get(text);
            text = trimEnd(text);
            break;
        }
        case od::json_type::array: {
            out.kind = Kind::Array;
            od::array inner;
            err = value.get_array().get(inner);
            if (!err)
                err = inner.raw_json().get(text);
            text = trimEnd(text);
            break;
        }
        }
        if (err)
            return jsonError(err);
        if (out.kind != Kind::String)
            out.value = own(text.data(), text.size());
        json->m_fields.append(out);
    }
    return SessionJsonPointer(json.data());
}

QByteArray SessionJson::line(bool keepPresignedQueries) const
{
    if (keepPresignedQueries || m_presignedQueries.isEmpty())
        return m_bytes;
    QByteArray out;
    out.reserve(m_bytes.size());
    qsizetype from = 0;
    for (const Range &query : m_presignedQueries) {
        out.append(m_bytes.constData() + from, query.begin - from);
        from = query.end;
    }
    out.append(m_bytes.constData() + from, m_bytes.size() - from);
    return out;
}

const SessionJson::Field *SessionJson::field(QByteArrayView key) const
{
    for (auto it = m_fields.crbegin(); it != m_fields.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

qsizetype SessionJson::queryStart(QByteArrayView url)
{
    const qsizetype at = url.indexOf('?');
    return at < 0 ? url.size() : at;
}
