#include "ui/sessions/sessionspage.h"
#include "models/sessiontablemodel.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/sessions/statusbanner.h"
#include "ui/sessions/totalsbar.h"

#include <QHeaderView>
#include <QVBoxLayout>

SessionsPage::SessionsPage(SessionTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filterBar(new FilterBar(this))
    , m_banner(new StatusBanner(this))
    , m_totalsBar(new TotalsBar(this))
    , m_table(new SessionTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_totalsBar);
    layout->addWidget(m_table, 1);
    m_table->setSessionModel(model);

    connect(m_filterBar, &FilterBar::applied, this, &SessionsPage::applyFilters);
    connect(model, &SessionTableModel::statusChanged, this, &SessionsPage::onStatus);
    connect(model, &SessionTableModel::errorOccurred, this, &SessionsPage::onError);
    connect(model, &SessionTableModel::totalsChanged, m_totalsBar, &TotalsBar::setTotals);
    connect(model, &SessionTableModel::sortPendingChanged, this, &SessionsPage::onSortPending);
    connect(model, &SessionTableModel::sortFailed, this, &SessionsPage::onSortFailed);
    connect(model, &SessionTableModel::sortProgress, this, [this](int done, int total) {
        m_banner->showProgress(tr("Loading all %Ln session(s) to sort them (page %1 of %2)…",
                                  nullptr, int(m_model->serverCount()))
                                   .arg(QLocale().toString(done), QLocale().toString(total)),
                               done, total);
    });
    connect(model, &SessionTableModel::seenCharactersChanged, this,
            [this] { m_filterBar->addKnownCharacters(m_model->seenCharacters()); });
    connect(m_banner, &StatusBanner::cancelRequested, this, &SessionsPage::cancel);
    connect(m_banner, &StatusBanner::actionTriggered, this, &SessionsPage::onBannerAction);
    connect(m_table, &SessionTableView::sessionActivated, this, [this](int row) {
        if (const SessionSummary *s = m_model->session(row))
            Q_EMIT sessionOpened(*s);
    });
    connect(m_table, &SessionTableView::copied, this, [this](const RowsCopy::Result &r) {
        if (r.skipped > 0)
            m_banner->showMessage(StatusBanner::Kind::Info,
                                  tr("Copied %Ln row(s).", nullptr, int(r.copied)) +
                                      QLatin1Char(' ') +
                                      tr("%Ln selected row(s) were not loaded yet and were left "
                                         "out. Scroll to them to load them.",
                                         nullptr, int(r.skipped)));
    });
    connect(&m_liveTimer, &QTimer::timeout, model, &SessionTableModel::pollNewer);
}

void SessionsPage::applyFilters()
{
    m_filterBar->setDateError({});
    m_totalsBar->setUnknown();
    m_model->setQuery(m_filterBar->query());
    Q_EMIT filtersApplied();
}

void SessionsPage::refresh()
{
    m_totalsBar->setUnknown();
    m_model->refresh();
}

void SessionsPage::cancel()
{
    m_model->cancel();
    if (m_model->status() == SessionTableModel::Status::Ready)
        showEmptyOrNothing();
    else
        m_banner->showMessage(StatusBanner::Kind::Warning, tr("Loading cancelled."),
                              tr("Load again"));
    m_action = Action::Retry;
}

void SessionsPage::setTimeZone(const QTimeZone &zone)
{
    m_model->setTimeZone(zone);
    m_filterBar->setTimeZone(zone);
}

void SessionsPage::setLiveMode(bool on, int intervalMs)
{
    if (on)
        m_liveTimer.start(intervalMs);
    else
        m_liveTimer.stop();
}

void SessionsPage::onStatus()
{
    switch (m_model->status()) {
    case SessionTableModel::Status::Loading:
        m_banner->showProgress(tr("Loading sessions…"));
        break;
    case SessionTableModel::Status::Ready:
        showEmptyOrNothing();
        break;
    case SessionTableModel::Status::Idle:
    case SessionTableModel::Status::Failed:
        break; // errors arrive through onError
    }
}

void SessionsPage::showEmptyOrNothing()
{
    if (m_model->isSortPending())
        return;
    if (m_model->serverCount() != 0) {
        m_banner->hideBanner();
        return;
    }
    const bool character = !m_model->query().characterSlug.isEmpty();
    // The API filters silently: a character you do not own answers like one without sessions.
    m_banner->showMessage(StatusBanner::Kind::Info,
                          character ? tr("No sessions match these filters, or the character "
                                         "\"%1\" is not yours.")
                                          .arg(m_model->query().characterSlug)
                                    : tr("No sessions match these filters."));
    m_action = Action::None;
}

void SessionsPage::onError(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        m_action = Action::Connect;
        m_banner->showMessage(
            StatusBanner::Kind::Error,
            tr("The server did not accept the credentials: %1").arg(error.message), tr("Connect…"));
        Q_EMIT connectionRequested();
        return;
    case ApiError::Kind::BadRequest: {
        QStringList messages;
        for (const QString &field : {QStringLiteral("start"), QStringLiteral("end")})
            messages += error.fieldErrors.value(field);
        m_filterBar->setDateError(messages.isEmpty() ? error.message : messages.join(u' '));
        m_action = Action::None;
        m_banner->showMessage(StatusBanner::Kind::Error,
                              tr("The server rejected the filters: %1").arg(error.message));
        return;
    }
    case ApiError::Kind::Cancelled:
        return;
    default:
        break;
    }
    m_action = Action::Retry;
    const bool partial = m_model->status() == SessionTableModel::Status::Ready;
    m_banner->showMessage(StatusBanner::Kind::Error,
                          partial
                              ? tr("Some rows could not be loaded: %1").arg(error.toDisplayString())
                              : error.toDisplayString(),
                          tr("Retry"));
}

void SessionsPage::onSortPending(bool pending)
{
    if (pending) {
        m_banner->showProgress(
            tr("Loading all %Ln session(s) to sort them…", nullptr, int(m_model->serverCount())));
        return;
    }
    // Cancelled or done: the header shows the order the rows are really in.
    const int column =
        m_model->sortColumn() < 0 ? int(SessionColumns::Created) : m_model->sortColumn();
    const QSignalBlocker block(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(column, m_model->sortOrder());
    if (m_banner->kind() == StatusBanner::Kind::Progress)
        m_banner->hideBanner();
}

void SessionsPage::onSortFailed(int column, Qt::SortOrder order, const ApiError &error)
{
    m_action = Action::RetrySort;
    m_failedSortColumn = column;
    m_failedSortOrder = order;
    m_banner->showMessage(StatusBanner::Kind::Error,
                          tr("Not sorted by %1: sorting needs every session, and they could not "
                             "all be loaded. The list stays in the server's order (newest "
                             "first). %2")
                              .arg(SessionColumns::title(column), error.toDisplayString()),
                          tr("Retry"));
}

void SessionsPage::onBannerAction()
{
    switch (m_action) {
    case Action::RetrySort:
        m_banner->hideBanner();
        m_action = Action::None;
        m_model->sort(m_failedSortColumn, m_failedSortOrder);
        break;
    case Action::Retry:
        m_banner->hideBanner();
        m_model->retryFailed();
        break;
    case Action::Connect:
        Q_EMIT connectionRequested();
        break;
    case Action::None:
        break;
    }
}

QVariantMap SessionsPage::saveState() const
{
    return {{QStringLiteral("filters"), m_filterBar->saveState()},
            {QStringLiteral("columns"), m_table->horizontalHeader()->saveState()},
            {QStringLiteral("columnCount"), int(SessionColumns::Count)},
            {QStringLiteral("userSizedColumns"), m_table->hasUserSizedColumns()}};
}

void SessionsPage::restoreState(const QVariantMap &state)
{
    m_filterBar->restoreState(state.value(QStringLiteral("filters")).toMap());
    const QByteArray columns = state.value(QStringLiteral("columns")).toByteArray();
    // A layout saved with another set of columns would put widths on the wrong ones: the
    // columns are fitted afresh instead.
    const bool sameColumns =
        state.value(QStringLiteral("columnCount")).toInt() == int(SessionColumns::Count);
    if (!columns.isEmpty() && sameColumns)
        m_table->horizontalHeader()->restoreState(columns);
    m_table->setUserSizedColumns(sameColumns &&
                                 state.value(QStringLiteral("userSizedColumns")).toBool());
    // A restored sort indicator must not start loading everything: the server's order first.
    const QSignalBlocker block(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(SessionColumns::Created, Qt::DescendingOrder);
}
