#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

/// Everything that shapes a demo server instance. Two servers built from equal options (and an
/// equal clock) answer byte-identical pages.
struct DemoOptions
{
    int sessions = 2000;
    quint64 seed = 1;
    QDateTime now;                    ///< reference date of the dataset; invalid = current UTC
    int recordingExpirySeconds = 900; ///< lifetime of presigned recording URLs
    int pageCacheMiB = 256;           ///< bound of the rendered-page cache
    QHostAddress address = QHostAddress::LocalHost;
    quint16 apiPort = 0; ///< 0 = any free port
    quint16 recordingPort = 0;
    int accessTokenLifetimeSeconds = 10 * 24 * 3600;
    int refreshTokenLifetimeSeconds = 30 * 24 * 3600;
    /// Wall clock used for token expiry and URL signing; empty = QDateTime::currentDateTimeUtc.
    /// Tests pin it to make presigned URLs (and so whole pages) reproducible.
    std::function<QDateTime()> clock;
    /// When both are set, both origins serve HTTPS with this (typically self-signed)
    /// certificate instead of plain HTTP.
    QSslCertificate tlsCertificate;
    QSslKey tlsKey;
};
