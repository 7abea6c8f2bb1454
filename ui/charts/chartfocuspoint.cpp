#include "ui/charts/chartfocuspoint.h"

#include <QChartView>
#include <QKeyEvent>
#include <QLabel>

ChartFocusPoint::ChartFocusPoint(QChartView *view)
    : m_view(view)
    , m_label(new QLabel(view->viewport()))
{
    // Drawn as the style draws a tooltip, and as plain text: a name is not markup.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setForegroundRole(QPalette::ToolTipText);
    m_label->setBackgroundRole(QPalette::ToolTipBase);
    m_label->setAutoFillBackground(true);
    m_label->setFrameShape(QFrame::Box);
    m_label->setMargin(4);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_label->hide();
}

void ChartFocusPoint::followLayout(const std::function<void()> &mark)
{
    // Queued: the signal comes while the chart's items are still being moved.
    QObject::connect(
        m_view->chart(), &QChart::plotAreaChanged, m_view,
        [view = m_view, mark] {
            if (view->hasFocus())
                mark();
        },
        Qt::QueuedConnection);
}

ChartFocusPoint::Key ChartFocusPoint::key(const QKeyEvent *event) const
{
    const bool mirrored = m_view->layoutDirection() == Qt::RightToLeft;
    switch (event->key()) {
    case Qt::Key_Left:
        return mirrored ? Key::Next : Key::Previous;
    case Qt::Key_Right:
        return mirrored ? Key::Previous : Key::Next;
    case Qt::Key_Up:
        return Key::Up;
    case Qt::Key_Down:
        return Key::Down;
    case Qt::Key_Home:
        return Key::First;
    case Qt::Key_End:
        return Key::Last;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        return Key::Open;
    default:
        return Key::None;
    }
}

qsizetype ChartFocusPoint::moved(Key key, qsizetype at, qsizetype count, bool across)
{
    const Key back = across ? Key::Up : Key::Previous;
    const Key forward = across ? Key::Down : Key::Next;
    if (key == back)
        at -= 1;
    else if (key == forward)
        at += 1;
    else if (!across && key == Key::First)
        at = 0;
    else if (!across && key == Key::Last)
        at = count - 1;
    return qBound<qsizetype>(0, at, qMax<qsizetype>(0, count - 1));
}

void ChartFocusPoint::setSummary(const QString &summary)
{
    m_summary = summary;
    m_view->setAccessibleDescription(summary);
}

void ChartFocusPoint::show(const QPointF &value, QAbstractSeries *series, const QString &text)
{
    QChart *chart = m_view->chart();
    const QPoint at = m_view->mapFromScene(chart->mapToScene(chart->mapToPosition(value, series)));
    m_label->setText(text);
    m_label->adjustSize();
    // Above and after the point, kept inside the chart.
    const QRect room = m_view->viewport()->rect();
    QRect place(QPoint(at.x() + 12, at.y() - 12 - m_label->height()), m_label->size());
    if (place.right() > room.right())
        place.moveRight(at.x() - 12);
    if (place.top() < room.top())
        place.moveTop(at.y() + 12);
    place.moveLeft(
        qBound(room.left(), place.left(), qMax(room.left(), room.right() - place.width())));
    place.moveTop(
        qBound(room.top(), place.top(), qMax(room.top(), room.bottom() - place.height())));
    m_label->setGeometry(place);
    m_label->show();
    m_label->raise();
    // One line for a screen reader: the chart, then the point it is on.
    QString line = text;
    line.replace(QLatin1Char('\n'), QStringLiteral(", "));
    m_view->setAccessibleDescription(m_summary + QStringLiteral(". ") + line);
}

void ChartFocusPoint::hide()
{
    m_label->hide();
    m_view->setAccessibleDescription(m_summary);
}
