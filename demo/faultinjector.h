#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

/// Makes the demo misbehave on purpose, per request pattern, so clients can be tested against
/// every way a real server or network fails. Plain value class: the servers own one each
/// (via DemoServer) and ask it once per request.
///
/// Command-line syntax: `[re:]PATTERN=KIND[:ARG][@N]`. PATTERN is a substring of (or, with
/// `re:`, a regular expression over) path plus query as sent; `@N` limits the rule to the next
/// N matching requests. Example: `page=2=status:503@1`, `re:^/recordings/=latency:800`.
class FaultInjector
{
public:
    enum class Kind {
        Latency,           ///< ARG ms (default 1000) before answering normally
        Stall,             ///< headers and half the body, then ARG ms (default 30000) of silence
        Reset,             ///< the connection is reset before any byte of the answer
        ResetAfterHeaders, ///< headers are sent, then the connection is reset
        Truncate,          ///< Content-Length is announced, half the body sent, then close
        Status,            ///< ARG status (default 500) with an error envelope
        Throttle,          ///< 429; ARG seconds go to Retry-After, no ARG = no header
        HtmlError,         ///< ARG status (default 502) with an HTML page, as proxies answer
        MalformedJson,     ///< 200 with JSON cut off midway
        WrongShape,        ///< 200 with valid JSON of wrong types (turn_count as a string, ...)
        HugePage,          ///< a page padded to ARG MB (default 50)
        HugeTurn,          ///< the first transcript turn is ARG MB long (default 10)
        WrongCount,        ///< pagination.count is ARG (default: twice the truth plus 7)
        RepeatRows,        ///< the rows of the previous page come again
        ForeignNext,       ///< pagination.next is ARG (a URL on another origin)
        Redirect,          ///< 302 to ARG
        Chunked,           ///< the normal answer with Transfer-Encoding: chunked, ARG-byte chunks
        Gzip,              ///< the normal answer gzip-compressed; ARG "chunked" also chunks it
        Drip,              ///< headers, then one body byte every ARG ms (default 2000)
        Silent,            ///< the connection is accepted and the request read; no answer, ever
        /// ARG status (default 400; "STATUS,detail" for a {"detail": ...} body) with an error
        /// that echoes the request's credential and a presigned-looking URL, as careless
        /// servers do
        EchoError,
    };

    struct Rule
    {
        int id = 0;
        QString pattern;
        bool regex = false;
        Kind kind = Kind::Status;
        QString arg;
        int remaining = -1; ///< -1 = unlimited
    };

    /// Adds a rule; returns its id for remove().
    int add(Kind kind, const QString &pattern, const QString &arg = {}, int times = -1,
            bool regex = false);
    /// Parses the command-line form; false (with a reason) when it does not parse.
    bool addSpec(const QString &spec, QString *error = nullptr);
    void remove(int id);
    void clear() { m_rules.clear(); }
    [[nodiscard]] const QList<Rule> &rules() const { return m_rules; }

    /// The first rule matching pathAndQuery, consuming one use of it.
    [[nodiscard]] std::optional<Rule> take(const QString &pathAndQuery);

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static std::optional<Kind> kindFromName(QStringView name);
    /// The numeric ARG, or fallback when absent or not a number.
    [[nodiscard]] static qint64 number(const Rule &rule, qint64 fallback);

private:
    QList<Rule> m_rules;
    int m_nextId = 1;
};
