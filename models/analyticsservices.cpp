#include "models/analyticsservices.h"

#include "models/characterroster.h"
#include "models/charactertotalsfetcher.h"
#include "reports/dailyreportbuilder.h"
#include "reports/rangeaggregator.h"

AnalyticsServices::AnalyticsServices(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_roster(new CharacterRoster(client, this))
    , m_totalsFetcher(new CharacterTotalsFetcher(client, this))
    , m_aggregator(new RangeAggregator(client, this))
    , m_reportBuilder(new DailyReportBuilder(client, this))
{}

AnalyticsServices::~AnalyticsServices() = default;
