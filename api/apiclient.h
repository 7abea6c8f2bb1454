#pragma once

// Widgets get models and controllers from app/, never the network client.
#if defined(SESSIONSCOPE_LAYER_UI)
#error "ui/ must not include the network client: take a model or controller from app/"
#endif

#include "api/apierror.h"
#include "api/usagedecoder.h"
#include "api/usagequery.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

/// Either credential may be set; the API key wins when both are (as on the server).
struct ApiCredentials
{
    QString apiKey;
    QString accessToken;
    [[nodiscard]] bool isEmpty() const { return apiKey.isEmpty() && accessToken.isEmpty(); }
};

/// How hard the client tries before it reports a transient error.
struct RetryPolicy
{
    int maxAttempts = 4;           ///< first try included
    int baseDelayMs = 400;         ///< doubled per attempt, with jitter
    int maxDelayMs = 8000;         ///< cap of one backoff delay
    int maxRetryAfterSeconds = 60; ///< a longer Retry-After is reported, not waited for
};

/// The client of the session-history API. It owns no policy about pages or models: it sends one
/// request, retries what is safe to retry, and ends every request exactly once through its
/// callback with a value or an ApiError.
///
/// Credentials go only to the configured API origin: redirects are followed by hand and only
/// within that origin, and a request to any other origin carries no credential header.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using RequestId = quint64;
    template<typename T> using Callback = std::function<void(Result<T>)>;

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &baseUrl);
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const ApiCredentials &credentials);
    [[nodiscard]] ApiCredentials credentials() const { return m_credentials; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    [[nodiscard]] RetryPolicy retryPolicy() const { return m_retry; }
    /// No bytes for this long aborts the request (Qt's default is to wait forever).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }
    /// A request that has not ended this long after it was asked for ends with
    /// ApiError::Kind::Timeout, all attempts and backoff waits included: a server that answers
    /// one byte at a time never trips the idle timeout above. The idle timeout is in effect
    /// only when shorter than the deadline.
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }
    [[nodiscard]] int deadlineMs() const { return m_deadlineMs; }
    static constexpr int DefaultDeadlineMs = 120 * 1000;
    /// Certificate authorities trusted besides the system's, for servers with a private CA.
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }
    [[nodiscard]] QList<QSslCertificate> caCertificates() const { return m_ca; }
    /// Replies above this size are abandoned with ApiError::Kind::TooLarge. The default is some
    /// twenty times a full page of 200 sessions with transcripts (about 1.3 MB) and still admits
    /// a page carrying one 10 MB transcript turn; a 50 MB page is refused.
    void setMaxReplyBytes(qint64 bytes) { m_maxReplyBytes = bytes; }
    [[nodiscard]] qint64 maxReplyBytes() const { return m_maxReplyBytes; }
    static constexpr qint64 DefaultMaxReplyBytes = 32 * 1024 * 1024;
    /// SHA-256 fingerprints (hex) of certificates the user chose to trust despite TLS errors.
    void setTrustedCertificates(const QStringList &sha256Hex) { m_trusted = sha256Hex; }
    [[nodiscard]] QStringList trustedCertificates() const { return m_trusted; }
    /// Usage pages keep each session's own JSON (UsageDecoder::Options::keepSessionJson), for an
    /// export that writes what the server sent. Off by default: it doubles a session's memory.
    void setKeepSessionJson(bool keep) { m_keepSessionJson = keep; }
    [[nodiscard]] bool keepsSessionJson() const { return m_keepSessionJson; }
    /// With setKeepSessionJson: whether the sessions' transcript turns are read into value
    /// types too (UsageDecoder::Options::readTurns). On by default; an export that writes only
    /// the kept JSON turns it off, a sync that stores the turns must not.
    void setReadTurns(bool read) { m_readTurns = read; }
    [[nodiscard]] bool readsTurns() const { return m_readTurns; }
    /// Replies at least this large are decoded on a worker thread.
    static constexpr qsizetype OffThreadDecodeBytes = 128 * 1024;

    /// `done` is called on `context`'s thread, exactly once, unless `context` is destroyed first
    /// or the request is cancelled (then with ApiError::Kind::Cancelled). It is never called
    /// before the fetch… call returns, so the returned id can be stored first; cancel() is the
    /// one call that ends a request, and calls `done`, synchronously.
    RequestId fetchUsage(const UsageQuery &query, QObject *context, Callback<UsagePage> done);
    RequestId fetchSession(const QString &sessionId, QObject *context,
                           Callback<SessionSummary> done);
    RequestId fetchCharacters(QObject *context, Callback<QList<CharacterInfo>> done);
    RequestId login(const QString &email, const QString &password, QObject *context,
                    Callback<AuthTokens> done);
    RequestId refreshToken(const QString &refresh, QObject *context, Callback<AuthTokens> done);

    /// Ends the request now with ApiError::Kind::Cancelled.
    void cancel(RequestId id);
    void cancelAll();
    [[nodiscard]] int inFlightCount() const { return int(m_calls.size()); }

    /// The URL of a path below the base URL (which may itself carry a path prefix).
    [[nodiscard]] QUrl endpoint(const QString &path, const QString &query = {}) const;

Q_SIGNALS:
    /// Any request answered 401: the credentials need attention.
    void unauthorized(const ApiError &error);

private:
    struct Call;
    using RawDone = std::function<void(Result<QByteArray>)>;

    RequestId send(QUrl url, QByteArray method, QByteArray body, QObject *context, RawDone done);
    template<typename T>
    RequestId sendDecoded(QUrl url, QByteArray method, QByteArray body, QObject *context,
                          Callback<T> done, Result<T> (*decode)(const QByteArray &));
    [[nodiscard]] QList<std::pair<QByteArray, QByteArray>> requestHeaders(const QUrl &url) const;
    void startAttempt(Call &call);
    void onReadyRead(RequestId id);
    void onFinished(RequestId id);
    void onSslErrors(RequestId id, const QList<QSslError> &errors);
    void finish(RequestId id, Result<QByteArray> result);
    void retryOrFinish(RequestId id, ApiError error);
    [[nodiscard]] ApiError errorFromReply(QNetworkReply *reply, const Call &call) const;
    /// What a server sent back can hold the credential it was given, a bearer token or a
    /// presigned link: every text taken from an error body is cleaned of them.
    void redactServerText(ApiError &error) const;
    void onDeadline(RequestId id);
    [[nodiscard]] ApiError deadlineError(const Call &call) const;
    [[nodiscard]] int idleTimeoutMs() const;
    [[nodiscard]] int backoffMs(int attempt);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    ApiCredentials m_credentials;
    RetryPolicy m_retry;
    int m_timeoutMs = 30000;
    int m_deadlineMs = DefaultDeadlineMs;
    QList<QSslCertificate> m_ca;
    qint64 m_maxReplyBytes = DefaultMaxReplyBytes;
    QStringList m_trusted;
    bool m_keepSessionJson = false;
    bool m_readTurns = true;
    RequestId m_nextId = 1;
    QHash<RequestId, std::shared_ptr<Call>> m_calls;
    QRandomGenerator m_jitter;
};
