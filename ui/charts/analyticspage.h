#pragma once

#include <QDate>
#include <QTimeZone>
#include <QWidget>

class AnalyticsServices;
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
class RangeAggregate;
class QTabWidget;
class RangeAggregator;
struct ApiError;

/// The analytics half of the window: per-character totals (bars and table), the series per day,
/// the comparison and the daily report, for exactly the session list's filter (character,
/// tenant, range of days in the chosen zone; "all time" is all time), which a caption names.
///
/// It owns its models; the fetchers that feed them come in an AnalyticsServices (it never holds
/// the network client), the colours from the shared CharacterPalette. It asks the server only while
/// it is shown: a filter or zone set while it is hidden waits for the next showEvent() or
/// ensureLoaded(). What the user clicks comes out as signals that name exactly the sessions behind
/// the figure.
class AnalyticsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsPage)

public:
    AnalyticsPage(AnalyticsServices *services, CharacterPalette *palette,
                  QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    /// The list's filter: `characterSlug` and `tenantId` empty for all, `first`..`last` whole
    /// days in the page's time zone, both invalid for all time. Loads when shown.
    void setFilter(const QString &characterSlug, const QString &tenantId, QDate first, QDate last);
    void setTimeZone(const QTimeZone &zone);
    /// Characters the session browser has seen; added to every view.
    void addKnownCharacters(const QStringList &slugs);
    /// The user's saved list of characters.
    void setSavedCharacters(const QStringList &slugs);
    /// Asks the server again for everything on the page.
    void refresh();
    /// Loads the current filter now if it is not loaded yet, shown or not.
    void ensureLoaded();

    [[nodiscard]] CharacterTotalsModel *totalsModel() const { return m_totalsModel; }
    [[nodiscard]] DailySeriesModel *seriesModel() const { return m_seriesModel; }
    [[nodiscard]] ComparisonModel *comparisonModel() const { return m_comparisonModel; }
    [[nodiscard]] CharacterBarChart *barChart() const { return m_bars; }
    [[nodiscard]] DailySeriesChart *seriesChart() const { return m_series; }
    [[nodiscard]] DailyReportView *reportView() const { return m_report; }
    [[nodiscard]] bool isLoading() const;
    /// The visible sentence naming the filter and zone of every figure on the page.
    [[nodiscard]] QString caption() const;
    /// The visible error, empty when none.
    [[nodiscard]] QString errorText() const;

Q_SIGNALS:
    /// Characters' names became known (slug -> name), for the other views to show them.
    void characterNamesChanged(const QHash<QString, QString> &names);
    /// Open the session list on exactly the sessions of a figure: this character and tenant
    /// (empty: all) over `first`..`last` (both invalid: all time), days in the page's zone.
    void openSessions(const QString &characterSlug, const QString &tenantId, QDate first,
                      QDate last);
    /// Open one session (from the daily report's lists).
    void openSession(const QString &sessionId);
    void loadingChanged(bool loading);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildTotalsTab();
    QWidget *buildSeriesTab();
    void reload();
    void onCharactersChanged();
    void onAggregate(const RangeAggregate &aggregate);
    /// What keeps the totals from being whole, for an export; empty when they are.
    [[nodiscard]] QString totalsMissing() const;
    /// The same for the figures of the range (the per-day lines and the comparison).
    [[nodiscard]] QString rangeMissing() const;
    void showBanner(const QString &message);
    void onError(const ApiError &error);
    void updateStatus();
    void updateCaption();
    [[nodiscard]] QStringList shownSlugs() const;

    CharacterPalette *m_palette;
    QTimeZone m_zone;
    QString m_character;
    QString m_tenant;
    QDate m_first;       ///< invalid: all time
    QDate m_last;        ///< invalid: all time
    QDate m_seriesFirst; ///< the days the series shows
    QDate m_seriesLast;
    bool m_hasFilter = false;
    bool m_stale = true; ///< the filter or zone changed since the last load
    quint64 m_aggregation = 0;

    CharacterRoster *m_roster;
    CharacterTotalsFetcher *m_totalsFetcher;
    CharacterTotalsModel *m_totalsModel;
    RangeAggregator *m_aggregator;
    DailySeriesModel *m_seriesModel;
    ComparisonModel *m_comparisonModel;
    DailyReportBuilder *m_reportBuilder;

    QLabel *m_caption;
    QLabel *m_banner;
    /// Why the range's figures (per-day lines, comparison) are not whole: not loaded yet, or
    /// the last aggregation failed.
    QString m_rangeProblem = tr("the figures of the range are not in yet");
    QTabWidget *m_tabs;
    CharacterBarChart *m_bars;
    DailySeriesChart *m_series;
    ComparisonView *m_comparison;
    DailyReportView *m_report;
};
