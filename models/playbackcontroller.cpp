#include "models/playbackcontroller.h"
#include "api/recordingfetcher.h"

#include "api/apiclient.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QString whyNothingToPlay(const SessionSummary &s)
{
    switch (s.recordingStatus) {
    case RecordingStatus::Processing:
        return PlaybackController::tr("The recording is still being processed. Refresh later.");
    case RecordingStatus::Failed:
        return PlaybackController::tr("Recording this session failed; there is no audio.");
    case RecordingStatus::None:
        return PlaybackController::tr("This session was not recorded.");
    case RecordingStatus::Unknown:
        return PlaybackController::tr("The recording is in an unknown state (%1).")
            .arg(s.recordingStatusText);
    case RecordingStatus::Ready:
        break;
    }
    return PlaybackController::tr("The recording is ready but the server gave no address for it.");
}

QString mimeTypeFor(const QString &suffix)
{
    if (suffix == u"wav")
        return u"audio/wav"_s;
    if (suffix == u"mp3")
        return u"audio/mpeg"_s;
    if (suffix == u"ogg" || suffix == u"opus")
        return u"audio/ogg"_s;
    return u"audio/mp4"_s;
}
} // namespace

PlaybackController::PlaybackController(PlayerBackend *backend, RecordingFetcher *fetcher,
                                       ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_fetcher(fetcher)
    , m_api(api)
{
    connect(m_backend, &PlayerBackend::positionChanged, this, [this](qint64 ms) {
        // Until the pending seek has landed the backend still reports the old place.
        if (m_mediaLoaded && m_pendingSeek < 0)
            setPosition(ms);
    });
    connect(m_backend, &PlayerBackend::durationChanged, this, [this](qint64 ms) {
        if (ms > 0 && ms != m_duration) {
            m_duration = ms;
            Q_EMIT durationChanged(ms);
        }
    });
    connect(m_backend, &PlayerBackend::mediaLoaded, this, &PlaybackController::onMediaLoaded);
    connect(m_backend, &PlayerBackend::mediaEnded, this, [this] { setWantPlay(false); });
    connect(m_backend, &PlayerBackend::bufferingChanged, this,
            &PlaybackController::bufferingChanged);
    connect(m_backend, &PlayerBackend::errorOccurred, this, &PlaybackController::onBackendError);
}

PlaybackController::~PlaybackController() = default;

void PlaybackController::setSession(const SessionSummary &session)
{
    clear();
    m_session = session;
    if (m_session.durationSeconds > 0) {
        // The session's length stands in until the media reports its own.
        m_duration = qint64(m_session.durationSeconds * 1000);
        Q_EMIT durationChanged(m_duration);
    }
    if (m_session.recordingStatus != RecordingStatus::Ready ||
        m_session.recordingPresignedUrl.isEmpty())
        return setStatus(Status::NoRecording, whyNothingToPlay(m_session));
    // A stored session's address has no signature; only the server can sign a fresh one.
    if (m_offline)
        return setStatus(Status::NoRecording,
                         tr("The recording needs a connection to the server: connect (File ▸ "
                            "Connection…) and open the session again to play it."));
    startFetch({});
}

void PlaybackController::clear()
{
    ++m_generation;
    if (m_fetch && m_fetcher)
        m_fetcher->cancel(m_fetch);
    if (m_apiRequest && m_api)
        m_api->cancel(m_apiRequest);
    m_fetch = 0;
    m_apiRequest = 0;
    m_backend->stop();
    m_backend->clearSource();
    m_session = {};
    m_bytes.clear();
    m_mediaLoaded = false;
    m_pendingSeek = -1;
    m_refreshes = 0;
    m_networkRetries = 0;
    setWantPlay(false);
    setPosition(0);
    m_duration = 0;
    Q_EMIT durationChanged(0);
    setStatus(Status::NoSession);
}

void PlaybackController::startFetch(QByteArray resumeFrom)
{
    if (!m_fetcher)
        return setStatus(Status::Failed, tr("No downloader is available."));
    setStatus(Status::Fetching, tr("Loading the recording…"));
    const quint64 generation = m_generation;
    m_fetch = m_fetcher->fetch(
        QUrl::fromEncoded(m_session.recordingPresignedUrl.toUtf8()), this,
        [this, generation](RecordingDownload d) { onFetched(generation, std::move(d)); },
        std::move(resumeFrom));
    const auto id = m_fetch;
    connect(m_fetcher, &RecordingFetcher::progress, this,
            [this, id](RecordingFetcher::FetchId fetch, qint64 received, qint64 total) {
                if (fetch == id && fetch == m_fetch)
                    Q_EMIT downloadProgress(received, total);
            });
}

void PlaybackController::onFetched(quint64 generation, RecordingDownload download)
{
    if (generation != m_generation)
        return;
    m_fetch = 0;
    if (download.accessDenied() && m_refreshes == 0)
        return refreshUrl(std::move(download.bytes), *download.error);
    if (!download.ok()) {
        if (download.error->kind == ApiError::Kind::Cancelled)
            return;
        // A dropped connection loses nothing: continue where the bytes stopped (twice at most).
        if (download.error->isTransient() && m_networkRetries < MaxNetworkRetries) {
            ++m_networkRetries;
            return startFetch(std::move(download.bytes));
        }
        const QString prefix = download.accessDenied()
                                   ? tr("The recording host refused a freshly signed address too.")
                                   : tr("The recording could not be loaded.");
        return setStatus(Status::Failed, prefix + u' ' + download.error->message);
    }
    m_bytes = std::move(download.bytes);
    m_mediaLoaded = false;
    m_backend->setSourceData(m_bytes, mimeTypeFor(recordingSuffix()));
    m_backend->setPlaybackRate(m_rate);
    setStatus(Status::Ready);
    Q_EMIT recordingLoaded(m_bytes);
}

void PlaybackController::refreshUrl(QByteArray partial, const ApiError &cause)
{
    if (!m_api)
        return setStatus(Status::Failed, cause.message);
    ++m_refreshes;
    setStatus(Status::Fetching, tr("The recording address expired; getting a fresh one…"));
    const quint64 generation = m_generation;
    m_apiRequest = m_api->fetchSession(
        m_session.sessionId, this,
        [this, generation, partial = std::move(partial)](Result<SessionSummary> result) mutable {
            if (generation != m_generation)
                return;
            m_apiRequest = 0;
            if (!result.ok())
                return setStatus(Status::Failed, tr("The recording address expired and the "
                                                    "session could not be fetched again: %1")
                                                     .arg(result.error().toDisplayString()));
            const qint64 pending = m_pendingSeek;
            m_session = std::move(result).value();
            Q_EMIT sessionRefreshed(m_session);
            m_pendingSeek = pending;
            if (m_session.recordingStatus != RecordingStatus::Ready ||
                m_session.recordingPresignedUrl.isEmpty())
                return setStatus(Status::NoRecording, whyNothingToPlay(m_session));
            startFetch(std::move(partial));
        });
}

void PlaybackController::onMediaLoaded()
{
    if (m_status != Status::Ready)
        return;
    m_mediaLoaded = true;
    if (m_pendingSeek >= 0) {
        m_backend->setPosition(m_pendingSeek);
        setPosition(m_pendingSeek);
        m_pendingSeek = -1;
    }
    if (m_wantPlay)
        m_backend->play();
}

void PlaybackController::onBackendError(const QString &message)
{
    // GStreamer reports one failure two or three times and keeps claiming to play: stop it
    // once, keep the first message.
    if (m_status == Status::Failed || m_status == Status::NoSession)
        return;
    m_backend->stop();
    setWantPlay(false);
    setStatus(Status::Failed, tr("The recording cannot be played: %1").arg(message));
}

void PlaybackController::play()
{
    if (m_status == Status::NoRecording || m_status == Status::NoSession)
        return;
    if (!m_backend->hasAudioOutput())
        return setStatus(Status::Failed, tr("No sound output device is available."));
    setWantPlay(true);
    if (m_status == Status::Ready && m_mediaLoaded)
        m_backend->play();
}

void PlaybackController::pause()
{
    setWantPlay(false);
    if (m_mediaLoaded)
        m_backend->pause();
}

void PlaybackController::togglePlayPause()
{
    m_wantPlay ? pause() : play();
}

void PlaybackController::seek(qint64 ms)
{
    if (m_status == Status::NoRecording || m_status == Status::NoSession)
        return;
    ms = std::max<qint64>(0, m_duration > 0 ? std::min(ms, m_duration) : ms);
    if (m_mediaLoaded) {
        m_backend->setPosition(ms);
    } else {
        m_pendingSeek = ms;
    }
    setPosition(ms);
}

void PlaybackController::skip(qint64 deltaMs)
{
    seek(m_position + deltaMs);
}

void PlaybackController::setRate(double rate)
{
    m_rate = std::clamp(rate, MinRate, MaxRate);
    if (m_mediaLoaded)
        m_backend->setPlaybackRate(m_rate);
}

void PlaybackController::setVolume(float volume)
{
    m_backend->setVolume(std::clamp(volume, 0.0f, 1.0f));
}

void PlaybackController::retry()
{
    if (m_status != Status::Failed || m_session.sessionId.isEmpty())
        return;
    const SessionSummary session = m_session;
    const qint64 at = m_position;
    setSession(session);
    seek(at);
}

QString PlaybackController::recordingSuffix() const
{
    const QString suffix =
        QFileInfo(QUrl(m_session.recordingPresignedUrl).path()).suffix().toLower();
    return suffix.isEmpty() ? u"audio"_s : suffix;
}

void PlaybackController::setStatus(Status status, const QString &text)
{
    if (status == m_status && text == m_statusText)
        return;
    m_status = status;
    m_statusText = text;
    Q_EMIT statusChanged(status, text);
}

void PlaybackController::setPosition(qint64 ms)
{
    if (ms == m_position)
        return;
    m_position = ms;
    Q_EMIT positionChanged(ms);
}

void PlaybackController::setWantPlay(bool play)
{
    if (play == m_wantPlay)
        return;
    m_wantPlay = play;
    Q_EMIT playingChanged(play);
}
