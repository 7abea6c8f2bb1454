#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

/// What a recording download ended with. On failure `bytes` holds what arrived before it, so
/// that a retry with a fresh URL can continue with a Range request instead of starting over.
struct RecordingDownload
{
    QByteArray bytes;
    qint64 totalBytes = -1; ///< of the whole file, when the server said; -1 when unknown
    std::optional<ApiError> error;

    [[nodiscard]] bool ok() const { return !error.has_value(); }
    /// The presigned URL is no longer (or was never) accepted: fetch the session again.
    [[nodiscard]] bool accessDenied() const { return error && error->httpStatus == 403; }
};

/// Downloads recording bytes from a presigned URL, on a QNetworkAccessManager of its own so
/// that nothing of the API client's (credentials, cookies, cached authentication) can ever be
/// attached to a request for the recording host. It sends no X-API-Key, no Authorization and
/// no cookies, follows redirects only within the URL's own origin, stops at a size limit and
/// abandons a transfer that stays silent for too long.
class RecordingFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingFetcher)

public:
    using FetchId = quint64;
    using Callback = std::function<void(RecordingDownload)>;

    static constexpr qint64 DefaultMaxBytes = 512LL * 1024 * 1024;
    static constexpr int MaxRedirects = 5;

    explicit RecordingFetcher(QObject *parent = nullptr);
    ~RecordingFetcher() override;

    /// Larger recordings fail with ApiError::Kind::TooLarge (before their bytes arrive when the
    /// server announces the length).
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    [[nodiscard]] qint64 maxBytes() const { return m_maxBytes; }
    /// No bytes for this long ends the transfer with ApiError::Kind::Timeout.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    /// Starts a download; `done` runs exactly once on `context`'s thread unless `context` is
    /// destroyed first. With `resumeFrom` (bytes of an earlier, interrupted download of the
    /// same file) only the rest is requested.
    FetchId fetch(const QUrl &url, QObject *context, Callback done, QByteArray resumeFrom = {});
    /// Ends the download now with ApiError::Kind::Cancelled.
    void cancel(FetchId id);
    [[nodiscard]] int inFlightCount() const { return int(m_fetches.size()); }

Q_SIGNALS:
    /// `total` is -1 while unknown.
    void progress(RecordingFetcher::FetchId id, qint64 received, qint64 total);

private:
    struct Fetch;

    void start(Fetch &fetch);
    void onMetaData(FetchId id);
    void onReadyRead(FetchId id);
    void onFinished(FetchId id);
    void finish(FetchId id, std::optional<ApiError> error);
    [[nodiscard]] static ApiError errorFromReply(QNetworkReply *reply, const QByteArray &body);

    QNetworkAccessManager *m_network;
    qint64 m_maxBytes = DefaultMaxBytes;
    int m_timeoutMs = 30000;
    FetchId m_nextId = 1;
    QHash<FetchId, std::shared_ptr<Fetch>> m_fetches;
};
