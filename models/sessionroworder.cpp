#include "models/sessionroworder.h"

void SessionRowOrder::setOrder(QList<qint32> order)
{
    m_order = std::move(order);
    m_rowOfKey = QList<qint32>(m_order.size());
    for (qsizetype row = 0; row < m_order.size(); ++row)
        m_rowOfKey[m_order[row]] = qint32(row);
}

SessionSortIndex::Position SessionRowOrder::position(int row) const
{
    if (isSorted())
        return m_index->position(m_order[row]);
    return {qint32(row / m_pageSize + 1), qint32(row % m_pageSize)};
}

int SessionRowOrder::keyAt(int row) const
{
    if (isSorted())
        return m_order[row];
    return m_index->keyOf(row / m_pageSize + 1, row % m_pageSize);
}

int SessionRowOrder::rowOfKey(int key) const
{
    if (isSorted())
        return m_rowOfKey[key];
    const auto pos = m_index->position(key);
    return (pos.page - 1) * m_pageSize + pos.index;
}

QList<int> SessionRowOrder::pagesForRows(int first, int last) const
{
    QList<int> pages;
    for (int row = first; row <= last; ++row) {
        if (!isSorted()) {
            // Unsorted rows are contiguous by page: step a page at a time.
            const int page = row / m_pageSize + 1;
            pages.append(page);
            row = page * m_pageSize - 1;
            continue;
        }
        const int page = m_index->position(m_order[row]).page;
        if (!pages.contains(page))
            pages.append(page);
    }
    return pages;
}

std::pair<int, int> SessionRowOrder::rowsOfPage(int page) const
{
    if (!isSorted()) {
        const int first = (page - 1) * m_pageSize;
        return {first, first + m_pageSize - 1};
    }
    int first = -1;
    int last = -1;
    for (int key = m_index->keyOf(page, 0);
         key >= 0 && key < m_index->size() && m_index->position(key).page == page; ++key) {
        const int row = m_rowOfKey[key];
        first = first < 0 ? row : qMin(first, row);
        last = qMax(last, row);
    }
    return {first, last};
}
