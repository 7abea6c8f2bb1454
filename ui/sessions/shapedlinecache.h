#pragma once

#include <QCache>
#include <QFont>
#include <QGlyphRun>
#include <QList>

class QPainter;

/// A line of text shaped once: its glyphs, placed from the top left of the line, and its
/// advance (the width a QFontMetricsF measures, by which it is aligned).
struct ShapedLine
{
    QList<QGlyphRun> runs;
    qreal advance = 0;
    /// The distance from the line's top to its baseline in the layout; the font's ascent unless
    /// a glyph came from a taller font.
    qreal ascent = 0;

    /// Draws the line with its baseline at `baseline`, as QPainter::drawText(QPointF, QString)
    /// draws its text from that point.
    void draw(QPainter *painter, const QPointF &baseline) const;
};

/// The shaped lines of the values a table drew lately, so that a value seen again (a
/// character's name, a model, "yes", a figure of a row scrolled back to) is neither measured
/// nor shaped again: shaping is most of what a cell's text costs to paint, and a table repeats
/// its values. Lines are kept for one font and direction at a time; a change of either starts
/// the cache afresh. Bounded: the least recently drawn lines go first.
///
/// Only a line that QPainter::drawText is known to draw the same way is kept: Latin-1 text
/// without control characters or white space at its end (tests/ui/sessions compares the pixels).
/// Any other value is drawn as before.
class ShapedLineCache
{
    Q_DISABLE_COPY_MOVE(ShapedLineCache)

public:
    static constexpr int DefaultCapacity = 1024;

    explicit ShapedLineCache(int capacity = DefaultCapacity);

    /// Whether `text` can be drawn from a kept line (see above).
    [[nodiscard]] static bool canKeep(const QString &text);

    /// The line of `text` shaped for `font` (as the painter resolved it) and `direction`,
    /// shaped now if it is not kept; null when canKeep(text) is false. Valid until the next call.
    [[nodiscard]] const ShapedLine *line(const QString &text, const QFont &font,
                                         Qt::LayoutDirection direction);
    /// The line of `text` elided by `mode` to `width`, as QFontMetricsF::elidedText elides it,
    /// kept as the lines above (a column of identifiers is elided on every paint); null when
    /// canKeep(text) is false.
    [[nodiscard]] const ShapedLine *elided(const QString &text, const QFont &font,
                                           Qt::LayoutDirection direction, Qt::TextElideMode mode,
                                           int width);

    [[nodiscard]] int size() const { return int(m_lines.size()); }
    [[nodiscard]] bool contains(const QString &text) const { return m_lines.contains(text); }

private:
    /// Empties the cache when `font` or `direction` is not the one its lines were shaped for.
    void use(const QFont &font, Qt::LayoutDirection direction);
    /// `shown` laid out on one line, kept as `key`.
    const ShapedLine *shape(const QString &key, const QString &shown);

    // Keyed by the text; an elided line by its width, mode and a character no kept text holds
    // (U+FFFF), then the text.
    QCache<QString, ShapedLine> m_lines;
    QFont m_font;
    Qt::LayoutDirection m_direction = Qt::LeftToRight;
};
