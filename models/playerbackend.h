#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

/// The small facade the playback policy talks to instead of QMediaPlayer: what a player can
/// do and what it reports, nothing else. The real one (ui/player/mediaplayerbackend.h) wraps
/// QMediaPlayer and QAudioOutput; tests drive PlaybackController with a scripted fake.
class PlayerBackend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerBackend)

public:
    enum class State : quint8 { Stopped, Playing, Paused };
    Q_ENUM(State)

    using QObject::QObject;
    ~PlayerBackend() override = default;

    /// Plays from memory: the bytes are the whole recording (the backend keeps a copy).
    virtual void setSourceData(const QByteArray &bytes, const QString &mimeType) = 0;
    virtual void clearSource() = 0;
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void stop() = 0;
    virtual void setPosition(qint64 ms) = 0;
    virtual void setPlaybackRate(double rate) = 0;
    virtual void setVolume(float volume) = 0; ///< 0..1
    [[nodiscard]] virtual qint64 position() const = 0;
    [[nodiscard]] virtual qint64 duration() const = 0;
    [[nodiscard]] virtual State state() const = 0;
    /// False when no audio output exists at all (no sound server): nothing can be played.
    [[nodiscard]] virtual bool hasAudioOutput() const = 0;

Q_SIGNALS:
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void stateChanged(PlayerBackend::State state);
    void bufferingChanged(bool buffering);
    /// The media is loaded and can be played and sought.
    void mediaLoaded();
    void mediaEnded();
    /// May arrive several times for one failure (GStreamer repeats it); the controller stops.
    void errorOccurred(const QString &message);
};
