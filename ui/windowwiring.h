#pragma once

class AnalyticsPage;
class ExportFlow;
class MainWindow;
class PreviousPeriodTotals;
class SessionOpener;
class SessionExporter;
class SessionPane;

/// How the window's parts follow one another, apart from app/ so that tests run the very
/// connections the application makes. Only widgets and controllers meet here, never the client.
namespace WindowWiring {

/// The pane in the window's slot: it shows what the window opens, says why a session could not
/// be opened, and writes times in the window's zone.
void connectSessionPane(MainWindow &window, SessionPane *pane);

/// Sessions asked for by id (Go to session, links) open in the window, or their error shows
/// there.
void connectSessionOpener(MainWindow &window, SessionOpener *opener);

/// The totals bar shows each figure's change against the period of equal length before the
/// list's range, which `previous` asks the server for whenever the filters are applied.
void connectPreviousTotals(MainWindow &window, PreviousPeriodTotals *previous);

/// File > Export writes the list's sessions through `exporter` and says how it ended.
ExportFlow *connectExporter(MainWindow &window, SessionExporter *exporter);

/// Analytics shows the session list's applied filter in the window's zone; its click-throughs
/// set the list to exactly the sessions behind a figure, and its session links go to `opener`.
void connectAnalytics(MainWindow &window, AnalyticsPage *analytics, SessionOpener *opener);

} // namespace WindowWiring
