#pragma once

#include <QString>
#include <QUrl>

class ApiClient;
class QNetworkAccessManager;

/// How requests reach the server, beside where and as whom: the same three settings from
/// the command line (--timeout, --proxy, --ca-certificate) and from the connection dialog.
struct NetworkOptions
{
    int timeoutSeconds = 0;    ///< overall deadline of one request; 0 = the client's default
    QUrl proxy;                ///< empty: the system's proxies (http_proxy, no_proxy, ...)
    QString caCertificateFile; ///< empty: the system's certificate authorities only

    /// Applies all three to `client` and `network`, or none of them: false with a message when
    /// the proxy URL is not one or the CA file cannot be read (`localFailure` then set).
    bool applyTo(ApiClient &client, QNetworkAccessManager &network, QString *error,
                 bool *localFailure = nullptr) const;
};
