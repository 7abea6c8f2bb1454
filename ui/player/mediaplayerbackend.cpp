#include "ui/player/mediaplayerbackend.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QBuffer>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

using namespace Qt::StringLiterals;

MediaPlayerBackend::MediaPlayerBackend(QObject *parent)
    : PlayerBackend(parent)
    , m_player(new QMediaPlayer(this))
    , m_output(new QAudioOutput(this))
{
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlayerBackend::positionChanged);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PlayerBackend::durationChanged);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this] { Q_EMIT stateChanged(state()); });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                switch (status) {
                case QMediaPlayer::LoadedMedia:
                    Q_EMIT mediaLoaded();
                    break;
                case QMediaPlayer::BufferingMedia:
                case QMediaPlayer::StalledMedia:
                    Q_EMIT bufferingChanged(true);
                    break;
                case QMediaPlayer::BufferedMedia:
                    Q_EMIT bufferingChanged(false);
                    break;
                case QMediaPlayer::EndOfMedia:
                    Q_EMIT bufferingChanged(false);
                    Q_EMIT mediaEnded();
                    break;
                case QMediaPlayer::InvalidMedia:
                    Q_EMIT errorOccurred(
                        tr("The recording is not in a format that can be played."));
                    break;
                default:
                    break;
                }
            });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString &message) { Q_EMIT errorOccurred(message); });
}

MediaPlayerBackend::~MediaPlayerBackend()
{
    // The player reads from the buffer until its source is gone.
    m_player->stop();
    m_player->setSourceDevice(nullptr);
}

void MediaPlayerBackend::setSourceData(const QByteArray &bytes, const QString &mimeType)
{
    clearSource();
    auto *buffer = new QBuffer(this);
    buffer->setData(bytes); // implicitly shared: no copy of the recording
    buffer->open(QIODevice::ReadOnly);
    m_buffer = buffer;
    // The URL is only a hint for format detection; it is never opened.
    const QString name = mimeType == u"audio/wav" ? u"recording.wav"_s : u"recording.mp4"_s;
    m_player->setSourceDevice(buffer, QUrl(name));
}

void MediaPlayerBackend::clearSource()
{
    m_player->stop();
    m_player->setSourceDevice(nullptr);
    if (m_buffer)
        m_buffer->deleteLater();
    m_buffer = nullptr;
}

void MediaPlayerBackend::play()
{
    m_player->play();
}

void MediaPlayerBackend::pause()
{
    m_player->pause();
}

void MediaPlayerBackend::stop()
{
    m_player->stop();
}

void MediaPlayerBackend::setPosition(qint64 ms)
{
    m_player->setPosition(ms);
}

void MediaPlayerBackend::setPlaybackRate(double rate)
{
    m_player->setPlaybackRate(rate);
}

void MediaPlayerBackend::setVolume(float volume)
{
    m_output->setVolume(volume);
}

qint64 MediaPlayerBackend::position() const
{
    return m_player->position();
}

qint64 MediaPlayerBackend::duration() const
{
    return m_player->duration();
}

PlayerBackend::State MediaPlayerBackend::state() const
{
    switch (m_player->playbackState()) {
    case QMediaPlayer::PlayingState:
        return State::Playing;
    case QMediaPlayer::PausedState:
        return State::Paused;
    case QMediaPlayer::StoppedState:
        break;
    }
    return State::Stopped;
}

bool MediaPlayerBackend::hasAudioOutput() const
{
    return !QMediaDevices::audioOutputs().isEmpty();
}
