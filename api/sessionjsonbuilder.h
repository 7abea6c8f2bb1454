#pragma once

#include "api/sessionjson.h"

#include <simdjson.h>

#include <string_view>
#include <variant>
#include <vector>

/// Makes a SessionJson out of a walk of the object that some reader does anyway: the page
/// decoder while it reads a session, or SessionJson::read. The walk hands over where each
/// top-level member's key and value lie; the builder copies the object once and turns those
/// places into fields. It checks nothing itself: whoever walks the object checks every value
/// (JsonDecoding::checkJson for what it does not read), so that the object is parsed once.
/// Internal to the API library.
class SessionJsonBuilder
{
public:
    /// For a walk of the object whose `{` is at `begin`, in a padded document.
    explicit SessionJsonBuilder(const char *begin)
        : m_begin(begin)
    {
        // A session of the API has some 30 fields: one allocation for the list of them.
        m_members.reserve(32);
    }

    /// One top-level member: `rawKey` is the key's text after its opening quote, as it stands
    /// in the document (escapes and all); `value` is the exact text of its checked value.
    void addMember(const char *rawKey, std::string_view value);

    /// The SessionJson of the walked object (from its `{` at `begin` to its `}`), or why not.
    /// `parser` unescapes the keys and strings that have escapes (any parser that has parsed a
    /// document: the unescaping needs its implementation, not its document).
    [[nodiscard]] std::variant<SessionJsonPointer, QString>
    finish(std::string_view object, const simdjson::ondemand::parser &parser) const;

private:
    struct Member
    {
        std::size_t keyAt = 0;   ///< the first byte of the key's text, from the object's `{`
        std::size_t valueAt = 0; ///< the first byte of the value's text
        std::size_t valueSize = 0;
    };
    const char *m_begin = nullptr;
    std::vector<Member> m_members;
};
