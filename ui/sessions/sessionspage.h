#pragma once

#include "api/apierror.h"
#include "api/sessionsummary.h"

#include <QTimeZone>
#include <QTimer>
#include <QVariantMap>
#include <QWidget>

class FilterBar;
class SessionTableModel;
class SessionTableView;
class StatusBanner;
class TotalsBar;

/// The session list page: filter bar, banner, totals and table around one SessionTableModel.
/// It turns the model's state into something a user can act on: a progress line with Cancel,
/// "nothing found", a Retry for network trouble, the server's message beside the dates for a
/// 400, and a request to reconnect for a 401.
class SessionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsPage)

public:
    static constexpr int DefaultLiveIntervalMs = 30000;

    explicit SessionsPage(SessionTableModel *model, QWidget *parent = nullptr);

    [[nodiscard]] FilterBar *filterBar() const { return m_filterBar; }
    [[nodiscard]] TotalsBar *totalsBar() const { return m_totalsBar; }
    [[nodiscard]] StatusBanner *banner() const { return m_banner; }
    [[nodiscard]] SessionTableView *table() const { return m_table; }
    [[nodiscard]] SessionTableModel *model() const { return m_model; }

    void setTimeZone(const QTimeZone &zone);
    void setLiveMode(bool on, int intervalMs = DefaultLiveIntervalMs);
    [[nodiscard]] bool isLiveMode() const { return m_liveTimer.isActive(); }

    /// Filters and column layout, for the settings file and saved views.
    [[nodiscard]] QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);

public Q_SLOTS:
    void applyFilters();
    void refresh();
    void cancel();

Q_SIGNALS:
    void sessionOpened(const SessionSummary &session);
    void connectionRequested();
    /// The list now shows the filter bar's filters (other pages follow them).
    void filtersApplied();

private:
    void onStatus();
    void onError(const ApiError &error);
    void onSortPending(bool pending);
    void onSortFailed(int column, Qt::SortOrder order, const ApiError &error);
    void onBannerAction();
    void showEmptyOrNothing();

    SessionTableModel *m_model;
    FilterBar *m_filterBar;
    StatusBanner *m_banner;
    TotalsBar *m_totalsBar;
    SessionTableView *m_table;
    QTimer m_liveTimer;
    enum class Action { None, Retry, RetrySort, Connect };
    Action m_action = Action::None;
    int m_failedSortColumn = -1;
    Qt::SortOrder m_failedSortOrder = Qt::AscendingOrder;
};
