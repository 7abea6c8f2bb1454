#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

/// Signs and checks S3-style presigned recording URLs. The API origin signs, the recording
/// origin verifies; they share only the secret, as a real bucket and API would.
class DemoRecordingSigner
{
public:
    enum class Verdict { Valid, Missing, Forged, Expired };

    DemoRecordingSigner(QByteArray secret, int expirySeconds);

    void setBaseUrl(const QUrl &recordingBaseUrl) { m_base = recordingBaseUrl.toString().toUtf8(); }
    [[nodiscard]] int expirySeconds() const { return m_expiry; }
    /// Signing times are rounded down to this many seconds, so a rendered page stays valid in
    /// the page cache for one bucket. It is small against the expiry (at most 1/15 of it), and
    /// the URL states the rounded time, so what the URL says about its expiry is true.
    [[nodiscard]] qint64 bucketSeconds() const;
    [[nodiscard]] qint64 bucketStart(qint64 nowSecs) const
    {
        return nowSecs - nowSecs % bucketSeconds();
    }

    /// Absolute URL for a session's recording, signed at signSecs (already bucketed).
    [[nodiscard]] QByteArray presignedUrl(const QString &sessionId, qint64 signSecs) const;
    [[nodiscard]] Verdict verify(const QString &sessionId, const QUrlQuery &query,
                                 qint64 nowSecs) const;
    [[nodiscard]] static QByteArray recordingPath(const QString &sessionId);

private:
    [[nodiscard]] QByteArray signature(const QString &sessionId, const QByteArray &date,
                                       const QByteArray &expires) const;

    QByteArray m_secret;
    int m_expiry;
    QByteArray m_base;
};
