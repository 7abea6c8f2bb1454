#pragma once

#include <QString>
#include <QUrl>

#include <optional>

/// A link to one session that a colleague can paste: `sessionscope://session/ID`. "Go to
/// session" and `--session` take the link or the bare ID; "Copy link to session" writes it.
namespace SessionLink {

/// `sessionscope://session/ID`, the ID percent-encoded where it needs to be.
[[nodiscard]] QUrl forSession(const QString &sessionId);
/// The session ID in `text`: a bare ID or a `sessionscope://session/ID` link, with surrounding
/// white space ignored. Nothing when the text is empty, holds white space inside, or is a link
/// of another kind.
[[nodiscard]] std::optional<QString> sessionId(const QString &text);

} // namespace SessionLink
