#pragma once

#include "api/sessionsummary.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTimeZone>
#include <QVariant>

/// The columns of the session table and how one session's value in each is shown, sorted and
/// explained. Kept apart from the model so that the table, the copy-as-CSV code and the sort
/// index agree on one definition.
namespace SessionColumns {
enum Column : int {
    Created,
    Character,
    Tenant,
    Duration,
    Turns,
    Interruptions,
    LlmInputTokens,
    LlmOutputTokens,
    LlmModel,
    SttSeconds,
    TtsCharacters,
    Cost,
    Recording,
    InProgress,
    SessionId, ///< last, so that column layouts saved before it keep their meaning
    Count
};

[[nodiscard]] QString title(int column);
/// Raw value for sorting and for CSV: numbers stay numbers, money is its exact decimal string.
[[nodiscard]] QVariant sortValue(const SessionSummary &session, int column);
/// For people. `createdText` is the created time already formatted in the chosen zone.
[[nodiscard]] QString displayText(const SessionSummary &session, int column,
                                  const QString &createdText);
/// The exact value behind a rounded display.
[[nodiscard]] QString toolTip(const SessionSummary &session, int column, const QTimeZone &zone);
/// What a screen reader says for a cell that shows nothing (a finished session's "live"
/// column); invalid where the displayed text says it all.
[[nodiscard]] QVariant accessibleText(const SessionSummary &session, int column);
[[nodiscard]] Qt::Alignment alignment(int column);

/// The roles both session tables (live and stored) answer besides Qt's own, so that views and
/// delegates serve both; each model's Role enum has these values.
enum Role : int { SortRole = Qt::UserRole + 1, SessionRole, LoadingRole, ErrorRole, SessionIdRole };
/// What a session table answers for `role` of a cell whose session is loaded: the answers the
/// live and the stored table share. `createdText` is the created time formatted in `zone`.
[[nodiscard]] QVariant cellData(const SessionSummary &session, int column, int role,
                                const QString &createdText, const QTimeZone &zone);
/// A horizontal header's title or alignment; nothing for any other role.
[[nodiscard]] QVariant headerData(int section, int role);
/// `names` with the roles above added.
[[nodiscard]] QHash<int, QByteArray> roleNames(QHash<int, QByteArray> names);
[[nodiscard]] bool isNumeric(int column);

/// "2026-05-01 14:03:22" in `zone`; an invalid zone means local time.
[[nodiscard]] QString formatCreated(const QDateTime &createdAt, const QTimeZone &zone);
/// "4:05" or "1:02:03".
[[nodiscard]] QString formatDuration(double seconds);
} // namespace SessionColumns
