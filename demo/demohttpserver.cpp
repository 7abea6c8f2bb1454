#include "demohttpserver.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

DemoHttpServer::DemoHttpServer(QString origin, FaultInjector *faults, DemoRequestLog *log,
                               QObject *parent)
    : QAbstractHttpServer(parent)
    , m_origin(std::move(origin))
    , m_faults(faults)
    , m_log(log)
{}

void DemoHttpServer::enableTls(const QSslCertificate &certificate, const QSslKey &key)
{
    sslSetup(certificate, key);
    m_tls = true;
}

bool DemoHttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = listen(address, port);
    if (bound == 0) {
        if (error)
            *error =
                u"%1 origin: cannot listen on %2:%3"_s.arg(m_origin, address.toString()).arg(port);
        return false;
    }
    m_baseUrl =
        QUrl(u"%1://%2:%3"_s.arg(m_tls ? u"https"_s : u"http"_s, address.toString()).arg(bound));
    return true;
}

bool DemoHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const DemoHttpRequest incoming = DemoHttpRequest::from(request, socket);
    if (m_log)
        m_log->record(incoming, m_origin);
    DemoDelivery delivery;
    delivery.headOnly = incoming.method == "HEAD";
    delivery.keepAlive = incoming.keepAlive;
    std::optional<FaultInjector::Rule> fault;
    if (m_faults)
        fault = m_faults->take(incoming.pathAndQuery);
    if (fault && applyGenericFault(*fault, socket, delivery))
        fault.reset();
    else
        serve(incoming, socket, fault, delivery);
    Q_EMIT requestReceived();
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    DemoHttpWire::send(socket, DemoHttpResponse::envelopeError(404, u"Not found."_s), {});
}

bool DemoHttpServer::applyGenericFault(const FaultInjector::Rule &fault, QTcpSocket *socket,
                                       DemoDelivery &delivery)
{
    using Kind = FaultInjector::Kind;
    DemoHttpResponse response;
    switch (fault.kind) {
    case Kind::Latency:
        delivery.delayMs = int(FaultInjector::number(fault, 1000));
        return false;
    case Kind::Stall:
        delivery.transport = DemoTransport::Stall;
        delivery.stallMs = int(FaultInjector::number(fault, 30000));
        return false;
    case Kind::Reset:
        delivery.transport = DemoTransport::Reset;
        return false;
    case Kind::ResetAfterHeaders:
        delivery.transport = DemoTransport::ResetAfterHeaders;
        return false;
    case Kind::Truncate:
        delivery.transport = DemoTransport::Truncate;
        return false;
    case Kind::Chunked:
        delivery.chunkBytes = FaultInjector::number(fault, 16 * 1024);
        return false;
    case Kind::Gzip:
        delivery.gzip = true;
        if (fault.arg == u"chunked")
            delivery.chunkBytes = 16 * 1024;
        return false;
    case Kind::Status: {
        const int status = int(FaultInjector::number(fault, 500));
        response = DemoHttpResponse::envelopeError(
            status,
            status == 503 ? u"Service temporarily unavailable."_s : u"A server error occurred."_s);
        break;
    }
    case Kind::Throttle: {
        const qint64 wait = FaultInjector::number(fault, -1);
        response = DemoHttpResponse::envelopeError(
            429, wait >= 0 ? u"Request was throttled. Expected available in %1 seconds."_s.arg(wait)
                           : u"Request was throttled."_s);
        if (wait >= 0)
            response.headers.append({"Retry-After", QByteArray::number(wait)});
        break;
    }
    case Kind::HtmlError: {
        const int status = int(FaultInjector::number(fault, 502));
        const QByteArray title =
            QByteArray::number(status) + ' ' + DemoHttpWire::reasonPhrase(status);
        response.status = status;
        response.contentType = "text/html; charset=utf-8";
        response.body = "<!DOCTYPE html>\n<html><head><title>" + title +
                        "</title></head>\n<body><center><h1>" + title +
                        "</h1></center><hr><center>nginx</center></body></html>\n";
        break;
    }
    case Kind::Redirect:
        response.status = 302;
        response.headers.append({"Location", fault.arg.toUtf8()});
        break;
    default:
        return false; // content faults belong to the origin that renders content
    }
    DemoHttpWire::send(socket, std::move(response), delivery);
    return true;
}
