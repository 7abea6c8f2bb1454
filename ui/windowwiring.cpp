#include "ui/windowwiring.h"

#include "models/previousperiodtotals.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "ui/charts/analyticspage.h"
#include "ui/mainwindow.h"
#include "ui/sessions/exportflow.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/totalsbar.h"
#include "ui/transcript/sessionpane.h"

namespace WindowWiring {

void connectSessionPane(MainWindow &window, SessionPane *pane)
{
    window.setSessionPane(pane);
    pane->setTimeZone(window.timeZone());
    QObject::connect(&window, &MainWindow::sessionOpened, pane, &SessionPane::showSession);
    QObject::connect(&window, &MainWindow::sessionFailed, pane, &SessionPane::showError);
    QObject::connect(&window, &MainWindow::timeZoneChanged, pane, &SessionPane::setTimeZone);
    QObject::connect(&window, &MainWindow::playPauseRequested, pane, &SessionPane::togglePlayPause);
}

void connectSessionOpener(MainWindow &window, SessionOpener *opener)
{
    QObject::connect(opener, &SessionOpener::opened, &window, &MainWindow::openSession);
    QObject::connect(&window, &MainWindow::sessionRequested, opener, &SessionOpener::open);
    QObject::connect(
        opener, &SessionOpener::failed, &window,
        [&window](const QString &, const QString &message) { window.showSessionError(message); });
}

void connectPreviousTotals(MainWindow &window, PreviousPeriodTotals *previous)
{
    SessionsPage *sessions = window.sessionsPage();
    TotalsBar *bar = sessions->totalsBar();
    QObject::connect(sessions, &SessionsPage::filtersApplied, previous, [sessions, previous] {
        previous->start(sessions->filterBar()->query(), sessions->filterBar()->timeZone());
    });
    QObject::connect(previous, &PreviousPeriodTotals::cleared, bar,
                     [bar] { bar->setPrevious(std::nullopt); });
    QObject::connect(previous, &PreviousPeriodTotals::ready, bar,
                     [bar](const UsageTotals &totals) { bar->setPrevious(totals); });
    // Without the previous figures the bar simply shows no change; the list says nothing.
    QObject::connect(previous, &PreviousPeriodTotals::failed, bar,
                     [bar] { bar->setPrevious(std::nullopt); });
}

ExportFlow *connectExporter(MainWindow &window, SessionExporter *exporter)
{
    auto *flow = new ExportFlow(exporter, window.sessionsPage()->model(), &window);
    QObject::connect(&window, &MainWindow::exportRequested, flow, &ExportFlow::ask);
    QObject::connect(flow, &ExportFlow::message, &window, &MainWindow::showStatus);
    return flow;
}

void connectAnalytics(MainWindow &window, AnalyticsPage *analytics, SessionOpener *opener)
{
    SessionsPage *sessions = window.sessionsPage();
    FilterBar *filters = sessions->filterBar();
    analytics->setTimeZone(window.timeZone());
    // The page only records the filter here; it asks the server once it is shown.
    QObject::connect(sessions, &SessionsPage::filtersApplied, analytics, [filters, analytics] {
        analytics->addKnownCharacters(filters->knownCharacters());
        const auto [first, last] = filters->days();
        analytics->setFilter(filters->character(), filters->tenant(), first, last);
    });
    QObject::connect(&window, &MainWindow::timeZoneChanged, analytics, &AnalyticsPage::setTimeZone);
    QObject::connect(analytics, &AnalyticsPage::characterNamesChanged, sessions->model(),
                     &SessionTableModel::setCharacterNames);
    QObject::connect(
        analytics, &AnalyticsPage::openSessions, &window,
        [&window, filters](const QString &slug, const QString &tenant, QDate first, QDate last) {
            filters->setCharacter(slug);
            filters->setTenant(tenant);
            if (first.isValid())
                filters->setCustomDays(first, last);
            else
                filters->setPreset(FilterBar::Preset::AllTime);
            window.showSessionsPage();
            filters->apply();
        });
    QObject::connect(analytics, &AnalyticsPage::openSession, opener, &SessionOpener::open);
}

} // namespace WindowWiring
