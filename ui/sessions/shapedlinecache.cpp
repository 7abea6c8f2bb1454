#include "ui/sessions/shapedlinecache.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextLayout>

#include <memory>

void ShapedLine::draw(QPainter *painter, const QPointF &baseline) const
{
    const QPointF topLeft(baseline.x(), baseline.y() - ascent);
    for (const QGlyphRun &run : runs)
        painter->drawGlyphRun(topLeft, run);
}

ShapedLineCache::ShapedLineCache(int capacity)
    : m_lines(capacity)
{}

bool ShapedLineCache::canKeep(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // Latin-1 only: every font a desktop uses for its widgets covers it, so no character
        // falls back to a font of other metrics. Control characters (tabs, line breaks) and the
        // soft hyphen are laid out differently from a single drawn line.
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0xad || u > 0xff)
            return false;
    }
    const char16_t last = text.back().unicode();
    return last != u' ' && last != 0xa0;
}

void ShapedLineCache::use(const QFont &font, Qt::LayoutDirection direction)
{
    if (font != m_font || direction != m_direction) {
        m_lines.clear();
        m_font = font;
        m_direction = direction;
    }
}

const ShapedLine *ShapedLineCache::line(const QString &text, const QFont &font,
                                        Qt::LayoutDirection direction)
{
    if (!canKeep(text))
        return nullptr;
    use(font, direction);
    if (const ShapedLine *kept = m_lines.object(text))
        return kept;
    return shape(text, text);
}

const ShapedLine *ShapedLineCache::elided(const QString &text, const QFont &font,
                                          Qt::LayoutDirection direction, Qt::TextElideMode mode,
                                          int width)
{
    if (!canKeep(text))
        return nullptr;
    use(font, direction);
    const QString key = QString::number(width) + QChar(u'a' + int(mode)) + QChar(0xffff) + text;
    if (const ShapedLine *kept = m_lines.object(key))
        return kept;
    return shape(key, QFontMetricsF(font).elidedText(text, mode, width, Qt::TextSingleLine));
}

const ShapedLine *ShapedLineCache::shape(const QString &key, const QString &shown)
{
    QTextLayout layout(shown, m_font);
    QTextOption option;
    option.setTextDirection(m_direction);
    option.setWrapMode(QTextOption::NoWrap);
    // From the left edge whatever the direction: the caller aligns the line by its advance.
    option.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine first = layout.createLine();
    layout.endLayout();
    if (!first.isValid() || layout.lineCount() != 1)
        return nullptr;
    auto shaped = std::make_unique<ShapedLine>();
    shaped->runs = layout.glyphRuns();
    shaped->advance = first.horizontalAdvance();
    shaped->ascent = first.ascent();
    const ShapedLine *kept = shaped.get();
    m_lines.insert(key, shaped.release());
    return kept;
}
