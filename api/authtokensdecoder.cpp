#include "api/jsonreader.h"
#include "api/usagedecoder.h"

namespace JsonDecoding {
namespace {

Result<AuthTokens> parseTokens(StringInterner &interner, simdjson::padded_string_view input)
{
    Reader r(interner, threadParser());
    od::document doc;
    od::object root;
    AuthTokens tokens;
    if (!openRoot(r, input, doc, root))
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    const auto readPair = [&](std::string_view key, od::value &value) {
        if (key == "access")
            return r.string(value, tokens.access);
        if (key == "refresh")
            return r.string(value, tokens.refresh);
        return true;
    };
    // Login answers bare tokens; a server that wraps them in the envelope is accepted too.
    const bool ok = r.forEachField(root, [&](std::string_view key, od::value &value) {
        if (key != "data")
            return readPair(key, value);
        od::object inner;
        bool isNull = false;
        if (!r.object(value, inner, true, isNull))
            return false;
        return isNull || r.forEachField(inner, [&](std::string_view k, od::value iv) {
            return readPair(k, iv);
        });
    });
    if (!ok)
        return ApiError::make(ApiError::Kind::MalformedResponse, r.error());
    if (tokens.access.isEmpty())
        return ApiError::make(ApiError::Kind::MalformedResponse, QStringLiteral("access: missing"));
    return tokens;
}

} // namespace
} // namespace JsonDecoding

namespace UsageDecoder {

Result<AuthTokens> decodeTokens(const QByteArray &body)
{
    const JsonDecoding::PaddedInput input(body);
    return JsonDecoding::parseTokens(JsonDecoding::threadInterner(), input.view());
}

} // namespace UsageDecoder
