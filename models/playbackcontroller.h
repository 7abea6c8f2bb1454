#pragma once

#include "api/apierror.h"
#include "api/recordingfetcher.h"
#include "api/sessionsummary.h"
#include "models/playerbackend.h"

#include <QObject>
#include <QPointer>

class ApiClient;

/// The playback policy of one session's recording, kept away from widgets and from
/// QMediaPlayer so that tests can drive it: which recording states can play, when to fetch,
/// what to do on an expired URL, where a seek goes before the media is loaded.
///
/// Strategy: the recording is downloaded once (RecordingFetcher, no credentials) and played
/// from memory. Measured on Qt 6.4 with GStreamer, a player streaming from the URL sends a new
/// Range request on every seek and even on a rate change, so a presigned URL that expires while
/// the session is open breaks the next seek; the failure arrives as two or three ResourceErrors
/// while the player claims to be playing. From memory, seeks and rate changes never touch the
/// network, the waveform and "save as" reuse the same bytes, and the URL only has to be valid
/// for the one download. An expired URL (403) is met by fetching the session again for a fresh
/// one, once, and continuing the download where it stopped; a second 403 is reported.
class PlaybackController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackController)

public:
    enum class Status : quint8 {
        NoSession,
        NoRecording, ///< the session has none to play (yet); statusText() says why
        Fetching,
        Ready, ///< loaded: playing or not, see isPlaying()
        Failed,
    };
    Q_ENUM(Status)

    static constexpr qint64 SkipMs = 10000;
    static constexpr double MinRate = 0.5;
    static constexpr double MaxRate = 2.0;
    static constexpr int MaxNetworkRetries = 2;

    PlaybackController(PlayerBackend *backend, RecordingFetcher *fetcher, ApiClient *api,
                       QObject *parent = nullptr);
    ~PlaybackController() override;
    [[nodiscard]] PlayerBackend *backend() const { return m_backend; }

    /// Shows a session: stops what played, and fetches its recording when it has one.
    void setSession(const SessionSummary &session);
    /// Offline (a session read from the local store with no server): a recording is not
    /// fetched, and the status says that it needs a connection. The next session follows it.
    void setOffline(bool offline) { m_offline = offline; }
    [[nodiscard]] bool isOffline() const { return m_offline; }
    void clear();
    [[nodiscard]] const SessionSummary &session() const { return m_session; }

    void play();
    void pause();
    void togglePlayPause();
    /// Seeks now when loaded, or remembers the position for when the recording is.
    void seek(qint64 ms);
    void skip(qint64 deltaMs);
    void setRate(double rate);
    void setVolume(float volume);
    /// Fetch the recording again after a failure (the Retry of the error line).
    void retry();

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] QString statusText() const { return m_statusText; }
    [[nodiscard]] bool isPlaying() const { return m_wantPlay && m_status == Status::Ready; }
    [[nodiscard]] qint64 position() const { return m_position; }
    [[nodiscard]] qint64 duration() const { return m_duration; }
    [[nodiscard]] double rate() const { return m_rate; }
    [[nodiscard]] const QByteArray &recordingBytes() const { return m_bytes; }
    /// "wav", "mp4"…, from the URL's path; "audio" when it says nothing.
    [[nodiscard]] QString recordingSuffix() const;
    /// How many times a fresh URL was fetched for this session (at most once).
    [[nodiscard]] int urlRefreshCount() const { return m_refreshes; }

Q_SIGNALS:
    void statusChanged(PlaybackController::Status status, const QString &text);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void playingChanged(bool playing);
    void bufferingChanged(bool buffering);
    void downloadProgress(qint64 received, qint64 total);
    /// The whole recording is in memory (for the waveform and for saving).
    void recordingLoaded(const QByteArray &bytes);
    /// The session was fetched again (for a fresh URL); its other fields may be newer too.
    void sessionRefreshed(const SessionSummary &session);

private:
    void startFetch(QByteArray resumeFrom);
    void onFetched(quint64 generation, RecordingDownload download);
    void refreshUrl(QByteArray partial, const ApiError &cause);
    void onMediaLoaded();
    void onBackendError(const QString &message);
    void setStatus(Status status, const QString &text = {});
    void setPosition(qint64 ms);
    void setWantPlay(bool play);

    PlayerBackend *m_backend;
    QPointer<RecordingFetcher> m_fetcher;
    QPointer<ApiClient> m_api;
    SessionSummary m_session;
    Status m_status = Status::NoSession;
    QString m_statusText;
    quint64 m_generation = 0; ///< bumped per session: late answers of older ones are dropped
    quint64 m_fetch = 0;      ///< RecordingFetcher::FetchId
    quint64 m_apiRequest = 0;
    QByteArray m_bytes;
    bool m_mediaLoaded = false;
    bool m_wantPlay = false;
    qint64 m_pendingSeek = -1;
    qint64 m_position = 0;
    qint64 m_duration = 0;
    double m_rate = 1.0;
    int m_refreshes = 0;
    int m_networkRetries = 0;
    bool m_offline = false;
};
