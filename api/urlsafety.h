#pragma once

#include <QString>
#include <QUrl>

/// Scheme, host and port equal (ports defaulted by scheme, hosts compared case-insensitively):
/// the only test that decides whether a request may carry credentials.
[[nodiscard]] bool isSameOrigin(const QUrl &a, const QUrl &b);
/// The URL without its query, fragment and user info, for messages and logs: a presigned
/// recording URL's signature must never be shown or written anywhere.
[[nodiscard]] QString redactedUrl(const QUrl &url);
/// `text` with every http(s) URL in it redacted as above.
[[nodiscard]] QString redactUrlsIn(const QString &text);
