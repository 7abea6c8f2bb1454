#pragma once

#include "models/waveformbuilder.h"

#include <QWidget>

/// The recording's peaks as a strip under the seek bar, with a tick at every turn start and
/// the playhead; a click anywhere asks to seek there.
class WaveformView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformView)

public:
    explicit WaveformView(QWidget *parent = nullptr);

    void setWaveform(const Waveform &waveform);
    void clear();
    /// Turn starts in ms and whether each is the assistant's (coloured accordingly).
    void setTurnMarks(const QList<qint64> &startsMs, const QList<bool> &assistant);
    void setDuration(qint64 ms);
    void setPosition(qint64 ms);
    [[nodiscard]] bool hasWaveform() const { return !m_waveform.peaks.isEmpty(); }
    [[nodiscard]] qint64 positionAtX(int x) const;

    QSize sizeHint() const override { return {400, 48}; }

Q_SIGNALS:
    void seekRequested(qint64 ms);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    /// The colour of a speaker's turns, as in the transcript's marks.
    [[nodiscard]] static QColor speakerColour(bool assistant);
    [[nodiscard]] int xAt(qint64 ms) const;

    Waveform m_waveform;
    QList<qint64> m_marks;
    QList<bool> m_markAssistant;
    qint64 m_duration = 0;
    qint64 m_position = 0;
};
