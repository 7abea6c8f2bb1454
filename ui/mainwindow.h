#pragma once

#include "api/sessionsummary.h"

#include <QMainWindow>
#include <QTimeZone>

class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class SessionDetailsForm;
class SessionTableModel;
class SessionsPage;

/// Assembles the pages: the session list on the left, the details pane on the right (hidden
/// until a session is opened), the analytics page on a second tab, menus and shortcuts. It holds no
/// policy of its own beyond which page has the keyboard.
///
/// The details pane is one widget slot: setSessionPane() swaps in a richer pane, which listens
/// to sessionOpened(); the default is a read-only form.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(SessionTableModel *model, QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] SessionsPage *sessionsPage() const { return m_page; }
    /// The window takes ownership; the previous pane is deleted.
    void setSessionPane(QWidget *pane);
    [[nodiscard]] QWidget *sessionPane() const;
    /// The second page, beside the sessions: charts and comparisons. The window takes ownership.
    void setAnalyticsPage(QWidget *page);
    void showSessionsPage();
    void showAnalyticsPage();
    /// Another page after these two (the local store's); the window takes ownership.
    /// A page of its own tab; `description` is the tab's tooltip, read by screen readers.
    void addPage(QWidget *page, const QString &title, const QString &description = {});
    void showPage(QWidget *page);
    /// For pages that add their own actions (File ▸ Open store…), above Quit.
    [[nodiscard]] QMenu *fileMenu() const { return m_fileMenu; }
    [[nodiscard]] QAction *quitAction() const { return m_quitAction; }
    [[nodiscard]] bool isSessionOpen() const;
    /// The width the session pane opens at: the one the user last gave it, or a good share of
    /// the window.
    [[nodiscard]] int paneWidth() const;
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }
    /// The time-zone menu's checked entry, as it reads ("Local time", "UTC", "Other: …").
    [[nodiscard]] QString checkedTimeZoneEntry() const;
    /// The status bar names the server the window shows (empty: not connected).
    void setServer(const QString &description);
    /// A sentence in the status bar for a few seconds.
    void showStatus(const QString &text);
    [[nodiscard]] QString serverText() const;

    void restoreSettings();
    void saveSettings();

public Q_SLOTS:
    void openSession(const SessionSummary &session);
    /// A session asked for (a link, a click in Analytics) could not be opened: the pane and the
    /// banner above the list say why.
    void showSessionError(const QString &message);
    /// Back to the list, with its filters, selection and scroll position as they were.
    void closeSession();
    void setTimeZone(const QTimeZone &zone);
    /// Asks for a session ID or link (Ctrl+G).
    void askForSession();
    /// Opens the session an ID or a `sessionscope://session/ID` link names; false (and a word
    /// in the status bar) when the text is neither.
    bool goToSession(const QString &idOrLink);

Q_SIGNALS:
    /// The user asked for a session by its ID.
    void sessionRequested(const QString &sessionId);
    /// File > Export: the list's sessions to a file.
    void exportRequested();
    /// Space while a session is open and the keyboard is in the list: play or pause it.
    void playPauseRequested();
    void sessionOpened(const SessionSummary &session);
    /// The pane listens to this as to sessionOpened(), to show the message instead.
    void sessionFailed(const QString &message);
    void connectionRequested();
    void timeZoneChanged(const QTimeZone &zone);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void chooseTimeZone();
    void onEscape();
    void rebuildViewsMenu();
    void saveCurrentView();
    void showPane();
    void updateZoneMenu();

    QSettings &m_settings;
    QTabWidget *m_tabs;
    SessionsPage *m_page;
    QSplitter *m_splitter;
    QStackedWidget *m_paneSlot;
    SessionDetailsForm *m_defaultPane;
    QMenu *m_viewsMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_liveAction = nullptr;
    QAction *m_localZone = nullptr;
    QAction *m_utcZone = nullptr;
    QAction *m_otherZone = nullptr; ///< "Other: Europe/Berlin…" while such a zone is in use
    QLabel *m_server;
    int m_paneWidth = 0; ///< as the user last dragged it; 0: not yet
    QTimeZone m_zone;
};
