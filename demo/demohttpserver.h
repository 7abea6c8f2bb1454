#pragma once

#include "demo/demohttpwire.h"
#include "demo/demorequestlog.h"
#include "demo/faultinjector.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <optional>

/// Shared plumbing of the demo origins: listening, logging every request, and the faults
/// that do not depend on what the origin serves (latency, broken transport, error statuses,
/// throttling, HTML error pages, redirects). Subclasses answer the rest.
class DemoHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    /// faults and log may be null; both must outlive the server.
    DemoHttpServer(QString origin, FaultInjector *faults, DemoRequestLog *log, QObject *parent);

    /// Serves HTTPS with this certificate from the next start() on. The demo uses it to show
    /// that the client refuses an untrusted certificate unless the user pins it.
    void enableTls(const QSslCertificate &certificate, const QSslKey &key);
    bool start(const QHostAddress &address, quint16 port, QString *error);
    /// e.g. http://127.0.0.1:41234 (https:// with TLS), no trailing slash
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }

Q_SIGNALS:
    void requestReceived();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) final;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) final;

    /// Answers a request. fault is the rule that matched it, if any, minus the generic
    /// faults already applied to delivery.
    virtual void serve(const DemoHttpRequest &request, QTcpSocket *socket,
                       const std::optional<FaultInjector::Rule> &fault, DemoDelivery delivery) = 0;

private:
    /// Handles the fault completely (true) or folds it into delivery (false).
    bool applyGenericFault(const FaultInjector::Rule &fault, const DemoHttpRequest &request,
                           QTcpSocket *socket, DemoDelivery &delivery);

    QString m_origin;
    FaultInjector *m_faults;
    DemoRequestLog *m_log;
    QUrl m_baseUrl;
    bool m_tls = false;
};
