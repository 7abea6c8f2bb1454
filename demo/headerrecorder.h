#pragma once

#include "demo/demohttpserver.h"

/// A third origin that only listens: it records every request's headers and answers with a
/// configured response. Tests point `next` links and redirects at it to prove that no
/// credential ever leaves the API origin.
class HeaderRecorder final : public DemoHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderRecorder)

public:
    explicit HeaderRecorder(QObject *parent = nullptr);

    /// Listens on loopback (any free port unless given).
    bool start(quint16 port = 0, QString *error = nullptr);
    /// Answer every request with this status, body and content type (default: 200, {}).
    void setResponse(int status, const QByteArray &body,
                     const QByteArray &contentType = "application/json");
    /// Answer every request with a 302 to url.
    void setRedirect(const QUrl &url);

    [[nodiscard]] QList<RecordedRequest> requests() const { return m_log.entries(); }
    void clear() { m_log.clear(); }

protected:
    void serve(const DemoHttpRequest &request, QTcpSocket *socket,
               const std::optional<FaultInjector::Rule> &fault, DemoDelivery delivery) override;

private:
    DemoRequestLog m_log;
    DemoHttpResponse m_response;
};
