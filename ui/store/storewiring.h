#pragma once

#include <QSettings>

class MainWindow;
class StorePage;
class StoreSyncController;

/// How the store's page joins the window, apart from app/ so that tests run the very
/// connections the application makes: its tab (Ctrl+3), its search (Ctrl+Shift+F), File ▸
/// Open store… (remembered in the settings, and opened again at the next start), the time of
/// the last sync in the status bar, and the window's time zone.
namespace StoreWiring {

inline const QString DatabaseKey = QStringLiteral("store/database");

/// With `sync`, File ▸ Sync (Ctrl+Shift+Y) brings the open store up to date, its progress
/// and Cancel above the table and its outcome in the status bar.
void install(MainWindow &window, StorePage *page, QSettings &settings,
             StoreSyncController *sync = nullptr);
/// Opens `argument` in the page and shows it; remembered once it opened.
void openStore(MainWindow &window, StorePage *page, const QString &argument);
/// At start: the store of `--database` (shown), or else the one opened last (behind the
/// session list). True when the command line named one: the window then runs offline.
bool openAtStart(MainWindow &window, StorePage *page, QSettings &settings,
                 const QString &commandLine);

} // namespace StoreWiring
