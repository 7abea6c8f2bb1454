#include "api/clientconfiguration.h"

#include <QNetworkAccessManager>

ClientConfiguration ClientConfiguration::of(const ApiClient &client,
                                            const QNetworkAccessManager &network)
{
    ClientConfiguration c;
    c.baseUrl = client.baseUrl();
    c.credentials = client.credentials();
    c.retry = client.retryPolicy();
    c.timeoutMs = client.timeoutMs();
    c.deadlineMs = client.deadlineMs();
    c.caCertificates = client.caCertificates();
    c.maxReplyBytes = client.maxReplyBytes();
    c.trustedCertificates = client.trustedCertificates();
    c.proxy = network.proxy();
    return c;
}

void ClientConfiguration::applyTo(ApiClient &client, QNetworkAccessManager &network) const
{
    client.setBaseUrl(baseUrl);
    client.setCredentials(credentials);
    client.setRetryPolicy(retry);
    client.setTimeoutMs(timeoutMs);
    client.setDeadlineMs(deadlineMs);
    client.setCaCertificates(caCertificates);
    client.setMaxReplyBytes(maxReplyBytes);
    client.setTrustedCertificates(trustedCertificates);
    network.setProxy(proxy);
}

std::unique_ptr<ApiClient> ClientConfiguration::makeClient() const
{
    auto *network = new QNetworkAccessManager;
    auto client = std::make_unique<ApiClient>(network);
    // A child goes after the client's own destructor, which aborts the replies still open.
    network->setParent(client.get());
    applyTo(*client, *network);
    return client;
}
