#include "ui/sessions/sessioncelldelegate.h"

#include <QApplication>
#include <QPainter>

namespace {
QStyle *styleOf(const QStyleOptionViewItem &option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

/// The colour group the style draws item text in: disabled, or inactive when the window is not
/// the active one (selected rows then take the palette's inactive highlight).
QPalette::ColorGroup colourGroup(QStyle::State state)
{
    if (!(state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return state & QStyle::State_Active ? QPalette::Normal : QPalette::Inactive;
}

struct Line
{
    QString text;
    qreal advance = 0;
};

/// `text` on one line, elided by `mode` to `width`, with its advance. Most values fit: they are
/// measured once, and only those that do not are elided and measured again.
Line fitted(const QFontMetricsF &metrics, QString text, Qt::TextElideMode mode, int width)
{
    // A line break in a value would start a second line the row has no room for.
    if (text.contains(QLatin1Char('\n')))
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    const qreal advance = metrics.horizontalAdvance(text);
    if (advance <= width || mode == Qt::ElideNone)
        return {text, advance};
    const QString elided = metrics.elidedText(text, mode, width, Qt::TextSingleLine);
    return {elided, metrics.horizontalAdvance(elided)};
}
} // namespace

SessionCellDelegate::SessionCellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QRect SessionCellDelegate::textRect(const QStyleOptionViewItem &option)
{
    // The margin QCommonStyle keeps on each side of an item's text, so that a cell reads the
    // same whichever delegate painted it.
    const int margin =
        styleOf(option)->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, option.widget) + 1;
    return option.rect.adjusted(margin, 0, -margin, 0);
}

QString SessionCellDelegate::shownText(const QStyleOptionViewItem &option, const QString &text)
{
    return fitted(QFontMetricsF(option.font), text, option.textElideMode, textRect(option).width())
        .text;
}

void SessionCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    if ((item.features &
         (QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration)) ||
        (item.state & QStyle::State_Editing)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyle *style = styleOf(item);
    painter->save();
    painter->setClipRect(item.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, item.widget);

    if (!item.text.isEmpty()) {
        const QRect room = textRect(item);
        const QFontMetricsF metrics(item.font);
        painter->setFont(item.font);
        // A value drawn lately is neither measured nor shaped again, nor elided again.
        const ShapedLine *kept = m_lines.line(item.text, painter->font(), item.direction);
        if (kept && kept->advance > room.width() && item.textElideMode != Qt::ElideNone)
            kept = m_lines.elided(item.text, painter->font(), item.direction, item.textElideMode,
                                  room.width());
        const Line shown = kept ? Line{QString(), kept->advance}
                                : fitted(metrics, item.text, item.textElideMode, room.width());
        const Qt::Alignment alignment =
            QStyle::visualAlignment(item.direction, item.displayAlignment);
        // Placed as QCommonStyle places an item's line: aligned in the room, its height the
        // font's ascent and descent rounded up, the baseline one ascent below its top.
        const QSize line(0, qCeil(metrics.ascent() + metrics.descent()));
        const int top =
            QStyle::alignedRect(item.direction,
                                (alignment & Qt::AlignVertical_Mask) | Qt::AlignLeft, line, room)
                .top();
        qreal left = room.left();
        if (alignment & Qt::AlignRight)
            left += room.width() - shown.advance;
        else if (alignment & Qt::AlignHCenter)
            left += (room.width() - shown.advance) / 2;
        const QPalette::ColorGroup group = colourGroup(item.state);
        painter->setPen(item.palette.color(group, item.state & QStyle::State_Selected
                                                      ? QPalette::HighlightedText
                                                      : QPalette::Text));
        painter->setLayoutDirection(item.direction);
        const QPointF baseline(left, top + metrics.ascent());
        if (kept)
            kept->draw(painter, baseline);
        else
            painter->drawText(baseline, shown.text);
    }

    if (item.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(item);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &item, item.widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = item.palette.color(
            item.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
            item.state & QStyle::State_Selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, item.widget);
    }
    painter->restore();
}
