#pragma once

#include "api/sessionsummary.h"
#include "models/transcriptsearch.h"

#include <QAbstractListModel>
#include <QStringList>

/// The turns of one session, one row each, in time order. Texts are plain text: the display
/// role carries the turn with control characters replaced by visible symbols (computed once,
/// when the turns are set), never markup to interpret.
///
/// Playback and find state live here as roles so that any view paints them: the playing turn
/// changes (and is announced with one dataChanged per affected row) only when the position
/// crosses into another turn, not on every position tick.
class TranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum Role {
        RawTextRole = Qt::UserRole + 1, ///< the text exactly as the API sent it
        SpeakerRole,                    ///< int(TranscriptTurn::Role)
        TimestampRole,                  ///< seconds since the session start, double
        TimeTextRole,                   ///< "mm:ss" (or "h:mm:ss")
        TurnIndexRole,
        PlayingRole,      ///< true on the turn being spoken
        MatchesRole,      ///< QList<TextRange> of find matches in this turn
        CurrentMatchRole, ///< TextRange of the current find match, when in this turn
    };

    explicit TranscriptModel(QObject *parent = nullptr);
    ~TranscriptModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setTurns(QList<TranscriptTurn> turns);
    void clear() { setTurns({}); }
    [[nodiscard]] const QList<TranscriptTurn> &turns() const { return m_turns; }
    [[nodiscard]] const TranscriptTurn &turn(int row) const { return m_turns.at(row); }

    /// The last turn starting at or before `seconds`; -1 before the first turn.
    [[nodiscard]] int rowAtTime(double seconds) const;
    /// Marks the turn under the playback position; announces only an actual change of turn.
    void setPlaybackPosition(qint64 ms);
    void setPlayingRow(int row);
    [[nodiscard]] int playingRow() const { return m_playingRow; }

    /// Find: highlights every match; returns the number of matches.
    int setSearchText(const QString &needle, int fromRow = 0);
    [[nodiscard]] const TranscriptSearch &search() const { return m_search; }
    /// Moves to the next / previous match and returns its row, -1 when there is none.
    int nextMatch();
    int previousMatch();

    /// Plain text of the whole transcript: "[mm:ss] Assistant: text" lines.
    [[nodiscard]] QString toPlainText() const;
    [[nodiscard]] QString toMarkdown() const;

    /// The text as the view shows it: control characters (except line breaks and tabs) as the
    /// visible symbols of the Control Pictures block, so nothing invisible hides in a turn.
    [[nodiscard]] static QString displayText(const QString &raw);
    [[nodiscard]] static QString formatTime(double seconds);
    [[nodiscard]] static QString speakerName(TranscriptTurn::Role role);

Q_SIGNALS:
    void playingRowChanged(int row);
    void searchChanged();

private:
    void notifyRows(const QList<int> &rows, const QList<int> &roles);
    void notifyCurrentMatchMoved(int oldIndex);

    QList<TranscriptTurn> m_turns;
    QStringList m_display;
    QStringList m_times;
    int m_playingRow = -1;
    TranscriptSearch m_search;
};
