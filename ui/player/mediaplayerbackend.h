#pragma once

#include "models/playerbackend.h"

#include <QPointer>

class QAudioOutput;
class QBuffer;
class QMediaPlayer;

/// PlayerBackend on QMediaPlayer and QAudioOutput, playing a recording held in memory through
/// setSourceDevice (seeks and rate changes then never reach the network; see
/// PlaybackController for why). Translates Qt's media statuses into the facade's few signals.
class MediaPlayerBackend final : public PlayerBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaPlayerBackend)

public:
    explicit MediaPlayerBackend(QObject *parent = nullptr);
    ~MediaPlayerBackend() override;

    void setSourceData(const QByteArray &bytes, const QString &mimeType) override;
    void clearSource() override;
    void play() override;
    void pause() override;
    void stop() override;
    void setPosition(qint64 ms) override;
    void setPlaybackRate(double rate) override;
    void setVolume(float volume) override;
    [[nodiscard]] qint64 position() const override;
    [[nodiscard]] qint64 duration() const override;
    [[nodiscard]] State state() const override;
    [[nodiscard]] bool hasAudioOutput() const override;

    [[nodiscard]] QMediaPlayer *mediaPlayer() const { return m_player; }

private:
    QMediaPlayer *m_player;
    QAudioOutput *m_output;
    QPointer<QBuffer> m_buffer;
};
