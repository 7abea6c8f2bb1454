#pragma once

#include "api/sessionsummary.h"

#include <QUrl>

/// The server's aggregate figures for a whole filtered set (not for one page).
struct UsageTotals
{
    qint64 sessions = 0;
    qint64 llmInputTokens = 0;
    qint64 llmOutputTokens = 0;
    double sttAudioSeconds = 0;
    qint64 ttsCharacters = 0;
    Money estimatedCost;

    /// Adds one session's figures; used to check the server's totals and to aggregate locally.
    void add(const SessionSummary &session);
    [[nodiscard]] Money averageCostPerSession() const { return estimatedCost.dividedBy(sessions); }
    friend bool operator==(const UsageTotals &, const UsageTotals &) = default;
};

/// One decoded reply of GET /api/billing/usage/.
struct UsagePage
{
    UsageTotals totals;
    QList<SessionSummary> sessions;
    qint64 count = 0; ///< matching sessions before paging
    QUrl next;
    QUrl previous;
    QString message;
};

Q_DECLARE_METATYPE(UsageTotals)
Q_DECLARE_METATYPE(UsagePage)
