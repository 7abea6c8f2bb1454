#pragma once

#include "api/sessionsummary.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

/// The loaded pages of one query, bounded so that memory stays flat however far the user
/// scrolls: at most bound() pages are kept, plus any page the current viewport still shows
/// (a viewport never needs more than a few). The least recently viewed page goes first.
class SessionPageCache
{
public:
    struct Page
    {
        QList<SessionSummary> sessions;
        QStringList createdText; ///< the created column, formatted once per zone
        quint64 lastUse = 0;
    };

    explicit SessionPageCache(int bound)
        : m_bound(qMax(1, bound))
    {}

    void setBound(int pages) { m_bound = qMax(1, pages); }
    [[nodiscard]] int bound() const { return m_bound; }
    [[nodiscard]] int size() const { return int(m_pages.size()); }
    [[nodiscard]] bool contains(int page) const { return m_pages.contains(page); }
    [[nodiscard]] const Page *find(int page) const;
    [[nodiscard]] Page *findMutable(int page);
    [[nodiscard]] QList<int> pages() const { return m_pages.keys(); }

    void touch(int page);
    /// Stores a page and evicts the least recently used pages not in `keep` while above the
    /// bound; returns the evicted page numbers.
    QList<int> insert(int page, Page content, const QSet<int> &keep);
    void clear() { m_pages.clear(); }

private:
    QHash<int, Page> m_pages;
    quint64 m_clock = 0;
    int m_bound;
};
