#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

class QElapsedTimer;
class QTcpSocket;

/// Everything ApiClient would have put on a GET, for a request sent outside Qt's network access
/// manager: the URL, the headers (credentials included), the same limits and the same TLS trust.
struct DirectRequest
{
    QUrl url;
    /// Where the URL's host is. A connection never looks a name up itself (Qt's blocking lookup
    /// cannot be interrupted): ParallelPageReader resolves names on the GUI thread beforehand.
    /// Empty when the host is an address.
    QList<QHostAddress> addresses;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QStringList trustedCertificates; ///< SHA-256 fingerprints (hex) the user chose to trust
    int timeoutMs = 30000;           ///< no byte for this long ends the attempt
    qint64 maxBytes = 0;             ///< a larger body (after decompression) is not read
};

/// One HTTP/1.1 connection, kept alive from one GET to the next and used from a single worker
/// thread with blocking reads. A body is read straight from the socket into the buffer the
/// decoder reads, with the padding the decoder needs already reserved: no copy in between.
///
/// It understands only what a healthy API answers to a GET: a 200 whose body is framed by
/// Content-Length or chunked, plain, gzip or deflate. Anything else (another status, a framing
/// it does not know, a TLS problem, a connection that fails or ends early) comes back as a
/// Reply with a problem and no body, so that the caller can ask ApiClient, which handles every
/// case and reports it in the user's terms.
class KeepAliveConnection
{
public:
    struct Reply
    {
        int status = 0;  ///< of the answer; 0 when none arrived
        QByteArray body; ///< decoded, when problem is empty
        QString problem; ///< why the reply cannot be used; empty on success
        [[nodiscard]] bool isUsable() const { return problem.isEmpty(); }
    };
    using CancelCheck = std::function<bool()>;

    KeepAliveConnection();
    ~KeepAliveConnection();
    Q_DISABLE_COPY_MOVE(KeepAliveConnection)

    /// Sends the GET and reads its answer. `cancelled` is polled while waiting; a cancelled
    /// read closes the connection, whose answer was only partly read.
    [[nodiscard]] Reply get(const DirectRequest &request, const CancelCheck &cancelled);
    /// Connections opened so far, reopened ones included.
    [[nodiscard]] int connectionsOpened() const { return m_opened; }

private:
    struct Head;
    enum class Wait : quint8 { Data, Closed, Failed };

    [[nodiscard]] bool isOpen() const;
    Reply attempt(const DirectRequest &request, bool *answered);
    bool connectTo(const DirectRequest &request, QString *problem);
    bool connectToAddress(const DirectRequest &request, const QHostAddress &address, bool tls,
                          quint16 port, QString *problem);
    Wait waitForData(const DirectRequest &request);
    bool fill(const DirectRequest &request, QString *problem);
    /// Reads until `delimiter` is buffered; its position, or -1 with a problem.
    qsizetype readUntil(QByteArrayView delimiter, const DirectRequest &request, QString *problem);
    bool readHead(const DirectRequest &request, Head &head, QString *problem);
    bool readExactly(char *into, qint64 length, const DirectRequest &request, QString *problem);
    bool readLine(QByteArray &line, const DirectRequest &request, QString *problem);
    bool readChunked(QByteArray &body, const DirectRequest &request, QString *problem);
    [[nodiscard]] QString waitProblem() const;
    void drop();

    std::unique_ptr<QTcpSocket> m_socket;
    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    /// Bytes read but not yet consumed: the head, and whatever arrived with it.
    QByteArray m_in;
    qsizetype m_inPos = 0;
    int m_opened = 0;
    /// For the request being read: the caller's cancel check and the time since the last byte.
    const CancelCheck *m_cancelled = nullptr;
    std::unique_ptr<QElapsedTimer> m_idle;
};
