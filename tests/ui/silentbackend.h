#pragma once

#include "models/playerbackend.h"

/// A player that plays nothing, for the tests that are about the transcript and the pane, not
/// audio: no sink is needed and nothing moves on its own.
class SilentBackend final : public PlayerBackend
{
public:
    void setSourceData(const QByteArray &, const QString &) override {}
    void clearSource() override {}
    void play() override {}
    void pause() override {}
    void stop() override {}
    void setPosition(qint64) override {}
    void setPlaybackRate(double) override {}
    void setVolume(float) override {}
    qint64 position() const override { return 0; }
    qint64 duration() const override { return 0; }
    State state() const override { return State::Stopped; }
    bool hasAudioOutput() const override { return false; }
};
