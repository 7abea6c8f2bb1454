#pragma once

#include <QStyledItemDelegate>

/// Paints a search hit in two lines: where it is (session and moment), then the snippet with
/// the matched words in bold. The snippet is the transcript's plain text: it is escaped before
/// the highlight is added, so a turn that reads like markup is shown as written.
class SearchHitDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchHitDelegate)

public:
    explicit SearchHitDelegate(QObject *parent = nullptr);

    /// The snippet as rich text: every character escaped, the match wrapped in <b>.
    [[nodiscard]] static QString highlighted(const QString &snippet, qsizetype start,
                                             qsizetype length);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
