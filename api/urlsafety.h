#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSslError;

/// Scheme, host and port equal (ports defaulted by scheme, hosts compared case-insensitively):
/// the only test that decides whether a request may carry credentials.
[[nodiscard]] bool isSameOrigin(const QUrl &a, const QUrl &b);
/// The URL without its query, fragment and user info, for messages and logs: a presigned
/// recording URL's signature must never be shown or written anywhere.
[[nodiscard]] QString redactedUrl(const QUrl &url);
/// `text` with every http(s) URL in it redacted as above.
[[nodiscard]] QString redactUrlsIn(const QString &text);
/// The SHA-256 fingerprint (hex) of the certificate that TLS errors are about, as the user is
/// shown it when asked whether to trust it; empty when the errors name no certificate.
[[nodiscard]] QString peerFingerprint(const QList<QSslError> &errors);
/// Whether the user chose to trust the certificate that these TLS errors are about.
[[nodiscard]] bool isTrustedPeer(const QList<QSslError> &errors,
                                 const QStringList &trustedSha256Hex);
