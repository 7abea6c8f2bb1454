#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/// Where the find text occurs in one turn: UTF-16 offsets into the turn's display text.
struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};
Q_DECLARE_METATYPE(TextRange)
Q_DECLARE_METATYPE(QList<TextRange>)

/// Find-in-transcript as a value: every match of a needle over the turns' texts, in reading
/// order, and a cursor that wraps around. No Qt model or view in here, so it is tested alone.
class TranscriptSearch
{
public:
    struct Match
    {
        int row = 0;
        TextRange range;
    };

    /// Case-insensitive plain-text search (never a regular expression: users type `?` and `(`).
    /// The cursor goes to the first match at or after `fromRow`.
    void find(const QStringList &texts, const QString &needle, int fromRow = 0);
    void clear();

    [[nodiscard]] const QString &needle() const { return m_needle; }
    [[nodiscard]] int count() const { return int(m_matches.size()); }
    [[nodiscard]] int current() const { return m_current; } ///< -1 when there is no match
    [[nodiscard]] const Match &match(int i) const { return m_matches.at(i); }
    /// Moves the cursor (wrapping) and returns the new current match index, -1 if none.
    int next();
    int previous();
    /// The matches inside one row, for painting; empty for rows without one.
    [[nodiscard]] QList<TextRange> rangesInRow(int row) const;
    /// The rows that hold at least one match, ascending.
    [[nodiscard]] QList<int> rows() const;

private:
    QString m_needle;
    QList<Match> m_matches;
    int m_current = -1;
};
