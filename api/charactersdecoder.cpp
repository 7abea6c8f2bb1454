#include "api/jsonreader.h"
#include "api/usagedecoder.h"

namespace JsonDecoding {
namespace {

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

} // namespace
} // namespace JsonDecoding

namespace UsageDecoder {

Result<QList<CharacterInfo>> decodeCharacters(const QByteArray &body)
{
    const JsonDecoding::PaddedInput input(body);
    return JsonDecoding::parseCharacters(JsonDecoding::threadInterner(), input.view());
}

} // namespace UsageDecoder
