#pragma once

#include "api/sessionsummary.h"
#include "api/usagepage.h"
#include "api/usagequery.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

class SessionStore;
class SqlDialect;

/// What a person can ask of the stored sessions beyond the API's filter: the API's character,
/// tenant and range (`api`), and the fields the API cannot filter on. Every unset field lets
/// every session through.
struct StoreSessionFilter
{
    UsageQuery api; ///< character, tenant, inclusive range of created_at (paging unused)
    QStringList recordingStatuses;  ///< as stored (READY, FAILED, …); empty: any
    std::optional<bool> inProgress; ///< true: still in progress; false: finalized
    std::optional<qint64> minCostMicros;
    std::optional<qint64> maxCostMicros;
    std::optional<double> minDurationSeconds;
    std::optional<double> maxDurationSeconds;
    QString llmModel;
    QString tag;
    std::optional<bool> hasNote;

    friend bool operator==(const StoreSessionFilter &, const StoreSessionFilter &) = default;
};

/// The orders the stored session list can be read in: each an indexed column (see the
/// migration that adds the sort indexes), ties broken by session_id so that windows never
/// overlap or skip rows.
enum class StoreSortKey {
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
    SessionId,
};

/// One window of the stored sessions of a filter in one order, as SQL: a value that a worker
/// thread runs on its own connection. The rows carry the summary columns only (no transcript,
/// no JSON), so that a window of a few hundred rows stays small.
struct StoreSessionQuery
{
    StoreSessionFilter filter;
    StoreSortKey sortKey = StoreSortKey::Created;
    bool descending = true;
    qint64 offset = 0;
    int limit = 200;

    /// " AND …" conditions over `sessions` as `s`, their values appended to `values`.
    [[nodiscard]] static QString conditions(const StoreSessionFilter &filter, QVariantList *values);
    /// The SELECT of this window.
    [[nodiscard]] QString rowsSql(QVariantList *values) const;
    /// One row: the count and the sums of the filter, as StoreTotals gives them for the API's.
    [[nodiscard]] static QString totalsSql(const StoreSessionFilter &filter, QVariantList *values);
    /// The column an order reads.
    [[nodiscard]] static QString sortExpression(StoreSortKey key);

    /// Runs the window. False with the database's message.
    bool fetch(const SessionStore &store, QList<SessionSummary> *rows, QString *error) const;
    /// Count and totals of the filter. False with the database's message.
    static bool totals(const SessionStore &store, const StoreSessionFilter &filter,
                       UsageTotals *totals, QString *error);
};

/// The whole stored session (transcript included) from its kept JSON, with its local review
/// data. False with a message when the store has no such session or its JSON does not decode.
struct StoreSessionDetail
{
    SessionSummary session;
    QStringList tags;
    QString note;

    static bool load(const SessionStore &store, const QString &sessionId, StoreSessionDetail *out,
                     QString *error);
};
