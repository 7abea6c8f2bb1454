#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QHttpServerRequest;
class QTcpSocket;

using DemoHttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// What the demo servers need from a request, copied out of QHttpServerRequest because a
/// delayed answer outlives it (the server reuses the object for the next request).
struct DemoHttpRequest
{
    QByteArray method; ///< "GET", "HEAD", "POST", ...
    QUrl url;
    QString path;         ///< decoded
    QString pathAndQuery; ///< as sent, what fault patterns match against
    QUrlQuery query;
    DemoHttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;
    quint16 peerPort = 0; ///< tells connections apart: keep-alive reuses one

    static DemoHttpRequest from(const QHttpServerRequest &request, const QTcpSocket *socket);
    /// Case-insensitive header lookup; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// One answer. Small bodies sit in body; big ones (recordings, huge pages) come from
/// generator in chunks as the socket drains, so nothing large is copied into the socket.
struct DemoHttpResponse
{
    int status = 200;
    QByteArray contentType;
    DemoHttpHeaders headers;
    QByteArray body;
    qint64 bodyLength = -1; ///< with generator: the full length
    std::function<QByteArray(qint64 offset, qint64 length)> generator;

    static DemoHttpResponse json(int status, QByteArray body);
    /// The platform's error envelope; field (if any) names the parameter at fault.
    static DemoHttpResponse envelopeError(int status, const QString &message,
                                          const QString &field = {}, const QString &detail = {});
};

/// Transport-level misbehaviour, applied while writing an otherwise normal response.
enum class DemoTransport { Normal, Stall, Reset, ResetAfterHeaders, Truncate, Drip };

struct DemoDelivery
{
    bool headOnly = false;
    bool keepAlive = true;
    DemoTransport transport = DemoTransport::Normal;
    int stallMs = 0;
    int dripMs = 0; ///< with DemoTransport::Drip: the pause after each body byte
    int delayMs = 0;
    /// Compress the body (Content-Encoding: gzip), as a server behind a compressing proxy does.
    bool gzip = false;
    /// Send the body in chunks of this size (Transfer-Encoding: chunked) instead of with a
    /// Content-Length; 0 for the usual Content-Length.
    qint64 chunkBytes = 0;
};

namespace DemoHttpWire {
/// Writes status line, headers (always with Content-Length) and body onto the socket.
void send(QTcpSocket *socket, DemoHttpResponse response, DemoDelivery delivery);
/// Closes the connection with a TCP reset instead of an orderly FIN.
void reset(QTcpSocket *socket);
QByteArray reasonPhrase(int status);
} // namespace DemoHttpWire
