#include "models/transcriptsearch.h"

#include <algorithm>

void TranscriptSearch::find(const QStringList &texts, const QString &needle, int fromRow)
{
    clear();
    m_needle = needle;
    if (needle.isEmpty())
        return;
    for (int row = 0; row < texts.size(); ++row) {
        const QString &text = texts.at(row);
        for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
            m_matches.append(Match{row, TextRange{int(at), int(needle.size())}});
    }
    if (m_matches.isEmpty())
        return;
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), fromRow,
                                     [](const Match &m, int row) { return m.row < row; });
    m_current = it == m_matches.cend() ? 0 : int(it - m_matches.cbegin());
}

void TranscriptSearch::clear()
{
    m_needle.clear();
    m_matches.clear();
    m_current = -1;
}

int TranscriptSearch::next()
{
    if (m_matches.isEmpty())
        return -1;
    m_current = (m_current + 1) % count();
    return m_current;
}

int TranscriptSearch::previous()
{
    if (m_matches.isEmpty())
        return -1;
    m_current = (m_current - 1 + count()) % count();
    return m_current;
}

QList<TextRange> TranscriptSearch::rangesInRow(int row) const
{
    QList<TextRange> out;
    auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), row,
                               [](const Match &m, int r) { return m.row < r; });
    for (; it != m_matches.cend() && it->row == row; ++it)
        out.append(it->range);
    return out;
}

QList<int> TranscriptSearch::rows() const
{
    QList<int> out;
    for (const Match &m : m_matches) {
        if (out.isEmpty() || out.constLast() != m.row)
            out.append(m.row);
    }
    return out;
}
