#pragma once

#include <QList>
#include <QNetworkProxy>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSslCertificate;
class QSslError;

/// Scheme, host and port equal (ports defaulted by scheme, hosts compared case-insensitively):
/// the only test that decides whether a request may carry credentials.
[[nodiscard]] bool isSameOrigin(const QUrl &a, const QUrl &b);
/// The URL without its query, fragment and user info, for messages and logs: a presigned
/// recording URL's signature must never be shown or written anywhere.
[[nodiscard]] QString redactedUrl(const QUrl &url);
/// `text` with every http(s) URL in it redacted as above.
[[nodiscard]] QString redactUrlsIn(const QString &text);
/// `text` with each of `secrets` (raw and percent-encoded), any `Bearer <token>` and every
/// URL's query string replaced, for text a server sent back: a server may echo the credential
/// it was given, or a presigned link, into an error message.
[[nodiscard]] QString redactSecretsIn(const QString &text, const QStringList &secrets);
/// The certificates in a PEM (or DER) file, for trusting a private certificate authority;
/// empty with `error` set when the file cannot be read or holds no certificate.
[[nodiscard]] QList<QSslCertificate> loadCaCertificates(const QString &path, QString *error);
/// The proxy a URL such as http://proxy.example:3128 or socks5://127.0.0.1:1080 names (user
/// and password included); nullopt with `error` set for anything else.
[[nodiscard]] std::optional<QNetworkProxy> proxyFromUrl(const QUrl &url, QString *error);
/// The SHA-256 fingerprint (hex) of the certificate that TLS errors are about, as the user is
/// shown it when asked whether to trust it; empty when the errors name no certificate.
[[nodiscard]] QString peerFingerprint(const QList<QSslError> &errors);
/// Whether the user chose to trust the certificate that these TLS errors are about.
[[nodiscard]] bool isTrustedPeer(const QList<QSslError> &errors,
                                 const QStringList &trustedSha256Hex);
