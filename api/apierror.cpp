#include "api/apierror.h"

#include <QCoreApplication>

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

namespace {
/// The kind in words: the same English for scripts (kindName), translated in the window.
const char *kindText(ApiError::Kind kind)
{
    using Kind = ApiError::Kind;
    switch (kind) {
    case Kind::Unauthorized:
        return QT_TRANSLATE_NOOP("ApiError", "unauthorized");
    case Kind::BadRequest:
        return QT_TRANSLATE_NOOP("ApiError", "bad request");
    case Kind::NotFound:
        return QT_TRANSLATE_NOOP("ApiError", "not found");
    case Kind::Throttled:
        return QT_TRANSLATE_NOOP("ApiError", "throttled");
    case Kind::ServerError:
        return QT_TRANSLATE_NOOP("ApiError", "server error");
    case Kind::Network:
        return QT_TRANSLATE_NOOP("ApiError", "network error");
    case Kind::Timeout:
        return QT_TRANSLATE_NOOP("ApiError", "timeout");
    case Kind::MalformedResponse:
        return QT_TRANSLATE_NOOP("ApiError", "malformed response");
    case Kind::TooLarge:
        return QT_TRANSLATE_NOOP("ApiError", "response too large");
    case Kind::UnsafeRedirect:
        return QT_TRANSLATE_NOOP("ApiError", "unsafe redirect");
    case Kind::Tls:
        return QT_TRANSLATE_NOOP("ApiError", "certificate error");
    case Kind::Cancelled:
        return QT_TRANSLATE_NOOP("ApiError", "cancelled");
    case Kind::Incomplete:
        return QT_TRANSLATE_NOOP("ApiError", "incomplete");
    case Kind::WrongUrl:
        return QT_TRANSLATE_NOOP("ApiError", "not the session API");
    case Kind::HttpError:
        break;
    }
    return QT_TRANSLATE_NOOP("ApiError", "HTTP error");
}
} // namespace

QString ApiError::kindName() const
{
    return QString::fromLatin1(kindText(kind));
}

QString ApiError::toDisplayString() const
{
    QString hint;
    switch (kind) {
    case Kind::Unauthorized:
        hint = QCoreApplication::translate("ApiError", "Check the API key or sign in again.");
        break;
    case Kind::Throttled:
        hint = retryAfterSeconds >= 0
                   ? QCoreApplication::translate("ApiError", "Try again in %1 s.")
                         .arg(retryAfterSeconds)
                   : QCoreApplication::translate("ApiError", "Try again in a moment.");
        break;
    case Kind::ServerError:
    case Kind::Network:
    case Kind::Timeout:
        hint = QCoreApplication::translate("ApiError", "Check the connection and retry.");
        break;
    default:
        break;
    }
    QString text =
        message.isEmpty() ? QCoreApplication::translate("ApiError", kindText(kind)) : message;
    if (httpStatus > 0 && !text.contains(QString::number(httpStatus)))
        // One pass: a "%2F" in the server's text must not take the status's place.
        text = QStringLiteral("%1 (HTTP %2)").arg(text, QString::number(httpStatus));
    return hint.isEmpty() ? text : text + QLatin1Char(' ') + hint;
}
