#include "models/sessionpagecache.h"

const SessionPageCache::Page *SessionPageCache::find(int page) const
{
    const auto it = m_pages.constFind(page);
    return it == m_pages.cend() ? nullptr : &it.value();
}

SessionPageCache::Page *SessionPageCache::findMutable(int page)
{
    const auto it = m_pages.find(page);
    return it == m_pages.end() ? nullptr : &it.value();
}

void SessionPageCache::touch(int page)
{
    if (Page *p = findMutable(page))
        p->lastUse = ++m_clock;
}

QList<int> SessionPageCache::insert(int page, Page content, const QSet<int> &keep)
{
    content.lastUse = ++m_clock;
    m_pages.insert(page, std::move(content));
    QList<int> evicted;
    while (int(m_pages.size()) > m_bound) {
        int oldest = -1;
        quint64 oldestUse = 0;
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
            if (it.key() == page || keep.contains(it.key()))
                continue;
            if (oldest < 0 || it->lastUse < oldestUse) {
                oldest = it.key();
                oldestUse = it->lastUse;
            }
        }
        if (oldest < 0)
            break; // everything left is on screen
        m_pages.remove(oldest);
        evicted.append(oldest);
    }
    return evicted;
}
