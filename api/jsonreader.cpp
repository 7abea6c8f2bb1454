#include "api/jsonreader.h"

namespace JsonDecoding {

StringInterner &threadInterner()
{
    thread_local StringInterner interner;
    return interner;
}

od::parser &threadParser()
{
    thread_local od::parser parser;
    return parser;
}

bool Reader::failJson(simdjson::error_code code)
{
    if (code == simdjson::INCORRECT_TYPE || code == simdjson::NUMBER_ERROR)
        return fail("unexpected type");
    return fail(std::string("malformed JSON (") + simdjson::error_message(code) + ")");
}

QString Reader::error() const
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

bool Reader::url(od::value &v, QUrl &out)
{
    QString text;
    if (!string(v, text))
        return false;
    out = text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
    return true;
}

/// Any JSON value kept verbatim (metadata belongs to whoever started the call).
bool Reader::rawJson(od::value &v, QByteArray &out)
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
    while (!raw.empty() &&
           (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    out = QByteArray(m_bytes.copyOf(raw.data(), qsizetype(raw.size())));
    return true;
}

bool openRoot(Reader &r, simdjson::padded_string_view input, od::document &doc, od::object &root,
              bool quiet)
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

} // namespace JsonDecoding
