#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <utility>
#include <variant>

/// What went wrong with a request, as a value a UI can act on: the kind decides the action
/// (sign in again, fix a date, retry later), the message is for the person.
struct ApiError
{
    enum class Kind : quint8 {
        Unauthorized,      ///< 401: credentials missing, wrong, inactive or expired
        BadRequest,        ///< 400: the server's message says which parameter
        NotFound,          ///< 404: no such session, or a page past the last
        Throttled,         ///< 429: wait `retryAfterSeconds`
        ServerError,       ///< 5xx
        Network,           ///< refused, reset, DNS, dropped connection
        Timeout,           ///< no bytes for too long
        MalformedResponse, ///< not JSON, wrong shape or types, truncated
        TooLarge,          ///< reply above the size limit
        UnsafeRedirect,    ///< redirect or link to another origin, not followed
        Tls,               ///< certificate not trusted
        Cancelled,
        HttpError,  ///< any other HTTP status
        Incomplete, ///< a whole-set read that could not get every session the server counts
        WrongUrl,   ///< the base URL does not lead to the session API (page 1 answered 404)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString message;
    int retryAfterSeconds = -1; ///< from Retry-After, -1 when absent
    QMap<QString, QStringList> fieldErrors;

    [[nodiscard]] static ApiError make(Kind kind, QString message, int httpStatus = 0)
    {
        ApiError e;
        e.kind = kind;
        e.message = std::move(message);
        e.httpStatus = httpStatus;
        return e;
    }
    /// Worth trying again unchanged: throttling, server trouble, network faults, timeouts.
    [[nodiscard]] bool isTransient() const;
    [[nodiscard]] QString kindName() const;
    /// One line for a person: the message, and what to do about it.
    [[nodiscard]] QString toDisplayString() const;
};

Q_DECLARE_METATYPE(ApiError)

/// A value or the error that prevented it. Every request ends with exactly one of these.
template<typename T> class Result
{
public:
    Result()
        : m_data(ApiError{ApiError::Kind::Cancelled, 0, {}, -1, {}})
    {}
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(ApiError error)
        : m_data(std::move(error))
    {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const ApiError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};
