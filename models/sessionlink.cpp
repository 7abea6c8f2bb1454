#include "models/sessionlink.h"

namespace {
const QString Scheme = QStringLiteral("sessionscope");
const QString Host = QStringLiteral("session");
} // namespace

namespace SessionLink {

QUrl forSession(const QString &sessionId)
{
    QUrl url;
    url.setScheme(Scheme);
    url.setHost(Host);
    url.setPath(QLatin1Char('/') + sessionId);
    return url;
}

std::optional<QString> sessionId(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    QString id = trimmed;
    if (trimmed.startsWith(Scheme + QLatin1Char(':'), Qt::CaseInsensitive)) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host() != Host)
            return std::nullopt;
        id = url.path(QUrl::FullyDecoded);
        if (id.startsWith(QLatin1Char('/')))
            id.remove(0, 1);
        if (id.endsWith(QLatin1Char('/')))
            id.chop(1);
    }
    for (const QChar c : std::as_const(id)) {
        if (c.isSpace() || c == QLatin1Char('/'))
            return std::nullopt;
    }
    if (id.isEmpty())
        return std::nullopt;
    return id;
}

} // namespace SessionLink
