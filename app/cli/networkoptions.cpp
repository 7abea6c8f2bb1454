#include "app/cli/networkoptions.h"

#include "api/apiclient.h"
#include "api/urlsafety.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

bool NetworkOptions::applyTo(ApiClient &client, QNetworkAccessManager &network, QString *error,
                             bool *localFailure) const
{
    if (localFailure)
        *localFailure = false;
    // DefaultProxy defers to the application's proxy factory, that is the system's settings.
    QNetworkProxy chosenProxy(QNetworkProxy::DefaultProxy);
    if (!proxy.isEmpty()) {
        const auto parsed = proxyFromUrl(proxy, error);
        if (!parsed)
            return false;
        chosenProxy = *parsed;
    }
    QList<QSslCertificate> authorities;
    if (!caCertificateFile.isEmpty()) {
        authorities = loadCaCertificates(caCertificateFile, error);
        if (authorities.isEmpty()) {
            if (localFailure)
                *localFailure = true;
            return false;
        }
    }
    client.setDeadlineMs(timeoutSeconds > 0 ? timeoutSeconds * 1000 : ApiClient::DefaultDeadlineMs);
    network.setProxy(chosenProxy);
    client.setCaCertificates(authorities);
    return true;
}
