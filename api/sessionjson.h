#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QExplicitlySharedDataPointer>
#include <QList>
#include <QSharedData>
#include <QString>

#include <string_view>
#include <variant>

class SessionJson;
class SessionJsonBuilder;
/// Shared and read-only once made: a session copied from model to export costs no copy of it.
using SessionJsonPointer = QExplicitlySharedDataPointer<const SessionJson>;

/// One session object exactly as the server sent it, kept for exports (see
/// UsageDecoder::Options::keepSessionJson): its bytes, every top-level field as sent (unknown
/// ones included), and where the signatures of its presigned recording URL lie, so that an
/// export can write the server's data, not a re-formatting of what the client understood.
class SessionJson : public QSharedData
{
public:
    enum class Kind : quint8 { String, Number, Bool, Null, Object, Array };
    /// Views into bytes() (or, for a key or string with escapes, into its unescaped copy): a
    /// kept session holds its JSON once, not once more per field.
    struct Field
    {
        QByteArrayView key; ///< unescaped
        Kind kind = Kind::Null;
        QByteArrayView value; ///< a string's unescaped UTF-8; any other value's exact JSON text
        [[nodiscard]] bool isScalar() const { return kind != Kind::Object && kind != Kind::Array; }
    };

    /// Reads one object's bytes (from `{` to `}`), checking that every value in it, known or
    /// not, is well-formed JSON. The error says what is wrong. (The page decoder does not call
    /// this: it builds the same from its own walk of the session, see SessionJsonBuilder.)
    [[nodiscard]] static std::variant<SessionJsonPointer, QString> read(std::string_view object);

    /// The object's bytes as sent; if the server pretty-printed it, with the whitespace between
    /// tokens removed (every token spelled as sent), so that it fits on one line.
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    /// bytes() as one JSON Lines record (no newline), with the query string of every
    /// `recording_presigned_url` (its signature) cut out unless `keepPresignedQueries`.
    [[nodiscard]] QByteArray line(bool keepPresignedQueries) const;
    /// The size of line(keepPresignedQueries), without making it.
    [[nodiscard]] qsizetype lineSize(bool keepPresignedQueries) const;
    /// Appends line(keepPresignedQueries) to `out` without making it first: an export writes
    /// the lines of a page into one buffer, and each made line would be one more copy.
    void appendLine(QByteArray &out, bool keepPresignedQueries) const;
    /// The top-level fields in the order sent; a repeated key appears each time.
    [[nodiscard]] const QList<Field> &fields() const { return m_fields; }
    /// The last field named `key` (the one a JSON reader keeps), or null.
    [[nodiscard]] const Field *field(QByteArrayView key) const;

    /// Where the query of a presigned URL starts in its unescaped text: at its `?`, or the
    /// text's size when it has none.
    [[nodiscard]] static qsizetype queryStart(QByteArrayView url);

private:
    friend class SessionJsonBuilder;
    SessionJson() = default;
    Q_DISABLE_COPY_MOVE(SessionJson) // the fields point into this object's own bytes

    struct Range
    {
        qsizetype begin = 0; ///< the `?` (or its \u escape) in bytes()
        qsizetype end = 0;   ///< the closing quote of the string value
    };
    QByteArray m_bytes;
    QList<Field> m_fields;
    QList<Range> m_presignedQueries;
    QList<QByteArray> m_unescaped; ///< keys and strings that had escapes, unescaped
};
