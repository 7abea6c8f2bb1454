#include "demo/headerrecorder.h"

using namespace Qt::StringLiterals;

HeaderRecorder::HeaderRecorder(QObject *parent)
    : DemoHttpServer(u"recorder"_s, nullptr, &m_log, parent)
{
    setResponse(200, "{}");
}

bool HeaderRecorder::start(quint16 port, QString *error)
{
    return DemoHttpServer::start(QHostAddress::LocalHost, port, error);
}

void HeaderRecorder::setResponse(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_response = DemoHttpResponse();
    m_response.status = status;
    m_response.body = body;
    m_response.contentType = contentType;
}

void HeaderRecorder::setRedirect(const QUrl &url)
{
    m_response = DemoHttpResponse();
    m_response.status = 302;
    m_response.headers.append({"Location", url.toEncoded()});
}

void HeaderRecorder::serve(const DemoHttpRequest &, QTcpSocket *socket,
                           const std::optional<FaultInjector::Rule> &, DemoDelivery delivery)
{
    DemoHttpWire::send(socket, m_response, delivery);
}
