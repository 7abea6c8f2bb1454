#include "reports/sessionlink.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace {
const QString Scheme = QStringLiteral("sessionscope");
constexpr qsizetype MaxSessionIdLength = 256;

QString exampleText()
{
    return QStringLiteral("a session link looks like "
                          "sessionscope://session/SESSION_ID?server=https://api.example.com");
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

std::optional<QUrl> readServer(const QString &text, QString *error)
{
    const QUrl server(text, QUrl::StrictMode);
    const QString scheme = server.scheme();
    if (!server.isValid() || server.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        *error = QCoreApplication::translate(
                     "SessionLinks", "The link's server \"%1\" is not an http or https URL.")
                     .arg(text);
        return std::nullopt;
    }
    // A link is text from someone else: it may name a server, never the credential to use there,
    // nor a query that would ride along on every request.
    if (!server.userInfo().isEmpty() || server.hasQuery() || server.hasFragment()) {
        *error = QCoreApplication::translate(
            "SessionLinks", "The link's server must be a plain base URL, without a user name, "
                            "password, query or fragment.");
        return std::nullopt;
    }
    return server;
}
} // namespace

namespace SessionLinks {

bool isLink(QStringView argument)
{
    return argument.startsWith(Scheme + u':', Qt::CaseInsensitive);
}

std::optional<SessionLink> parse(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != Scheme || url.host() != u"session") {
        *error = QCoreApplication::translate("SessionLinks", "\"%1\" is not a session link: %2.")
                     .arg(text, exampleText());
        return std::nullopt;
    }
    // The id is one path segment; an id holding '/' arrives as %2F, so split before decoding.
    const QString encodedPath = url.path(QUrl::FullyEncoded);
    const QString encodedId = encodedPath.mid(1);
    SessionLink link;
    link.sessionId = QUrl::fromPercentEncoding(encodedId.toUtf8());
    if (!encodedPath.startsWith(u'/') || encodedId.isEmpty() || encodedId.contains(u'/') ||
        link.sessionId.size() > MaxSessionIdLength || hasControlCharacter(link.sessionId)) {
        *error = QCoreApplication::translate(
                     "SessionLinks", "The link names no session, or not one session id: %1.")
                     .arg(exampleText());
        return std::nullopt;
    }
    if (url.hasFragment()) {
        *error =
            QCoreApplication::translate("SessionLinks", "A session link has no fragment (#…): %1.")
                .arg(exampleText());
        return std::nullopt;
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"server") {
            *error =
                QCoreApplication::translate(
                    "SessionLinks", "The link has a parameter \"%1\" that Sessionscope does not "
                                    "know; only server= is.")
                    .arg(key);
            return std::nullopt;
        }
        if (!link.server.isEmpty()) {
            *error =
                QCoreApplication::translate("SessionLinks", "The link names more than one server.");
            return std::nullopt;
        }
        const auto server = readServer(value, error);
        if (!server)
            return std::nullopt;
        link.server = *server;
    }
    return link;
}

QUrl toUrl(const QString &sessionId, const QUrl &server)
{
    // The id is one path segment: '/', '?', '#', '%' and spaces are percent-encoded.
    QString text = Scheme + QStringLiteral("://session/") +
                   QString::fromUtf8(QUrl::toPercentEncoding(sessionId));
    if (!server.isEmpty())
        text += QStringLiteral("?server=") +
                QString::fromUtf8(QUrl::toPercentEncoding(server.toString(QUrl::FullyEncoded)));
    return QUrl(text, QUrl::StrictMode);
}

std::optional<QString> sessionIdFrom(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (isLink(trimmed)) {
        const auto link = parse(trimmed, error);
        if (!link)
            return std::nullopt;
        return link->sessionId;
    }
    bool blank = false;
    for (const QChar c : trimmed)
        blank = blank || c.isSpace();
    if (trimmed.isEmpty() || blank || trimmed.size() > MaxSessionIdLength ||
        hasControlCharacter(trimmed)) {
        *error = QCoreApplication::translate("SessionLinks",
                                             "\"%1\" is not a session id or a session link: %2.")
                     .arg(trimmed, exampleText());
        return std::nullopt;
    }
    return trimmed;
}

} // namespace SessionLinks
