#include "api/apierror.h"

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Throttled:
    case Kind::ServerError:
    case Kind::Network:
    case Kind::Timeout:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::BadRequest:
        return QStringLiteral("bad request");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Throttled:
        return QStringLiteral("throttled");
    case Kind::ServerError:
        return QStringLiteral("server error");
    case Kind::Network:
        return QStringLiteral("network error");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed response");
    case Kind::TooLarge:
        return QStringLiteral("response too large");
    case Kind::UnsafeRedirect:
        return QStringLiteral("unsafe redirect");
    case Kind::Tls:
        return QStringLiteral("certificate error");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Incomplete:
        return QStringLiteral("incomplete");
    case Kind::WrongUrl:
        return QStringLiteral("not the session API");
    case Kind::HttpError:
        break;
    }
    return QStringLiteral("HTTP error");
}

QString ApiError::toDisplayString() const
{
    QString hint;
    switch (kind) {
    case Kind::Unauthorized:
        hint = QStringLiteral("Check the API key or sign in again.");
        break;
    case Kind::Throttled:
        hint = retryAfterSeconds >= 0 ? QStringLiteral("Try again in %1 s.").arg(retryAfterSeconds)
                                      : QStringLiteral("Try again in a moment.");
        break;
    case Kind::ServerError:
    case Kind::Network:
    case Kind::Timeout:
        hint = QStringLiteral("Check the connection and retry.");
        break;
    default:
        break;
    }
    QString text = message.isEmpty() ? kindName() : message;
    if (httpStatus > 0 && !text.contains(QString::number(httpStatus)))
        // One pass: a "%2F" in the server's text must not take the status's place.
        text = QStringLiteral("%1 (HTTP %2)").arg(text, QString::number(httpStatus));
    return hint.isEmpty() ? text : text + QLatin1Char(' ') + hint;
}
