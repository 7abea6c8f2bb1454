#pragma once

#include "models/storebrowser.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class SessionPane;
class StoreFilterBar;
class StoreSearchPanel;
class TotalsBar;

/// The page of the local store: which store is open, its filters, the totals of what they keep
/// (computed by the store, like the live list's), and the table of stored sessions, sorted by a
/// click on any column. A row opened (double click, Enter) shows the stored session in the
/// session pane beside the list; its recording plays when the window is connected. Above the
/// list, a search over every stored transcript opens a hit at its turn and moment.
class StorePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePage)

public:
    explicit StorePage(StoreBrowser *browser, QWidget *parent = nullptr);

    /// The page takes ownership. Its recording plays only while online (setOnline).
    void setSessionPane(SessionPane *pane);
    [[nodiscard]] SessionPane *sessionPane() const { return m_pane; }
    /// Whether the API can be reached: a stored recording needs a fresh signed address.
    void setOnline(bool online);
    [[nodiscard]] bool isOnline() const { return m_online; }
    void setTimeZone(const QTimeZone &zone);
    /// Adds a panel above the table (search, review), owned by the page.
    void addPanel(QWidget *panel);

    [[nodiscard]] StoreFilterBar *filterBar() const { return m_filters; }
    [[nodiscard]] StoreSearchPanel *searchPanel() const { return m_search; }
    [[nodiscard]] TotalsBar *totalsBar() const { return m_totals; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] bool isSessionOpen() const;
    [[nodiscard]] StoreBrowser *browser() const { return m_browser; }

public Q_SLOTS:
    void applyFilters();
    /// The selected row, or the first.
    void openCurrent();
    void closeSession();

Q_SIGNALS:
    /// A stored session is on screen (the review panel follows it).
    void sessionShown(const StoredSession &session);

private:
    void showMessage(const QString &text);
    void onOpened(bool ok, const QString &message);
    void onSessionLoaded(const StoredSession &session, double cueSeconds);
    void onStatus();

    StoreBrowser *m_browser;
    StoreSearchPanel *m_search;
    StoreFilterBar *m_filters;
    TotalsBar *m_totals;
    QLabel *m_message;
    QTableView *m_table;
    QWidget *m_panels;
    QSplitter *m_splitter;
    SessionPane *m_pane = nullptr;
    bool m_online = false;
};
