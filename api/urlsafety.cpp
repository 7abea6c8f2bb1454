#include "urlsafety.h"

#include <QCryptographicHash>
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
