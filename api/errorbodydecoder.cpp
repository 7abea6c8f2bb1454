#include "api/jsonreader.h"
#include "api/usagedecoder.h"

namespace JsonDecoding {
namespace {

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
} // namespace JsonDecoding

namespace UsageDecoder {

void readErrorBody(const QByteArray &body, ApiError &error)
{
    const JsonDecoding::PaddedInput input(body);
    JsonDecoding::parseErrorBody(JsonDecoding::threadInterner(), input.view(), error);
}

} // namespace UsageDecoder
