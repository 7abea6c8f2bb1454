#include "ui/transcript/transcriptdelegate.h"

#include "api/sessionsummary.h"
#include "models/transcriptmodel.h"
#include "ui/palettecolours.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextOption>

using namespace Qt::StringLiterals;

QColor TranscriptDelegate::bubbleColour(bool assistant, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (assistant)
        return dark ? QColor(0x1f, 0x3a, 0x5f) : QColor(0xe3, 0xee, 0xfb);
    return dark ? QColor(0x23, 0x4d, 0x32) : QColor(0xe2, 0xf5, 0xe6);
}

QColor TranscriptDelegate::bubbleTextColour(bool assistant, const QPalette &palette)
{
    return PaletteColours::legibleOn(bubbleColour(assistant, palette),
                                     palette.color(QPalette::Text));
}

QColor TranscriptDelegate::captionColour(const QPalette &palette)
{
    // The placeholder colour is often the text colour at half opacity: too faint to read.
    return PaletteColours::secondaryText(palette, palette.color(QPalette::Base));
}

namespace {
QFont captionFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}
} // namespace

TranscriptDelegate::TranscriptDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_layout(std::make_unique<QTextLayout>())
{}

TranscriptDelegate::~TranscriptDelegate() = default;

void TranscriptDelegate::setViewWidth(int width)
{
    if (width == m_width)
        return;
    m_width = width;
    m_heights.clear();
}

int TranscriptDelegate::bubbleTextWidth() const
{
    // Bubbles take at most three quarters of the row so that the sides stay readable.
    return std::max(80, m_width * 3 / 4 - 2 * Padding);
}

QString TranscriptDelegate::displayedText(const QModelIndex &index)
{
    return index.data(Qt::DisplayRole).toString();
}

QTextLayout *TranscriptDelegate::layoutFor(const QModelIndex &index, const QFont &font,
                                           int textWidth, qreal *height) const
{
    const QString text = displayedText(index);
    QTextLayout &layout = *m_layout;
    layout.clearLayout();
    layout.clearFormats();
    layout.setText(text);
    layout.setFont(font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    const bool rightToLeft = text.isRightToLeft();
    option.setTextDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    // Said outright: a right-to-left paragraph sits against the right edge of the text width
    // (paint() moves that edge to the bubble's). Left to the default, a short right-to-left line
    // sat at the left and the shift in paint() pushed it out of its bubble.
    option.setAlignment(rightToLeft ? Qt::AlignRight | Qt::AlignAbsolute
                                    : Qt::AlignLeft | Qt::AlignAbsolute);
    layout.setTextOption(option);

    QList<QTextLayout::FormatRange> formats;
    const auto matches = index.data(TranscriptModel::MatchesRole).value<QList<TextRange>>();
    const QVariant current = index.data(TranscriptModel::CurrentMatchRole);
    for (const TextRange &r : matches) {
        QTextLayout::FormatRange f;
        f.start = r.start;
        f.length = r.length;
        const bool isCurrent = current.isValid() && current.value<TextRange>() == r;
        f.format.setBackground(isCurrent ? QColor(0xff, 0x96, 0x32) : QColor(0xff, 0xe5, 0x6b));
        f.format.setForeground(Qt::black);
        formats.append(f);
    }
    layout.setFormats(formats);

    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(textWidth);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    *height = std::max<qreal>(y, QFontMetricsF(font).height());
    return &layout;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    if (const auto it = m_heights.constFind(index.row()); it != m_heights.cend())
        return {m_width, *it};
    qreal textHeight = 0;
    // Only the height is wanted here; the layout stays cached for the paint that follows.
    (void)layoutFor(index, option.font, bubbleTextWidth(), &textHeight);
    const int caption = QFontMetrics(captionFont(option.font)).height();
    const int height = Margin + caption + 2 + int(std::ceil(textHeight)) + 2 * Padding + Margin;
    m_heights.insert(index.row(), height);
    return {m_width, height};
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool assistant =
        index.data(TranscriptModel::SpeakerRole).toInt() != int(TranscriptTurn::Role::User);
    const bool playing = index.data(TranscriptModel::PlayingRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;

    qreal textHeight = 0;
    QTextLayout *layout = layoutFor(index, option.font, bubbleTextWidth(), &textHeight);
    qreal textWidth = 0;
    for (int i = 0; i < layout->lineCount(); ++i)
        textWidth = std::max(textWidth, layout->lineAt(i).naturalTextWidth());
    const QFont caption = captionFont(option.font);
    const int captionHeight = QFontMetrics(caption).height();
    const qreal bubbleWidth = std::max<qreal>(textWidth, 60) + 2 * Padding;
    const QRect row = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const qreal left = assistant ? row.left() : row.right() - bubbleWidth;
    const QRectF bubble(left, row.top() + captionHeight + 2, bubbleWidth, textHeight + 2 * Padding);

    // Caption: speaker and time, on the bubble's side.
    painter->setFont(caption);
    painter->setPen(captionColour(pal));
    const QString label = TranscriptModel::speakerName(TranscriptTurn::Role(
                              index.data(TranscriptModel::SpeakerRole).toInt())) +
                          u" · "_s + index.data(TranscriptModel::TimeTextRole).toString();
    painter->drawText(QRectF(row.left(), row.top(), row.width(), captionHeight),
                      (assistant ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter, label);

    QPainterPath path;
    path.addRoundedRect(bubble, 10, 10);
    painter->fillPath(path, bubbleColour(assistant, pal));
    if (playing || selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), playing ? 2.5 : 1.0));
        painter->drawPath(path);
    }
    painter->setPen(bubbleTextColour(assistant, pal));
    // A right-to-left bubble lays its lines out against the right edge of the text width.
    const qreal shift = layout->textOption().textDirection() == Qt::RightToLeft
                            ? -(bubbleTextWidth() - textWidth)
                            : 0;
    layout->draw(painter, bubble.topLeft() + QPointF(Padding + shift, Padding));
    painter->restore();
}
