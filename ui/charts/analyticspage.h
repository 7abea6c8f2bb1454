#pragma once

#include <QDate>
#include <QTimeZone>
#include <QWidget>

class ApiClient;
class CharacterBarChart;
class CharacterPalette;
class CharacterRoster;
class CharacterTotalsFetcher;
class CharacterTotalsModel;
class ComparisonModel;
class ComparisonView;
class DailyReportBuilder;
class DailyReportView;
class DailySeriesChart;
class DailySeriesModel;
class QLabel;
class QTabWidget;
class RangeAggregator;
struct ApiError;

/// The analytics half of the window: per-character totals (bars and table), the series per day,
/// the comparison and the daily report, all for one tenant and range of local days.
///
/// It owns its models and the fetchers that feed them; it needs only the shared ApiClient and
/// CharacterPalette. What the user clicks comes out as signals for the window to route to the
/// session browser.
class AnalyticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsPage)

public:
    AnalyticsPage(ApiClient *client, CharacterPalette *palette, QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    /// The range is whole local days `first`..`last` in the page's time zone; reloads.
    void setFilter(const QString &tenantId, QDate first, QDate last);
    void setTimeZone(const QTimeZone &zone);
    /// Characters the session browser has seen; added to every view.
    void addKnownCharacters(const QStringList &slugs);
    /// The user's saved list of characters.
    void setSavedCharacters(const QStringList &slugs);
    /// Asks the server again for everything on the page.
    void refresh();

    [[nodiscard]] CharacterTotalsModel *totalsModel() const { return m_totalsModel; }
    [[nodiscard]] DailySeriesModel *seriesModel() const { return m_seriesModel; }
    [[nodiscard]] ComparisonModel *comparisonModel() const { return m_comparisonModel; }
    [[nodiscard]] CharacterBarChart *barChart() const { return m_bars; }
    [[nodiscard]] DailySeriesChart *seriesChart() const { return m_series; }
    [[nodiscard]] bool isLoading() const;

Q_SIGNALS:
    /// Open the session table filtered to this character, for `day` (invalid: the whole range).
    void openSessions(const QString &characterSlug, QDate day);
    /// Open one session (from the daily report's lists).
    void openSession(const QString &sessionId);
    void loadingChanged(bool loading);

private:
    QWidget *buildTotalsTab();
    QWidget *buildSeriesTab();
    void reload();
    void onCharactersChanged();
    void onError(const ApiError &error);
    void updateStatus();

    ApiClient *m_client;
    CharacterPalette *m_palette;
    QTimeZone m_zone;
    QString m_tenant;
    QDate m_first;
    QDate m_last;
    quint64 m_aggregation = 0;

    CharacterRoster *m_roster;
    CharacterTotalsFetcher *m_totalsFetcher;
    CharacterTotalsModel *m_totalsModel;
    RangeAggregator *m_aggregator;
    DailySeriesModel *m_seriesModel;
    ComparisonModel *m_comparisonModel;
    DailyReportBuilder *m_reportBuilder;

    QLabel *m_banner;
    QTabWidget *m_tabs;
    CharacterBarChart *m_bars;
    DailySeriesChart *m_series;
    ComparisonView *m_comparison;
    DailyReportView *m_report;
};
