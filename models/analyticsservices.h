#pragma once

#include <QObject>

class ApiClient;
class CharacterRoster;
class CharacterTotalsFetcher;
class DailyReportBuilder;
class RangeAggregator;

/// The fetchers behind the analytics page, built where the client lives (app/gui, or a test),
/// so that the page's widgets get controllers and never the network client itself.
class AnalyticsServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsServices)

public:
    explicit AnalyticsServices(ApiClient *client, QObject *parent = nullptr);
    ~AnalyticsServices() override;

    [[nodiscard]] CharacterRoster *roster() const { return m_roster; }
    [[nodiscard]] CharacterTotalsFetcher *totalsFetcher() const { return m_totalsFetcher; }
    [[nodiscard]] RangeAggregator *aggregator() const { return m_aggregator; }
    [[nodiscard]] DailyReportBuilder *reportBuilder() const { return m_reportBuilder; }

private:
    CharacterRoster *m_roster;
    CharacterTotalsFetcher *m_totalsFetcher;
    RangeAggregator *m_aggregator;
    DailyReportBuilder *m_reportBuilder;
};
