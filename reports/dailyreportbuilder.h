#pragma once

#include "reports/dailyreport.h"
#include "reports/requestgeneration.h"

#include <QObject>

class ApiClient;
class RangeAggregator;
struct ApiError;
struct CollectionSummary;

/// Gathers a DailyReport: the period's sessions in one pass (their totals, top sessions and
/// hours) and the previous period's totals in one `page_size=1` request, both at once.
class DailyReportBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyReportBuilder)

public:
    explicit DailyReportBuilder(ApiClient *client, QObject *parent = nullptr);
    ~DailyReportBuilder() override;

    /// Starts over; an earlier report still under way is dropped.
    void start(const QString &characterSlug, const QString &tenantId, const UtcRange &range,
               const QTimeZone &zone);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_pending > 0; }

Q_SIGNALS:
    void ready(const DailyReport &report);
    void failed(const ApiError &error);

private:
    void onAggregate(quint64 generation, const RangeAggregate &aggregate,
                     const CollectionSummary &summary);
    void fail(const ApiError &error);
    void partDone();

    ApiClient *m_client;
    RangeAggregator *m_aggregator;
    DailyReport m_report;
    RequestGeneration m_generation;
    quint64 m_aggregatorGeneration = 0;
    quint64 m_previousRequest = 0;
    int m_pending = 0;
};
