#include "keepaliveconnection.h"
#include "urlsafety.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>

#include <simdjson.h>
#include <zlib.h>

#include <cstring>

namespace {
/// How often a blocked read looks at the cancel check.
constexpr int WaitSliceMs = 50;
/// A longer status line and header block, or chunk-size line, is not an API's answer.
constexpr qsizetype MaxHeadBytes = 64 * 1024;
/// Bytes asked of the socket at once while reading a head or chunk sizes.
constexpr qsizetype ReadAheadBytes = 64 * 1024;
constexpr qsizetype Padding = qsizetype(simdjson::SIMDJSON_PADDING);

/// Room for `extra` more bytes plus the decoder's padding, grown geometrically so that a
/// chunked body is not copied once per chunk.
void reserveFor(QByteArray &body, qsizetype extra)
{
    const qsizetype needed = body.size() + extra + Padding;
    if (body.capacity() < needed)
        body.reserve(qMax(needed, body.capacity() * 2));
}

/// Undoes gzip or zlib-wrapped deflate (what HTTP calls "deflate"). False with a reason when
/// the data is damaged, ends early or inflates past maxBytes.
bool inflateBody(const QByteArray &in, qint64 maxBytes, QByteArray &out, QString *problem)
{
    z_stream stream{};
    // 15 window bits, +32: the gzip or zlib header is recognised by itself.
    if (inflateInit2(&stream, 15 + 32) != Z_OK) {
        *problem = QStringLiteral("decompression could not start");
        return false;
    }
    out.clear();
    out.reserve(qsizetype(qMin<qint64>(maxBytes, qint64(in.size()) * 4)) + Padding + 4096);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    stream.avail_in = uInt(in.size());
    int status = Z_OK;
    while (status == Z_OK) {
        if (out.capacity() - out.size() < Padding + 4096)
            out.reserve(out.capacity() * 2);
        const qsizetype room = out.capacity() - out.size() - Padding;
        const qsizetype before = out.size();
        out.resize(before + room);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        stream.avail_out = uInt(room);
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(before + room - qsizetype(stream.avail_out));
        if (out.size() > maxBytes) {
            status = Z_MEM_ERROR;
            *problem = QStringLiteral("the body inflates past the size limit");
        } else if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            *problem = QStringLiteral("the compressed body ends early");
        }
    }
    inflateEnd(&stream);
    if (status == Z_STREAM_END)
        return true;
    if (problem->isEmpty())
        *problem = QStringLiteral("the compressed body is damaged");
    out.clear();
    return false;
}

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    for (const QByteArray &item : list.split(','))
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}
} // namespace

struct KeepAliveConnection::Head
{
    int status = 0;
    bool http10 = false;
    qint64 contentLength = -1;
    bool chunked = false;
    bool close = false;
    QByteArray contentEncoding;
};

KeepAliveConnection::KeepAliveConnection()
    : m_idle(std::make_unique<QElapsedTimer>())
{}

KeepAliveConnection::~KeepAliveConnection() = default;

bool KeepAliveConnection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void KeepAliveConnection::drop()
{
    if (m_socket)
        m_socket->abort();
    m_socket.reset();
    m_in.clear();
    m_inPos = 0;
}

KeepAliveConnection::Reply KeepAliveConnection::get(const DirectRequest &request,
                                                    const CancelCheck &cancelled)
{
    m_cancelled = &cancelled;
    const bool reused = isOpen();
    bool answered = false;
    Reply reply = attempt(request, &answered);
    // A kept-alive connection may have been closed by the server while it sat idle, which
    // shows as a connection that ends before any answer: a GET can go again on a fresh one.
    if (!reply.isUsable()) {
        drop();
        if (reused && !answered && !cancelled()) {
            reply = attempt(request, &answered);
            if (!reply.isUsable())
                drop();
        }
    }
    m_cancelled = nullptr;
    return reply;
}

KeepAliveConnection::Reply KeepAliveConnection::attempt(const DirectRequest &request,
                                                        bool *answered)
{
    Reply reply;
    *answered = false;
    // Whatever goes wrong below leaves the connection to be dropped by get().
    if (!connectTo(request, &reply.problem))
        return reply;
    const QUrl &url = request.url;
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 address
    if (url.port() > 0)
        host += ':' + QByteArray::number(url.port());
    QByteArray message =
        "GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment) +
        " HTTP/1.1\r\nHost: " + host + "\r\nConnection: keep-alive\r\n";
    for (const auto &[name, value] : request.headers)
        message += name + ": " + value + "\r\n";
    message += "\r\n";
    if (m_socket->write(message) != message.size()) {
        reply.problem = QStringLiteral("the request could not be sent");
        return reply;
    }
    m_idle->start();
    Head head;
    if (!readHead(request, head, &reply.problem)) {
        *answered = !m_in.isEmpty();
        return reply;
    }
    *answered = true;
    reply.status = head.status;
    if (head.status != 200) {
        // Left unread, which ends the connection: ApiClient asks again and reports it properly.
        reply.problem = QStringLiteral("the server answered %1").arg(head.status);
        return reply;
    }
    QByteArray raw;
    if (head.chunked) {
        if (!readChunked(raw, request, &reply.problem))
            return reply;
    } else if (head.contentLength < 0) {
        reply.problem = QStringLiteral("the answer has no length");
        return reply;
    } else if (head.contentLength > request.maxBytes) {
        reply.problem = QStringLiteral("the answer is larger than the size limit");
        return reply;
    } else {
        raw.reserve(qsizetype(head.contentLength) + Padding);
        raw.resize(qsizetype(head.contentLength));
        if (!readExactly(raw.data(), head.contentLength, request, &reply.problem))
            return reply;
    }
    // A server that closes, speaks HTTP/1.0 or sent more than it announced cannot be trusted
    // with the next request.
    if (head.close || head.http10 || m_inPos < m_in.size()) {
        drop();
    } else {
        m_in.clear();
        m_inPos = 0;
    }
    const QByteArray encoding = head.contentEncoding.toLower();
    if (encoding.isEmpty() || encoding == "identity")
        reply.body = std::move(raw);
    else if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate")
        inflateBody(raw, request.maxBytes, reply.body, &reply.problem);
    else
        reply.problem = QStringLiteral("the answer is encoded as %1")
                            .arg(QString::fromLatin1(head.contentEncoding));
    return reply;
}

bool KeepAliveConnection::connectTo(const DirectRequest &request, QString *problem)
{
    const QUrl &url = request.url;
    const bool tls = url.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
    const auto port = quint16(url.port(tls ? 443 : 80));
    if (isOpen() && m_tls == tls && m_port == port &&
        m_host.compare(url.host(), Qt::CaseInsensitive) == 0)
        return true;
    drop();
    m_host = url.host();
    m_port = port;
    m_tls = tls;
    ++m_opened;
    QList<QHostAddress> addresses = request.addresses;
    if (addresses.isEmpty() && !QHostAddress(url.host()).isNull())
        addresses.append(QHostAddress(url.host()));
    if (addresses.isEmpty()) {
        *problem = QStringLiteral("no address for %1").arg(url.host());
        return false;
    }
    // The addresses in the order the lookup gave them, as Qt's own connection does.
    for (const QHostAddress &address : std::as_const(addresses)) {
        problem->clear();
        if (connectToAddress(request, address, tls, port, problem))
            break;
        if ((*m_cancelled)())
            return false;
    }
    if (!problem->isEmpty())
        return false;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return true;
}

bool KeepAliveConnection::connectToAddress(const DirectRequest &request,
                                           const QHostAddress &address, bool tls, quint16 port,
                                           QString *problem)
{
    QElapsedTimer clock;
    clock.start();
    // Waits in slices so that a cancel is seen within one.
    const auto waitFor = [&](const std::function<bool(int)> &step) {
        while (!step(WaitSliceMs)) {
            if (m_socket->state() == QAbstractSocket::UnconnectedState || (*m_cancelled)() ||
                clock.elapsed() > request.timeoutMs)
                return false;
        }
        return true;
    };
    if (tls) {
        auto *ssl = new QSslSocket;
        m_socket.reset(ssl);
        ssl->setProxy(QNetworkProxy::NoProxy);
        const QStringList trusted = request.trustedCertificates;
        QObject::connect(ssl, &QSslSocket::sslErrors, ssl,
                         [ssl, trusted](const QList<QSslError> &errors) {
                             if (isTrustedPeer(errors, trusted))
                                 ssl->ignoreSslErrors(errors);
                         });
        // The certificate is checked against the URL's host name, not the address.
        ssl->connectToHostEncrypted(address.toString(), port, request.url.host());
        if (!waitFor([ssl](int ms) { return ssl->waitForEncrypted(ms); })) {
            *problem = QStringLiteral("no TLS connection: %1").arg(ssl->errorString());
            return false;
        }
        return true;
    }
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->setProxy(QNetworkProxy::NoProxy);
    // Unbuffered: a read goes from the kernel straight into the caller's buffer.
    m_socket->connectToHost(address, port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    if (!waitFor([this](int ms) { return m_socket->waitForConnected(ms); })) {
        *problem = QStringLiteral("no connection: %1").arg(m_socket->errorString());
        return false;
    }
    return true;
}

KeepAliveConnection::Wait KeepAliveConnection::waitForData(const DirectRequest &request)
{
    for (;;) {
        if (m_socket->bytesAvailable() > 0)
            return Wait::Data;
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return Wait::Closed;
        if ((*m_cancelled)() || m_idle->elapsed() > request.timeoutMs)
            return Wait::Failed;
        if (m_socket->waitForReadyRead(WaitSliceMs))
            return Wait::Data;
        if (m_socket->error() != QAbstractSocket::SocketTimeoutError &&
            m_socket->error() != QAbstractSocket::UnknownSocketError)
            return Wait::Closed;
    }
}

QString KeepAliveConnection::waitProblem() const
{
    return (*m_cancelled)() ? QStringLiteral("cancelled") : QStringLiteral("no answer in time");
}

bool KeepAliveConnection::fill(const DirectRequest &request, QString *problem)
{
    for (;;) {
        const qsizetype before = m_in.size();
        m_in.resize(before + ReadAheadBytes);
        const qint64 got = m_socket->read(m_in.data() + before, ReadAheadBytes);
        m_in.resize(before + qsizetype(qMax<qint64>(0, got)));
        if (got > 0) {
            m_idle->restart();
            return true;
        }
        const Wait wait = got < 0 ? Wait::Closed : waitForData(request);
        if (wait == Wait::Closed) {
            *problem = QStringLiteral("the connection ended early");
            return false;
        }
        if (wait == Wait::Failed) {
            *problem = waitProblem();
            return false;
        }
    }
}

qsizetype KeepAliveConnection::readUntil(QByteArrayView delimiter, const DirectRequest &request,
                                         QString *problem)
{
    qsizetype end = -1;
    while ((end = m_in.indexOf(delimiter, m_inPos)) < 0) {
        if (m_in.size() - m_inPos > MaxHeadBytes) {
            *problem = QStringLiteral("the answer's head or a chunk size is too long");
            return -1;
        }
        if (!fill(request, problem))
            return -1;
    }
    return end;
}

bool KeepAliveConnection::readHead(const DirectRequest &request, Head &head, QString *problem)
{
    const qsizetype end = readUntil("\r\n\r\n", request, problem);
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_in.mid(m_inPos, end - m_inPos).split('\n');
    m_inPos = end + 4;
    // "HTTP/1.1 200 OK"
    const QByteArray statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    bool ok = false;
    head.status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
    if (!ok || !statusLine.startsWith("HTTP/1.")) {
        head.status = 0;
        *problem = QStringLiteral("the answer is not HTTP/1.1");
        return false;
    }
    head.http10 = statusLine.startsWith("HTTP/1.0");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            head.contentLength = value.toLongLong(&ok);
            if (!ok || head.contentLength < 0) {
                *problem = QStringLiteral("the answer's Content-Length is not a number");
                return false;
            }
        } else if (name == "transfer-encoding") {
            // Only chunked framing is understood; a compressing transfer coding such as
            // "gzip, chunked" is left to Qt.
            const QByteArray coding = value.toLower().replace(' ', QByteArray());
            head.chunked = coding == "chunked";
            if (!head.chunked && coding != "identity") {
                *problem = QStringLiteral("the answer's transfer encoding is %1")
                               .arg(QString::fromLatin1(value));
                return false;
            }
        } else if (name == "content-encoding") {
            head.contentEncoding = value;
        } else if (name == "connection") {
            head.close = hasToken(value, "close");
        }
    }
    return true;
}

bool KeepAliveConnection::readExactly(char *into, qint64 length, const DirectRequest &request,
                                      QString *problem)
{
    const qint64 buffered = qMin<qint64>(length, m_in.size() - m_inPos);
    std::memcpy(into, m_in.constData() + m_inPos, size_t(buffered));
    m_inPos += qsizetype(buffered);
    qint64 have = buffered;
    while (have < length) {
        const qint64 got = m_socket->read(into + have, length - have);
        if (got > 0) {
            have += got;
            m_idle->restart();
            continue;
        }
        const Wait wait = got < 0 ? Wait::Closed : waitForData(request);
        if (wait == Wait::Closed) {
            *problem =
                QStringLiteral("the connection ended after %1 of %2 bytes").arg(have).arg(length);
            return false;
        }
        if (wait == Wait::Failed) {
            *problem = waitProblem();
            return false;
        }
    }
    return true;
}

bool KeepAliveConnection::readLine(QByteArray &line, const DirectRequest &request, QString *problem)
{
    const qsizetype end = readUntil("\r\n", request, problem);
    if (end < 0)
        return false;
    line = m_in.mid(m_inPos, end - m_inPos);
    m_inPos = end + 2;
    return true;
}

bool KeepAliveConnection::readChunked(QByteArray &body, const DirectRequest &request,
                                      QString *problem)
{
    QByteArray line;
    for (;;) {
        if (!readLine(line, request, problem))
            return false;
        const qsizetype extension = line.indexOf(';');
        bool ok = false;
        const qint64 size =
            (extension < 0 ? line : line.left(extension)).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            *problem = QStringLiteral("a chunk size is not a number");
            return false;
        }
        if (size == 0)
            break;
        if (body.size() + size > request.maxBytes) {
            *problem = QStringLiteral("the answer is larger than the size limit");
            return false;
        }
        reserveFor(body, qsizetype(size));
        const qsizetype at = body.size();
        body.resize(at + qsizetype(size));
        if (!readExactly(body.data() + at, size, request, problem) ||
            !readLine(line, request, problem))
            return false;
        if (!line.isEmpty()) {
            *problem = QStringLiteral("a chunk is longer than its size");
            return false;
        }
    }
    // Trailer fields, up to the empty line that ends the message.
    do {
        if (!readLine(line, request, problem))
            return false;
    } while (!line.isEmpty());
    reserveFor(body, 0);
    return true;
}
