#include "demo/demohttpwire.h"

#include "demo/demojsonwriter.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <limits>
#include <utility>
#include <zlib.h>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ChunkBytes = 256 * 1024;

/// Feeds a body into a socket as it drains, pausing or stopping where a fault says so.
class BodyPump final : public QObject
{
public:
    BodyPump(QTcpSocket *socket, DemoHttpResponse response, qint64 begin, qint64 end,
             DemoDelivery delivery)
        : QObject(socket)
        , m_socket(socket)
        , m_response(std::move(response))
        , m_offset(begin)
        , m_end(end)
        , m_delivery(delivery)
    {
        const qint64 half = begin + (end - begin) / 2;
        if (delivery.transport == DemoTransport::Stall)
            m_pauseAt = half;
        if (delivery.transport == DemoTransport::Truncate)
            m_stopAt = half;
        connect(socket, &QTcpSocket::bytesWritten, this, &BodyPump::pump);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        pump();
    }

private:
    void pump()
    {
        if (m_paused)
            return;
        if (m_delivery.transport == DemoTransport::Drip) {
            drip();
            return;
        }
        while (m_socket->bytesToWrite() < ChunkBytes) {
            const qint64 limit = std::min({m_end, m_pauseAt, m_stopAt});
            if (m_offset >= limit) {
                finishOrPause();
                return;
            }
            const qint64 length = std::min(ChunkBytes, limit - m_offset);
            m_socket->write(m_response.generator ? m_response.generator(m_offset, length)
                                                 : m_response.body.mid(m_offset, length));
            m_offset += length;
        }
    }

    /// One byte now and the next one later: the connection is never idle for long, and the
    /// answer takes bodyLength × dripMs to arrive.
    void drip()
    {
        if (m_offset >= m_end) {
            finishOrPause();
            return;
        }
        disconnect(m_socket, &QTcpSocket::bytesWritten, this, &BodyPump::pump);
        m_socket->write(m_response.generator ? m_response.generator(m_offset, 1)
                                             : m_response.body.mid(m_offset, 1));
        ++m_offset;
        m_paused = true;
        QTimer::singleShot(m_delivery.dripMs, this, [this] {
            m_paused = false;
            pump();
        });
    }

    void finishOrPause()
    {
        if (m_offset == m_pauseAt && m_offset < m_end) {
            m_paused = true;
            m_pauseAt = m_end + 1;
            QTimer::singleShot(m_delivery.stallMs, this, [this] {
                m_paused = false;
                pump();
            });
            return;
        }
        disconnect(m_socket, nullptr, this, nullptr);
        // A truncated body must end the connection, or the client waits for the rest.
        if (m_offset < m_end || !m_delivery.keepAlive)
            m_socket->disconnectFromHost();
        deleteLater();
    }

    QTcpSocket *m_socket;
    DemoHttpResponse m_response;
    qint64 m_offset;
    qint64 m_end;
    qint64 m_pauseAt = std::numeric_limits<qint64>::max();
    qint64 m_stopAt = std::numeric_limits<qint64>::max();
    bool m_paused = false;
    DemoDelivery m_delivery;
};

} // namespace

DemoHttpRequest DemoHttpRequest::from(const QHttpServerRequest &request, const QTcpSocket *socket)
{
    DemoHttpRequest r;
    r.peerPort = socket ? socket->peerPort() : 0;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Head:
        r.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        r.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        r.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Options:
        r.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        r.method = "PATCH";
        break;
    default:
        r.method = "UNKNOWN";
        break;
    }
    r.url = request.url();
    r.path = r.url.path(QUrl::FullyDecoded);
    r.pathAndQuery = r.url.path(QUrl::FullyEncoded);
    if (r.url.hasQuery())
        r.pathAndQuery += u'?' + r.url.query(QUrl::FullyEncoded);
    r.query = QUrlQuery(r.url);
    r.headers = request.headers();
    r.body = request.body();
    const QByteArray connection = r.header("connection").toLower();
    r.keepAlive = !connection.contains("close");
    return r;
}

QByteArray DemoHttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

DemoHttpResponse DemoHttpResponse::json(int status, QByteArray body)
{
    DemoHttpResponse r;
    r.status = status;
    r.contentType = "application/json";
    r.body = std::move(body);
    return r;
}

DemoHttpResponse DemoHttpResponse::envelopeError(int status, const QString &message,
                                                 const QString &field, const QString &detail)
{
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("success");
    w.boolean(false);
    w.key("message");
    w.string(message);
    w.key("data");
    w.null();
    w.key("errors");
    w.beginObject();
    w.key(field.isEmpty() ? "detail" : field.toUtf8().constData());
    w.beginArray();
    w.string(detail.isEmpty() ? message : detail);
    w.endArray();
    w.endObject();
    w.endObject();
    return json(status, out);
}

namespace DemoHttpWire {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 206:
        return "Partial Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 416:
        return "Range Not Satisfiable";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

void reset(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // Zero linger turns close() into an RST, which is what a crashed peer or proxy sends.
    const linger noLinger{1, 0};
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                 sizeof noLinger);
#endif
    socket->abort();
}

namespace {
QByteArray gzipped(const QByteArray &data)
{
    z_stream stream{};
    // 15 window bits, +16: a gzip header and trailer around the deflate stream.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return data;
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray headLines(const DemoHttpResponse &response, const DemoDelivery &delivery,
                     const QByteArray &framing)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reasonPhrase(response.status) + "\r\nServer: sessionscope-demo\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    head += framing + "\r\n";
    for (const auto &[key, value] : std::as_const(response.headers))
        head += key + ": " + value + "\r\n";
    head += delivery.keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    return head;
}

/// The whole answer at once, its body in chunks: only small test pages are sent this way.
void sendChunked(QTcpSocket *socket, const DemoHttpResponse &response, const DemoDelivery &delivery)
{
    QByteArray wire = headLines(response, delivery, "Transfer-Encoding: chunked");
    if (!delivery.headOnly) {
        for (qsizetype at = 0; at < response.body.size(); at += delivery.chunkBytes) {
            const QByteArray chunk = response.body.mid(at, delivery.chunkBytes);
            wire += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        }
        wire += "0\r\n\r\n";
    }
    socket->write(wire);
    if (!delivery.keepAlive)
        socket->disconnectFromHost();
}
} // namespace

void send(QTcpSocket *socket, DemoHttpResponse response, DemoDelivery delivery)
{
    if (!socket)
        return;
    if (delivery.delayMs > 0) {
        const int delay = std::exchange(delivery.delayMs, 0);
        QTimer::singleShot(delay, socket, [socket, response = std::move(response), delivery] {
            send(socket, response, delivery);
        });
        return;
    }
    if (delivery.transport == DemoTransport::Reset) {
        QTimer::singleShot(0, socket, [socket] { reset(socket); });
        return;
    }
    if (response.generator && (delivery.gzip || delivery.chunkBytes > 0)) {
        response.body = response.generator(0, response.bodyLength);
        response.generator = {};
    }
    if (delivery.gzip && !response.body.isEmpty()) {
        response.body = gzipped(response.body);
        response.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    }
    if (delivery.chunkBytes > 0) {
        sendChunked(socket, response, delivery);
        return;
    }
    const qint64 length = response.generator ? response.bodyLength : response.body.size();
    socket->write(headLines(response, delivery, "Content-Length: " + QByteArray::number(length)));

    if (delivery.transport == DemoTransport::ResetAfterHeaders) {
        socket->flush();
        QTimer::singleShot(50, socket, [socket] { reset(socket); });
        return;
    }
    if (delivery.headOnly || length == 0) {
        if (!delivery.keepAlive)
            socket->disconnectFromHost();
        return;
    }
    // A whole body goes to the socket as it is: it takes the bytes without copying them, where
    // feeding it slices would copy every page once more.
    if (delivery.transport == DemoTransport::Normal && !response.generator) {
        socket->write(response.body);
        if (!delivery.keepAlive)
            socket->disconnectFromHost();
        return;
    }
    new BodyPump(socket, std::move(response), 0, length, delivery);
}

} // namespace DemoHttpWire
