#include "demo/demohttpserver.h"

#include "demo/demojsonwriter.h"

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
    if (fault && applyGenericFault(*fault, incoming, socket, delivery))
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

namespace {
/// An error body that repeats what the request carried, as some servers do in their
/// diagnostics: the credential header raw and percent-encoded, as a field name too, and a
/// presigned link. A client must show none of it.
DemoHttpResponse echoedCredentialError(const FaultInjector::Rule &fault,
                                       const DemoHttpRequest &request)
{
    const QStringList parts = fault.arg.split(u',');
    bool ok = false;
    int status = parts.value(0).toInt(&ok);
    if (!ok)
        status = 400;
    const bool detailOnly = parts.value(1) == u"detail";
    QByteArray credential = request.header("x-api-key");
    if (credential.isEmpty())
        credential = request.header("authorization");
    const QString raw = QString::fromUtf8(credential);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(raw));
    const QString link =
        u"https://demo-bucket.s3.amazonaws.com/rec.mp4?X-Amz-Date=20260528T142348Z&"
        "X-Amz-Expires=3600&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0"_s;
    const QString message =
        u"Credential %1 (sent as %2) is not valid here; see %3"_s.arg(raw, encoded, link);
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    if (detailOnly) {
        w.key("detail");
        w.string(message);
    } else {
        w.key("success");
        w.boolean(false);
        w.key("message");
        w.string(message);
        w.key("data");
        w.null();
        w.key("errors");
        w.beginObject();
        w.key(raw.toUtf8().constData());
        w.beginArray();
        w.string(u"Authorization: %1"_s.arg(raw));
        w.endArray();
        w.key("recording_presigned_url");
        w.beginArray();
        w.string(link);
        w.string(encoded);
        w.endArray();
        w.endObject();
    }
    w.endObject();
    return DemoHttpResponse::json(status, out);
}
} // namespace

bool DemoHttpServer::applyGenericFault(const FaultInjector::Rule &fault,
                                       const DemoHttpRequest &request, QTcpSocket *socket,
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
    case Kind::Drip:
        delivery.transport = DemoTransport::Drip;
        delivery.dripMs = int(FaultInjector::number(fault, 2000));
        return false;
    case Kind::Silent:
        // The request was read and logged; the socket stays open until the client gives up.
        return true;
    case Kind::EchoError:
        response = echoedCredentialError(fault, request);
        break;
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
