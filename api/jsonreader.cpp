#include "api/jsonreader.h"

#include <charconv>

namespace JsonDecoding {

StringInterner &threadInterner()
{
    thread_local StringInterner interner;
    return interner;
}

void allowCheckedDepth(od::parser &parser)
{
    // Room for the envelope, the list and a transcript's turn around a kept value. Capacity 0:
    // the first document allocates what it needs, keeping this depth.
    constexpr std::size_t Depth = simdjson::DEFAULT_MAX_DEPTH + 64;
    if (parser.max_depth() >= Depth)
        return;
    // Out of memory here, the next document allocates again, at the usual depth.
    [[maybe_unused]] const auto err = parser.allocate(0, Depth);
}

od::parser &threadParser()
{
    thread_local od::parser parser;
    allowCheckedDepth(parser);
    return parser;
}

bool Reader::failJson(simdjson::error_code code)
{
    if (code == simdjson::INCORRECT_TYPE || code == simdjson::NUMBER_ERROR)
        return fail("unexpected type");
    return fail(std::string("malformed JSON (") + simdjson::error_message(code) + ")");
}

bool Reader::failKeptJson(simdjson::error_code code)
{
    if (!m_failed)
        m_keptJsonFailed = true;
    return fail(std::string("malformed JSON (") + simdjson::error_message(code) + ")");
}

bool Reader::textUpToHere(od::value &v, const char *begin, std::string_view &out)
{
    const char *end = nullptr;
    if (const auto err = v.current_location().get(end))
        return failJson(err);
    while (end > begin && JsonScan::isSpace(end[-1]))
        --end;
    if (end <= begin)
        return fail("malformed JSON (a value that was not read whole)");
    out = std::string_view(begin, std::size_t(end - begin));
    return true;
}

bool Reader::integerFits(od::value &v)
{
    std::string_view text = v.raw_json_token();
    while (!text.empty() && JsonScan::isSpace(text.back()))
        text.remove_suffix(1);
    if (text.find_first_of(".eE") != std::string_view::npos)
        return true;
    const char *end = text.data() + text.size();
    if (text.starts_with('-')) {
        int64_t value = 0;
        return std::from_chars(text.data(), end, value).ec == std::errc();
    }
    uint64_t value = 0;
    return std::from_chars(text.data(), end, value).ec == std::errc();
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

bool Reader::rawJson(od::value &v, QByteArray &out, std::size_t depth)
{
    if (m_keepSessionJson) {
        // Checked and measured in one walk: raw_json() would only count brackets.
        const char *begin = v.raw_json_token().data();
        std::string_view raw;
        if (!checkValue(v, depth) || !textUpToHere(v, begin, raw))
            return false;
        if (raw == "null")
            out.clear();
        else
            out = QByteArray(m_bytes.copyOf(raw.data(), qsizetype(raw.size())));
        return true;
    }
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

namespace {

/// A string's raw text (after its opening quote) unescaped into a scratch buffer when it has
/// escapes, which checks them; a string without any is checked by stage one already.
simdjson::error_code checkString(const od::parser &parser, const char *text)
{
    std::size_t length = JsonScan::toQuoteOrBackslash(text);
    if (text[length] == '"')
        return simdjson::SUCCESS;
    while (text[length] != '"') {
        length += 2; // the backslash and the character it escapes
        length += JsonScan::toQuoteOrBackslash(text + length);
    }
    thread_local std::vector<uint8_t> scratch;
    if (scratch.size() < length + simdjson::SIMDJSON_PADDING)
        scratch.resize(length + simdjson::SIMDJSON_PADDING);
    uint8_t *dst = scratch.data();
    const od::raw_json_string raw(reinterpret_cast<const uint8_t *>(text));
    return parser.unescape(raw, dst).error();
}

} // namespace

bool Reader::checkEscapes(const char *text)
{
    const auto err = checkString(m_parser, text);
    return err ? failJson(err) : true;
}

simdjson::error_code checkJson(const od::parser &parser, od::value &v, std::size_t depth)
{
    od::json_type type;
    if (const auto err = v.type().get(type))
        return err;
    switch (type) {
    case od::json_type::object: {
        if (depth >= simdjson::DEFAULT_MAX_DEPTH)
            return simdjson::DEPTH_ERROR;
        od::object object;
        if (const auto err = v.get_object().get(object))
            return err;
        for (auto member : object) {
            if (const auto err = member.error())
                return err;
            od::field &field = member.value_unsafe();
            const char *key = reinterpret_cast<const char *>(field.key().raw());
            if (const auto err = checkString(parser, key))
                return err;
            if (const auto err = checkJson(parser, field.value(), depth + 1))
                return err;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::array: {
        if (depth >= simdjson::DEFAULT_MAX_DEPTH)
            return simdjson::DEPTH_ERROR;
        od::array array;
        if (const auto err = v.get_array().get(array))
            return err;
        for (auto element : array) {
            if (const auto err = element.error())
                return err;
            if (const auto err = checkJson(parser, element.value_unsafe(), depth + 1))
                return err;
        }
        return simdjson::SUCCESS;
    }
    case od::json_type::string: {
        od::raw_json_string raw;
        if (const auto err = v.get_raw_json_string().get(raw))
            return err;
        return checkString(parser, reinterpret_cast<const char *>(raw.raw()));
    }
    case od::json_type::number: {
        // As the DOM parser reads it: an integer must fit in 64 bits, any other is a double.
        // get_number() leaves the reader where it was (simdjson 3.0); get_double() then moves it
        // on, for the few numbers nobody reads.
        od::number number;
        double unused = 0;
        if (v.get_number().get(number) || v.get_double().get(unused))
            return simdjson::NUMBER_ERROR;
        return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
        bool value = false;
        if (!v.get_bool().get(value))
            return simdjson::SUCCESS;
        return v.raw_json_token().front() == 't' ? simdjson::T_ATOM_ERROR : simdjson::F_ATOM_ERROR;
    }
    case od::json_type::null: {
        bool isNull = false;
        return v.is_null().get(isNull) || !isNull ? simdjson::N_ATOM_ERROR : simdjson::SUCCESS;
    }
    }
    return simdjson::TAPE_ERROR;
}

bool openRoot(Reader &r, simdjson::padded_string_view input, od::document &doc, od::object &root,
              bool quiet)
{
    if (const auto err = threadParser().iterate(input).get(doc))
        return quiet ? false : r.failJson(err);
    r.setDocumentEnd(input.data() + input.length());
    if (const auto err = doc.get_object().get(root)) {
        if (quiet)
            return false;
        return r.fail(err == simdjson::INCORRECT_TYPE ? "expected a JSON object"
                                                      : "malformed JSON");
    }
    return true;
}

} // namespace JsonDecoding
