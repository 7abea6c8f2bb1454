#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <QTextLayout>

/// Paints one turn as a chat bubble: assistant on the left, user on the right, each in its
/// colour, with speaker and mm:ss above. The text goes through QTextLayout as a plain string,
/// so markup in a turn is shown as typed and never interpreted.
///
/// Wrapped bubbles have different heights, so QListView cannot use uniform item sizes; heights
/// are cached per row for the current width (set by the view on resize) and dropped on reset.
/// The cache holds one int per row: bounded by the transcript's length.
class TranscriptDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptDelegate)

public:
    explicit TranscriptDelegate(QObject *parent = nullptr);
    ~TranscriptDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The width bubbles are laid out for; a change drops every cached height.
    void setViewWidth(int width);
    [[nodiscard]] int viewWidth() const { return m_width; }
    void invalidate() { m_heights.clear(); }
    [[nodiscard]] qsizetype cachedHeights() const { return m_heights.size(); }

    /// Exactly the string handed to the text layout for this row.
    [[nodiscard]] static QString displayedText(const QModelIndex &index);
    /// The bubble's text laid out for `textWidth`, with find matches as formats.
    [[nodiscard]] QTextLayout *layoutFor(const QModelIndex &index, const QFont &font, int textWidth,
                                         qreal *height) const;

    /// The bubble's fill, its text's colour and the caption's, from the palette in use: a
    /// dark palette gets dark bubbles with light text.
    [[nodiscard]] static QColor bubbleColour(bool assistant, const QPalette &palette);
    [[nodiscard]] static QColor bubbleTextColour(bool assistant, const QPalette &palette);
    [[nodiscard]] static QColor captionColour(const QPalette &palette);

    static constexpr int Margin = 6;
    static constexpr int Padding = 8;

private:
    [[nodiscard]] int bubbleTextWidth() const;

    int m_width = 400;
    mutable QHash<int, int> m_heights;
    mutable std::unique_ptr<QTextLayout> m_layout; ///< reused between rows, never shared
};
