#pragma once

#include "models/storebrowser.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class ReviewPanel;
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
/// list, a search over every stored transcript opens a hit at its turn and moment. Beside the
/// pane, the session's tags and note; the review queue (the sessions tagged needs-review) is
/// worked through with N (next) and R (mark reviewed: needs-review becomes reviewed).
class StorePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePage)

public:
    static inline const QString NeedsReview = QStringLiteral("needs-review");
    static inline const QString Reviewed = QStringLiteral("reviewed");

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
    [[nodiscard]] ReviewPanel *reviewPanel() const { return m_review; }
    /// The table's row of the session on screen; -1 when it came from elsewhere (a search).
    [[nodiscard]] int openRow() const { return m_openRow; }
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
    /// The list becomes the sessions tagged needs-review, and the first one opens.
    void startReviewQueue();
    /// The row after the open session's.
    void openNext();
    /// The open session leaves the queue: needs-review removed, reviewed added; the next
    /// session of the list opens.
    void markReviewed();

Q_SIGNALS:
    /// A stored session is on screen (the review panel follows it).
    void sessionShown(const StoreSessionDetail &session);

private:
    void showMessage(const QString &text);
    void onOpened(bool ok, const QString &message);
    void onSessionLoaded(const StoreSessionDetail &session, double cueSeconds);
    void onStatus();
    void openRowOfTable(int row);
    void onReviewSaved();

    StoreBrowser *m_browser;
    StoreSearchPanel *m_search;
    StoreFilterBar *m_filters;
    TotalsBar *m_totals;
    QLabel *m_message;
    QTableView *m_table;
    QWidget *m_panels;
    QSplitter *m_splitter;
    QWidget *m_side;
    ReviewPanel *m_review;
    SessionPane *m_pane = nullptr;
    int m_openRow = -1;
    int m_rowToOpen = -1; ///< opens once the list has it (after a filter or a refresh)
    bool m_online = false;
};
