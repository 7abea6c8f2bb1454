#include "models/previousperiodtotals.h"
#include "api/apiclient.h"
#include "reports/dailyreport.h"

PreviousPeriodTotals::PreviousPeriodTotals(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

PreviousPeriodTotals::~PreviousPeriodTotals()
{
    m_generation.advance();
    if (m_request)
        m_client->cancel(m_request);
}

void PreviousPeriodTotals::start(const UsageQuery &filter, const QTimeZone &zone)
{
    // A new generation first: the cancelled request answers at once and must find it stale.
    const quint64 generation = m_generation.advance();
    if (m_request)
        m_client->cancel(std::exchange(m_request, 0));
    Q_EMIT cleared();
    const UtcRange previous = DailyReport::previousPeriod(filter.range, zone);
    if (!previous.startMicros || !previous.endMicros)
        return;
    UsageQuery query = filter;
    query.range = previous;
    query.page = 1;
    query.pageSize = 1;
    // The callback never runs before fetchUsage returns (see ApiClient).
    m_request =
        m_client->fetchUsage(query, this, [this, generation, previous](Result<UsagePage> result) {
            if (!m_generation.isCurrent(generation))
                return;
            m_request = 0;
            if (result)
                Q_EMIT ready(result.value().totals, previous);
            else if (result.error().kind == ApiError::Kind::NotFound)
                Q_EMIT ready(UsageTotals{}, previous); // an empty period has no page 1
            else if (result.error().kind != ApiError::Kind::Cancelled)
                Q_EMIT failed(result.error());
        });
}
