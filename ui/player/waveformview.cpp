#include "ui/player/waveformview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

WaveformView::WaveformView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(36);
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
    if (!m_waveform.peaks.isEmpty()) {
        // The waveform spans its own duration, which may differ slightly from the session's.
        const double span = m_duration > 0 && m_waveform.durationMs > 0
                                ? double(m_waveform.durationMs) / double(m_duration)
                                : 1.0;
        const qsizetype n = m_waveform.peaks.size();
        p.setPen(pal.color(QPalette::Mid));
        for (int x = 0; x < w; ++x) {
            const qsizetype first = qsizetype(double(x) / w / span * n);
            const qsizetype last = std::min(n, qsizetype(double(x + 1) / w / span * n) + 1);
            float peak = 0;
            for (qsizetype i = first; i < last; ++i)
                peak = std::max(peak, m_waveform.peaks.at(i));
            const int h = std::max(1, int(peak * (height() - 4) / 2));
            p.drawLine(x, mid - h, x, mid + h);
        }
    } else {
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(0, mid, w, mid);
    }
    for (qsizetype i = 0; i < m_marks.size(); ++i) {
        const bool assistant = i < m_markAssistant.size() && m_markAssistant.at(i);
        p.setPen(assistant ? QColor(0x2f, 0x6f, 0xd0) : QColor(0x2e, 0x9d, 0x5b));
        const int x = xAt(m_marks.at(i));
        p.drawLine(x, 0, x, 5);
    }
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    const int x = xAt(m_position);
    p.drawLine(x, 0, x, height());
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_duration > 0)
        Q_EMIT seekRequested(positionAtX(event->position().toPoint().x()));
}
