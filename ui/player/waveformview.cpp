#include "ui/player/waveformview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

WaveformView::WaveformView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(56);
    setAccessibleName(tr("Recording waveform"));
    setAccessibleDescription(tr("The recording's loudness over time; a click plays from there"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click to seek"));
}

void WaveformView::setWaveform(const Waveform &waveform)
{
    m_waveform = waveform;
    if (m_duration <= 0)
        m_duration = waveform.durationMs;
    update();
}

void WaveformView::clear()
{
    m_waveform = {};
    m_marks.clear();
    m_markAssistant.clear();
    m_position = 0;
    update();
}

void WaveformView::setTurnMarks(const QList<qint64> &startsMs, const QList<bool> &assistant)
{
    m_marks = startsMs;
    m_markAssistant = assistant;
    update();
}

void WaveformView::setDuration(qint64 ms)
{
    m_duration = ms;
    update();
}

void WaveformView::setPosition(qint64 ms)
{
    // Repaint only when the playhead moves by a pixel, not on every position tick.
    const int before = xAt(m_position);
    m_position = ms;
    if (xAt(ms) != before)
        update();
}

int WaveformView::xAt(qint64 ms) const
{
    if (m_duration <= 0)
        return 0;
    return int(double(std::clamp<qint64>(ms, 0, m_duration)) / double(m_duration) * (width() - 1));
}

qint64 WaveformView::positionAtX(int x) const
{
    if (m_duration <= 0 || width() <= 1)
        return 0;
    return qint64(double(std::clamp(x, 0, width() - 1)) / double(width() - 1) * m_duration);
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const int mid = height() / 2;
    const int w = width();
    const int playhead = xAt(m_position);
    if (!m_waveform.peaks.isEmpty()) {
        // The waveform spans its own duration, which may differ slightly from the session's.
        const double span = m_duration > 0 && m_waveform.durationMs > 0
                                ? double(m_waveform.durationMs) / double(m_duration)
                                : 1.0;
        const qsizetype n = m_waveform.peaks.size();
        // Scaled to the loudest moment, so that a quiet recording still shows speech against
        // silence instead of a flat grey band.
        const float loudest = *std::max_element(m_waveform.peaks.cbegin(), m_waveform.peaks.cend());
        const float scale = loudest > 0 ? 1.0f / loudest : 1.0f;
        qsizetype turn = -1; // the turn under x: marks are in time order, x only moves on
        for (int x = 0; x < w; ++x) {
            const qint64 at = positionAtX(x);
            while (turn + 1 < m_marks.size() && m_marks.at(turn + 1) <= at)
                ++turn;
            const qsizetype first = qsizetype(double(x) / w / span * n);
            const qsizetype last = std::min(n, qsizetype(double(x + 1) / w / span * n) + 1);
            float peak = 0;
            for (qsizetype i = first; i < last; ++i)
                peak = std::max(peak, m_waveform.peaks.at(i));
            const int h = std::max(1, int(peak * scale * float(height() - 4) / 2));
            // Each turn in its speaker's colour; what is still to play, paler.
            QColor colour =
                turn < 0 ? pal.color(QPalette::Mid)
                         : speakerColour(turn < m_markAssistant.size() && m_markAssistant.at(turn));
            if (x > playhead)
                colour.setAlpha(110);
            p.setPen(colour);
            p.drawLine(x, mid - h, x, mid + h);
        }
    } else {
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(0, mid, w, mid);
    }
    for (qsizetype i = 0; i < m_marks.size(); ++i) {
        const bool assistant = i < m_markAssistant.size() && m_markAssistant.at(i);
        p.setPen(speakerColour(assistant));
        const int x = xAt(m_marks.at(i));
        p.drawLine(x, 0, x, 5);
    }
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    p.drawLine(playhead, 0, playhead, height());
}

QColor WaveformView::speakerColour(bool assistant)
{
    return assistant ? QColor(0x2f, 0x6f, 0xd0) : QColor(0x2e, 0x9d, 0x5b);
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_duration > 0)
        Q_EMIT seekRequested(positionAtX(event->position().toPoint().x()));
}
