#include "api/urlsafety.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslError>

namespace {
int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == u"https" ? 443 : scheme == u"http" ? 80 : -1);
}
} // namespace

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    return a.isValid() && b.isValid() && a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

QString redactedUrl(const QUrl &url)
{
    QString text =
        url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
    if (url.hasQuery())
        text += QStringLiteral("?…");
    return text;
}

QString redactUrlsIn(const QString &text)
{
    static const QRegularExpression urlPattern(QStringLiteral(R"(https?://[^\s"'<>]+)"),
                                               QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype last = 0;
    auto it = urlPattern.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += redactedUrl(QUrl(match.captured()));
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString redactSecretsIn(const QString &text, const QStringList &secrets)
{
    static const QString Redacted = QStringLiteral("[redacted]");
    QString out = text;
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        // Percent-encoding may come back with lower-case hex digits: match either case.
        for (const QString &form : {secret, encoded})
            out.replace(form, Redacted, Qt::CaseInsensitive);
    }
    // Whatever token a server shows after "Bearer", it is one that authorises somebody.
    static const QRegularExpression bearer(QStringLiteral(R"(\b(Bearer)\s+[^\s"',;]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    out.replace(bearer, QStringLiteral("\\1 ") + Redacted);
    return redactUrlsIn(out);
}

QList<QSslCertificate> loadCaCertificates(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QCoreApplication::translate("UrlSafety", "Cannot read the CA certificate file %1: %2")
                .arg(path, file.errorString());
        return {};
    }
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty())
        *error = QCoreApplication::translate("UrlSafety",
                                             "%1 holds no certificate (expected PEM or DER).")
                     .arg(path);
    return certificates;
}

std::optional<QNetworkProxy> proxyFromUrl(const QUrl &url, QString *error)
{
    const QString scheme = url.scheme().toLower();
    const bool http = scheme == u"http";
    if (!url.isValid() || url.host().isEmpty() || (!http && scheme != u"socks5")) {
        *error = QCoreApplication::translate(
            "UrlSafety", "The proxy must be a URL such as "
                         "http://proxy.example:3128 or socks5://127.0.0.1:1080.");
        return std::nullopt;
    }
    return QNetworkProxy(http ? QNetworkProxy::HttpProxy : QNetworkProxy::Socks5Proxy, url.host(),
                         quint16(url.port(http ? 80 : 1080)), url.userName(), url.password());
}

QString peerFingerprint(const QList<QSslError> &errors)
{
    if (errors.isEmpty() || errors.first().certificate().isNull())
        return {};
    return QString::fromLatin1(
        errors.first().certificate().digest(QCryptographicHash::Sha256).toHex());
}

bool isTrustedPeer(const QList<QSslError> &errors, const QStringList &trustedSha256Hex)
{
    const QString fingerprint = peerFingerprint(errors);
    return !fingerprint.isEmpty() && trustedSha256Hex.contains(fingerprint, Qt::CaseInsensitive);
}
