#include "models/transcriptmodel.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{}

TranscriptModel::~TranscriptModel() = default;

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_turns.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const TranscriptTurn &t = m_turns.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return m_display.at(row);
    case Qt::ToolTipRole:
        return tr("Turn %1 · %2 · %3").arg(t.turnIndex).arg(speakerName(t.role), m_times.at(row));
    case Qt::AccessibleTextRole:
        // Read out as "Assistant, 01:05: text": who, when, what.
        return tr("%1, %2: %3").arg(speakerName(t.role), m_times.at(row), m_display.at(row));
    case Qt::AccessibleDescriptionRole:
        return row == m_playingRow ? tr("Turn %1, playing").arg(t.turnIndex)
                                   : tr("Turn %1").arg(t.turnIndex);
    case RawTextRole:
        return t.text;
    case SpeakerRole:
        return int(t.role);
    case TimestampRole:
        return t.ts;
    case TimeTextRole:
        return m_times.at(row);
    case TurnIndexRole:
        return t.turnIndex;
    case PlayingRole:
        return row == m_playingRow;
    case MatchesRole:
        return QVariant::fromValue(m_search.rangesInRow(row));
    case CurrentMatchRole: {
        const int current = m_search.current();
        if (current >= 0 && m_search.match(current).row == row)
            return QVariant::fromValue(m_search.match(current).range);
        return {};
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({{RawTextRole, "rawText"},
                  {SpeakerRole, "speaker"},
                  {TimestampRole, "ts"},
                  {TimeTextRole, "timeText"},
                  {TurnIndexRole, "turnIndex"},
                  {PlayingRole, "playing"},
                  {MatchesRole, "matches"},
                  {CurrentMatchRole, "currentMatch"}});
    return names;
}

void TranscriptModel::setTurns(QList<TranscriptTurn> turns)
{
    beginResetModel();
    // Binary search by time needs time order; the API sends it, but a stable sort is cheap
    // insurance and keeps equal timestamps in the order they came.
    std::stable_sort(turns.begin(), turns.end(),
                     [](const TranscriptTurn &a, const TranscriptTurn &b) { return a.ts < b.ts; });
    m_turns = std::move(turns);
    m_display.clear();
    m_times.clear();
    m_display.reserve(m_turns.size());
    m_times.reserve(m_turns.size());
    for (const TranscriptTurn &t : std::as_const(m_turns)) {
        m_display.append(displayText(t.text));
        m_times.append(formatTime(t.ts));
    }
    m_playingRow = -1;
    m_search.clear();
    endResetModel();
    Q_EMIT searchChanged();
}

int TranscriptModel::rowAtTime(double seconds) const
{
    const auto it = std::upper_bound(m_turns.cbegin(), m_turns.cend(), seconds,
                                     [](double s, const TranscriptTurn &t) { return s < t.ts; });
    return int(it - m_turns.cbegin()) - 1;
}

void TranscriptModel::setPlaybackPosition(qint64 ms)
{
    setPlayingRow(ms < 0 ? -1 : rowAtTime(double(ms) / 1000.0));
}

void TranscriptModel::setPlayingRow(int row)
{
    if (row < -1 || row >= rowCount())
        row = -1;
    if (row == m_playingRow)
        return;
    const int old = m_playingRow;
    m_playingRow = row;
    notifyRows({old, row}, {PlayingRole, Qt::AccessibleDescriptionRole});
    Q_EMIT playingRowChanged(row);
}

int TranscriptModel::setSearchText(const QString &needle, int fromRow)
{
    const QList<int> before = m_search.rows();
    m_search.find(m_display, needle, fromRow);
    QList<int> touched = before + m_search.rows();
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    notifyRows(touched, {MatchesRole, CurrentMatchRole});
    Q_EMIT searchChanged();
    return m_search.count();
}

int TranscriptModel::nextMatch()
{
    const int old = m_search.current();
    if (m_search.next() < 0)
        return -1;
    notifyCurrentMatchMoved(old);
    return m_search.match(m_search.current()).row;
}

int TranscriptModel::previousMatch()
{
    const int old = m_search.current();
    if (m_search.previous() < 0)
        return -1;
    notifyCurrentMatchMoved(old);
    return m_search.match(m_search.current()).row;
}

void TranscriptModel::notifyCurrentMatchMoved(int oldIndex)
{
    const int oldRow = oldIndex >= 0 ? m_search.match(oldIndex).row : -1;
    notifyRows({oldRow, m_search.match(m_search.current()).row}, {CurrentMatchRole});
    Q_EMIT searchChanged();
}

void TranscriptModel::notifyRows(const QList<int> &rows, const QList<int> &roles)
{
    int last = -2;
    for (int row : rows) {
        if (row < 0 || row >= rowCount() || row == last)
            continue;
        last = row;
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, roles);
    }
}

QString TranscriptModel::toPlainText() const
{
    QString out;
    for (qsizetype i = 0; i < m_turns.size(); ++i)
        out += u'[' + m_times.at(i) + u"] "_s + speakerName(m_turns.at(i).role) + u": "_s +
               m_turns.at(i).text + u'\n';
    return out;
}

QString TranscriptModel::toMarkdown() const
{
    // Turn text is escaped so that a turn's own markdown is shown, not rendered, by a reader.
    static const QString special = u"\\`*_{}[]()#+-.!|<>"_s;
    QString out;
    for (qsizetype i = 0; i < m_turns.size(); ++i) {
        QString text;
        for (QChar c : m_turns.at(i).text) {
            if (special.contains(c))
                text += u'\\';
            text += c;
        }
        text.replace(u'\n', u"  \n"_s);
        out += u"**"_s + speakerName(m_turns.at(i).role) + u"** `"_s + m_times.at(i) + u"`  \n"_s +
               text + u"\n\n"_s;
    }
    return out;
}

QString TranscriptModel::displayText(const QString &raw)
{
    QString out = raw;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t')
            continue;
        if (u < 0x20)
            c = QChar(char16_t(0x2400 + u)); // ␀ … ␟
        else if (u == 0x7f)
            c = QChar(char16_t(0x2421)); // ␡
        else if (u >= 0x80 && u < 0xa0)
            c = QChar(char16_t(0xfffd));
    }
    return out;
}

QString TranscriptModel::speakerName(TranscriptTurn::Role role)
{
    switch (role) {
    case TranscriptTurn::Role::Assistant:
        return tr("Assistant");
    case TranscriptTurn::Role::User:
        return tr("User");
    case TranscriptTurn::Role::Other:
        break;
    }
    return tr("Other");
}

QString TranscriptModel::formatTime(double seconds)
{
    const qint64 total = std::max<qint64>(0, qint64(std::floor(seconds)));
    const qint64 h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
}
