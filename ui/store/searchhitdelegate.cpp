#include "ui/store/searchhitdelegate.h"
#include "models/storesearchmodel.h"
#include "ui/palettecolours.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace {
constexpr int Margin = 4;

void prepare(QTextDocument &document, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QString place = index.data(Qt::DisplayRole).toString().toHtmlEscaped();
    const QString snippet =
        SearchHitDelegate::highlighted(index.data(StoreSearchModel::SnippetRole).toString(),
                                       index.data(StoreSearchModel::MatchStartRole).toLongLong(),
                                       index.data(StoreSearchModel::MatchLengthRole).toLongLong());
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    document.setTextWidth(qMax(50, option.rect.width() - 2 * Margin));
    // The place in the quieter colour of the palette in use, still legible on light and dark.
    const QColor quiet =
        PaletteColours::secondaryText(option.palette, option.palette.color(QPalette::Base));
    document.setHtml(QStringLiteral("<span style=\"color:%1\">%2</span><br>%3")
                         .arg(quiet.name(), place, snippet));
}
} // namespace

SearchHitDelegate::SearchHitDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString SearchHitDelegate::highlighted(const QString &snippet, qsizetype start, qsizetype length)
{
    if (start < 0 || length <= 0 || start + length > snippet.size())
        return snippet.toHtmlEscaped();
    return snippet.left(start).toHtmlEscaped() + QStringLiteral("<b>") +
           snippet.mid(start, length).toHtmlEscaped() + QStringLiteral("</b>") +
           snippet.mid(start + length).toHtmlEscaped();
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    QTextDocument document;
    prepare(document, option, index);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    if (option.state & QStyle::State_Selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(Margin, Margin));
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size()));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QTextDocument document;
    prepare(document, option, index);
    return {int(document.idealWidth()) + 2 * Margin, int(document.size().height()) + 2 * Margin};
}
