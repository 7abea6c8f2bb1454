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
    // A line break in a value would start a second line the row has no room for.
    QString line = text;
    line.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return QFontMetricsF(option.font)
        .elidedText(line, option.textElideMode, textRect(option).width(), Qt::TextSingleLine);
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
        const QString shown = shownText(item, item.text);
        const QRect room = textRect(item);
        const QFontMetricsF metrics(item.font);
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
        if (alignment & (Qt::AlignRight | Qt::AlignHCenter)) {
            const qreal spare = room.width() - metrics.horizontalAdvance(shown);
            left += alignment & Qt::AlignRight ? spare : spare / 2;
        }
        const QPalette::ColorGroup group = colourGroup(item.state);
        painter->setPen(item.palette.color(group, item.state & QStyle::State_Selected
                                                      ? QPalette::HighlightedText
                                                      : QPalette::Text));
        painter->setFont(item.font);
        painter->setLayoutDirection(item.direction);
        painter->drawText(QPointF(left, top + metrics.ascent()), shown);
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
