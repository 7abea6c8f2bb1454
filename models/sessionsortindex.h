#pragma once

#include "api/sessionsummary.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

/// The sort keys of every row of a filtered set, and where to find each row again (page and
/// index), without the sessions themselves: about 90 bytes a row, so 100,000 rows sort in
/// under 10 MB while the sessions stay in the bounded page cache. Text keys are interned, since
/// a set holds few distinct characters, tenants and models.
class SessionSortIndex
{
public:
    struct Position
    {
        qint32 page = 0;
        qint32 index = 0;
    };

    void clear();
    /// Appends one page's keys in the server's order; pages must come in page order.
    void appendPage(int page, const QList<SessionSummary> &sessions);
    /// Gives back the growth slack once the last page is in.
    void squeeze() { m_keys.shrink_to_fit(); }
    [[nodiscard]] int size() const { return int(m_keys.size()); }
    [[nodiscard]] Position position(int key) const;
    /// The key of a row given by page and index, or -1.
    [[nodiscard]] int keyOf(int page, int index) const;
    /// Key numbers in the requested order; ties keep the server's order (newest first).
    [[nodiscard]] QList<qint32> order(int column, Qt::SortOrder sortOrder) const;
    [[nodiscard]] qsizetype bytesUsed() const;

private:
    struct Key
    {
        qint64 created;
        qint64 llmIn;
        qint64 llmOut;
        qint64 tts;
        qint64 costMicros;
        double duration;
        double stt;
        qint32 turns;
        qint32 interruptions;
        quint32 character;
        quint32 tenant;
        quint32 model;
        quint32 recording;
        qint32 page;
        qint16 index;
        bool inProgress;
    };
    [[nodiscard]] quint32 intern(const QString &text);

    std::vector<Key> m_keys;
    QStringList m_strings;
    QHash<QString, quint32> m_stringIds;
    QHash<int, int> m_pageStart; ///< page -> first key
};
