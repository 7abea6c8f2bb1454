#include "api/sessionjson.h"
#include "api/jsonreader.h"
#include "api/sessionjsonbuilder.h"

#include <simdjson.h>

namespace {

namespace od = simdjson::ondemand;

QString jsonError(simdjson::error_code code)
{
    return QStringLiteral("malformed JSON (%1)")
        .arg(QString::fromUtf8(simdjson::error_message(code)));
}

} // namespace

std::variant<SessionJsonPointer, QString> SessionJson::read(std::string_view object)
{
    // A copy with the padding simdjson reads past the end; the builder copies what it keeps.
    QByteArray padded;
    padded.reserve(qsizetype(object.size() + simdjson::SIMDJSON_PADDING));
    padded.append(object.data(), qsizetype(object.size()));
    if (padded.capacity() - padded.size() < qsizetype(simdjson::SIMDJSON_PADDING))
        return QStringLiteral("out of memory for a session of %1 bytes").arg(object.size());
    const simdjson::padded_string_view input(padded.constData(), std::size_t(padded.size()),
                                             std::size_t(padded.capacity()));

    // A parser of its own: a caller may be in the middle of a page with the thread's parser.
    thread_local od::parser parser;
    JsonDecoding::allowCheckedDepth(parser);
    od::document doc;
    od::object fields;
    if (const auto err = parser.iterate(input).get(doc))
        return jsonError(err);
    if (const auto err = doc.get_object().get(fields))
        return jsonError(err);
    const char *const begin = padded.constData();
    std::size_t end = 0; // the object's `}`, known once its members are read
    while (end < object.size() && object[end] != '{')
        ++end;
    for (++end; end < object.size() && JsonScan::isSpace(object[end]);)
        ++end;
    SessionJsonBuilder builder(begin);
    // One walk checks every value (as the page decoder checks what it does not read itself)
    // and measures it for the builder.
    for (auto member : fields) {
        if (const auto err = member.error())
            return jsonError(err);
        od::field &field = member.value_unsafe();
        const char *rawKey = reinterpret_cast<const char *>(field.key().raw());
        std::string_view key;
        if (const auto err = field.unescaped_key().get(key))
            return jsonError(err);
        od::value &value = field.value();
        const char *valueBegin = value.raw_json_token().data();
        if (const auto err = JsonDecoding::checkJson(parser, value, 2))
            return jsonError(err);
        const char *valueEnd = nullptr;
        if (const auto err = value.current_location().get(valueEnd))
            return jsonError(err);
        end = std::size_t(valueEnd - begin);
        while (valueEnd > valueBegin && JsonScan::isSpace(valueEnd[-1]))
            --valueEnd;
        builder.addMember(rawKey, std::string_view(valueBegin, std::size_t(valueEnd - valueBegin)));
    }
    // Nothing may follow the object's `}`.
    for (std::size_t i = end + 1; i < object.size(); ++i) {
        if (!JsonScan::isSpace(object[i]))
            return jsonError(simdjson::TRAILING_CONTENT);
    }
    if (end >= object.size() || object[end] != '}')
        return jsonError(simdjson::TAPE_ERROR);
    return builder.finish(std::string_view(begin, end + 1), parser);
}

QByteArray SessionJson::line(bool keepPresignedQueries) const
{
    if (keepPresignedQueries || m_presignedQueries.isEmpty())
        return m_bytes;
    QByteArray out;
    out.reserve(lineSize(keepPresignedQueries));
    appendLine(out, keepPresignedQueries);
    return out;
}

qsizetype SessionJson::lineSize(bool keepPresignedQueries) const
{
    qsizetype size = m_bytes.size();
    if (!keepPresignedQueries) {
        for (const Range &query : m_presignedQueries)
            size -= query.end - query.begin;
    }
    return size;
}

void SessionJson::appendLine(QByteArray &out, bool keepPresignedQueries) const
{
    qsizetype from = 0;
    if (!keepPresignedQueries) {
        for (const Range &query : m_presignedQueries) {
            out.append(m_bytes.constData() + from, query.begin - from);
            from = query.end;
        }
    }
    out.append(m_bytes.constData() + from, m_bytes.size() - from);
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
