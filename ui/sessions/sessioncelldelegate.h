#pragma once

#include "ui/sessions/shapedlinecache.h"

#include <QStyledItemDelegate>

/// Paints a cell of the session tables: the style's item panel (selection, alternate rows,
/// background role), one line of text elided to the cell and the focus frame. The general
/// delegate lays each cell's text out with a QTextLayout up to three times (size, elision,
/// drawing), which is most of the first paint of a full-screen table; a table of times, names
/// and figures needs one line, measured once and drawn once (figures in BENCHMARKS.md).
///
/// Values seen lately are drawn from their shaped lines (ShapedLineCache).
///
/// A cell with a check box or an icon, or one being edited, goes to QStyledItemDelegate.
class SessionCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionCellDelegate)

public:
    explicit SessionCellDelegate(QObject *parent = nullptr);

    /// The room the text of a cell has: the cell less the margins the style keeps beside it.
    [[nodiscard]] static QRect textRect(const QStyleOptionViewItem &option);
    /// What a cell shows of `text`: one line, elided by the view's mode to textRect(option).
    [[nodiscard]] static QString shownText(const QStyleOptionViewItem &option, const QString &text);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    /// The lines kept to be drawn again.
    [[nodiscard]] int keptLineCount() const { return m_lines.size(); }

private:
    mutable ShapedLineCache m_lines;
};
