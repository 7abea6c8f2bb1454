#pragma once

#include "api/apierror.h"
#include "api/usagepage.h"
#include "api/usagequery.h"
#include "reports/requestgeneration.h"

#include <QObject>
#include <QTimeZone>

class ApiClient;

/// The server's totals for the period of equal length just before a filter's range, so that
/// the totals bar can show each figure's change as the daily report does. One `page_size=1`
/// request: only the totals are read. A filter without both ends ("All time") has no previous
/// period.
class PreviousPeriodTotals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviousPeriodTotals)

public:
    explicit PreviousPeriodTotals(ApiClient *client, QObject *parent = nullptr);
    ~PreviousPeriodTotals() override;

    /// Forgets the previous answer (cleared()) and asks for the period before `filter`'s range,
    /// whole days of `zone` when the range is whole days.
    void start(const UsageQuery &filter, const QTimeZone &zone);
    [[nodiscard]] bool isBusy() const { return m_request != 0; }

Q_SIGNALS:
    void cleared();
    void ready(const UsageTotals &previous, const UtcRange &range);
    void failed(const ApiError &error);

private:
    ApiClient *m_client;
    RequestGeneration m_generation;
    quint64 m_request = 0;
};
