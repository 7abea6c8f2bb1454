#pragma once

#include "api/apiclient.h"

#include <QNetworkProxy>

/// How a client reaches the server, as a value: the base URL, the credentials, the retry and
/// timeout policy, the certificate authorities and fingerprints it trusts, and the network
/// manager's proxy. A second client built from it on another thread (a QNetworkAccessManager
/// and its client belong to the thread that made them, so they are never shared) talks to the
/// same server as the same user, with the same trust, as the first.
///
/// Whether usage pages keep each session's JSON is left out: that is a choice of the caller of
/// the client, not of the connection.
struct ClientConfiguration
{
    QUrl baseUrl;
    ApiCredentials credentials;
    RetryPolicy retry;
    int timeoutMs = 30000;
    int deadlineMs = ApiClient::DefaultDeadlineMs;
    QList<QSslCertificate> caCertificates;
    qint64 maxReplyBytes = ApiClient::DefaultMaxReplyBytes;
    QStringList trustedCertificates;
    QNetworkProxy proxy;

    /// Read on the thread `client` and `network` live on.
    [[nodiscard]] static ClientConfiguration of(const ApiClient &client,
                                                const QNetworkAccessManager &network);
    void applyTo(ApiClient &client, QNetworkAccessManager &network) const;
    /// A client of the calling thread with this configuration, owning a network manager of its
    /// own (its child).
    [[nodiscard]] std::unique_ptr<ApiClient> makeClient() const;
};
