#include "demo/demorecordingsigner.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

#include <algorithm>

using namespace Qt::StringLiterals;

DemoRecordingSigner::DemoRecordingSigner(QByteArray secret, int expirySeconds)
    : m_secret(std::move(secret))
    , m_expiry(std::max(1, expirySeconds))
{}

qint64 DemoRecordingSigner::bucketSeconds() const
{
    return std::clamp<qint64>(m_expiry / 15, 1, 60);
}

QByteArray DemoRecordingSigner::recordingPath(const QString &sessionId)
{
    return "/recordings/" + QUrl::toPercentEncoding(sessionId) + ".wav";
}

QByteArray DemoRecordingSigner::signature(const QString &sessionId, const QByteArray &date,
                                          const QByteArray &expires) const
{
    const QByteArray canonical = "GET\n" + recordingPath(sessionId) + '\n' + date + '\n' + expires;
    return QMessageAuthenticationCode::hash(canonical, m_secret, QCryptographicHash::Sha256)
        .toHex();
}

QByteArray DemoRecordingSigner::presignedUrl(const QString &sessionId, qint64 signSecs) const
{
    const QByteArray date = QDateTime::fromSecsSinceEpoch(signSecs, Qt::UTC)
                                .toString(u"yyyyMMdd'T'HHmmss'Z'"_s)
                                .toLatin1();
    const QByteArray expires = QByteArray::number(m_expiry);
    return m_base + recordingPath(sessionId) +
           "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + date + "&X-Amz-Expires=" + expires +
           "&X-Amz-Signature=" + signature(sessionId, date, expires);
}

DemoRecordingSigner::Verdict
DemoRecordingSigner::verify(const QString &sessionId, const QUrlQuery &query, qint64 nowSecs) const
{
    const QByteArray date = query.queryItemValue(u"X-Amz-Date"_s).toLatin1();
    const QByteArray expires = query.queryItemValue(u"X-Amz-Expires"_s).toLatin1();
    const QByteArray given = query.queryItemValue(u"X-Amz-Signature"_s).toLatin1();
    if (date.isEmpty() || expires.isEmpty() || given.isEmpty() ||
        query.queryItemValue(u"X-Amz-Algorithm"_s) != u"AWS4-HMAC-SHA256")
        return Verdict::Missing;
    // Compare every byte so the check takes the same time wherever a forgery differs.
    const QByteArray expected = signature(sessionId, date, expires);
    unsigned char diff = expected.size() == given.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(expected.size(), given.size()); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
    if (diff != 0)
        return Verdict::Forged;
    const QDateTime signedAt =
        QDateTime::fromString(QString::fromLatin1(date), u"yyyyMMdd'T'HHmmss'Z'"_s);
    bool ok = false;
    const qint64 lifetime = expires.toLongLong(&ok);
    if (!signedAt.isValid() || !ok)
        return Verdict::Forged;
    const qint64 signedSecs =
        QDateTime(signedAt.date(), signedAt.time(), Qt::UTC).toSecsSinceEpoch();
    return nowSecs >= signedSecs + lifetime ? Verdict::Expired : Verdict::Valid;
}
