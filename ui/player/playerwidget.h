#pragma once

#include "models/playbackcontroller.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;
class WaveformBuilder;
class WaveformView;

/// The controls of the recording: play/pause, skip, a seek bar with elapsed and total time, the
/// waveform, speed, volume, "save as", and one line that says what is going on (loading,
/// buffering, why there is nothing to play, what failed) with a Retry when it can help.
/// All decisions are PlaybackController's; this widget only shows them and forwards clicks.
class PlayerWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerWidget)

public:
    explicit PlayerWidget(PlaybackController *controller, QWidget *parent = nullptr);
    ~PlayerWidget() override;

    void setTurnMarks(const QList<TranscriptTurn> &turns);

    [[nodiscard]] QSlider *seekSlider() const { return m_slider; }
    [[nodiscard]] QSlider *volumeSlider() const { return m_volume; }
    [[nodiscard]] WaveformView *waveformView() const { return m_waveform; }
    [[nodiscard]] QString statusLine() const;
    /// Writes the loaded recording to `path`; false with a reason otherwise.
    bool saveRecording(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    void waveformReady();

private:
    void buildLayout();
    void onStatusChanged(PlaybackController::Status status, const QString &text);
    void onPositionChanged(qint64 ms);
    void onDurationChanged(qint64 ms);
    void updatePlayButton(bool playing);
    void saveRecordingAs();

    PlaybackController *m_controller;
    WaveformBuilder *m_builder;
    QToolButton *m_playButton;
    QToolButton *m_backButton;
    QToolButton *m_forwardButton;
    QSlider *m_slider;
    QLabel *m_elapsed;
    QLabel *m_total;
    WaveformView *m_waveform;
    QComboBox *m_speed;
    QSlider *m_volume;
    QToolButton *m_saveButton;
    QLabel *m_status;
    QToolButton *m_retryButton;
    bool m_buffering = false;
};
