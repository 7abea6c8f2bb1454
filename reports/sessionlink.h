#pragma once

#include <QString>
#include <QUrl>

#include <optional>

/// A session link, as a browser or a chat client hands it to the program registered for the
/// sessionscope: scheme:
///
///     sessionscope://session/SESSION_ID?server=https://api.example.com
///
/// SESSION_ID is percent-encoded (ids may hold spaces, '+' or '/'); `server` is optional and is
/// the API base URL, as --base-url takes it. A link carries no credential: the key for its server
/// comes from the keychain, or the connection dialog asks for one.
struct SessionLink
{
    QString sessionId;
    QUrl server; ///< empty when the link names none: the last server used
};

namespace SessionLinks {
/// Whether the argument is meant as a link (its scheme is sessionscope:), valid or not, so that
/// a mistyped link is reported as a bad link rather than as an unknown command.
[[nodiscard]] bool isLink(QStringView argument);
/// The link's session and server, or nothing with a message that says what is wrong.
[[nodiscard]] std::optional<SessionLink> parse(const QString &text, QString *error);
/// The link to `sessionId`, naming `server` when one is given ("Copy link to session").
[[nodiscard]] QUrl toUrl(const QString &sessionId, const QUrl &server = {});
/// The session a person typed or pasted ("Go to session"): a link, or a bare session id. Nothing,
/// with a message, when it is neither.
[[nodiscard]] std::optional<QString> sessionIdFrom(const QString &text, QString *error);
} // namespace SessionLinks
