#pragma once

#include "models/sessionsortindex.h"

#include <QList>

#include <utility>

/// Where each row of the table's paged part comes from: in the server's order row r is index
/// r % pageSize of page r / pageSize + 1; once sorted, a permutation of the sort index's keys
/// says it. SessionTableModel asks it which page a row needs and which rows a page fills, so
/// that loading, painting and re-sorting agree on one mapping.
///
/// Rows here are counted from the first paged row (the live rows above it are not this
/// class's concern).
class SessionRowOrder
{
public:
    SessionRowOrder(const SessionSortIndex &index, int pageSize)
        : m_index(&index)
        , m_pageSize(pageSize)
    {}

    /// A permutation of the index's keys, or empty for the server's order.
    void setOrder(QList<qint32> order);
    void clear() { setOrder({}); }
    [[nodiscard]] bool isSorted() const { return !m_order.isEmpty(); }
    /// Rows of the sorted order (0 in the server's order, whose size is the server's count).
    [[nodiscard]] int sortedSize() const { return int(m_order.size()); }

    /// Page and index of a row.
    [[nodiscard]] SessionSortIndex::Position position(int row) const;
    /// The sort index's key of a row, or -1 when the index does not know the row yet.
    [[nodiscard]] int keyAt(int row) const;
    /// The row a key is shown in.
    [[nodiscard]] int rowOfKey(int key) const;
    /// The pages rows `first` to `last` need, each once, in the order they first appear.
    [[nodiscard]] QList<int> pagesForRows(int first, int last) const;
    /// The first and last row showing some of `page` ({-1, -1} when none does). In the server's
    /// order the last is the page's last possible row: the caller bounds it by its row count.
    [[nodiscard]] std::pair<int, int> rowsOfPage(int page) const;

private:
    const SessionSortIndex *m_index;
    int m_pageSize;
    QList<qint32> m_order;    ///< sorted row -> key
    QList<qint32> m_rowOfKey; ///< key -> sorted row
};
