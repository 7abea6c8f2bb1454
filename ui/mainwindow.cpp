#include "ui/mainwindow.h"
#include "models/sessiontablemodel.h"
#include "reports/sessionlink.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/savedviews.h"
#include "ui/sessions/sessiondetailsform.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/sessions/statusbanner.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

MainWindow::MainWindow(SessionTableModel *model, QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_page(new SessionsPage(model, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_paneSlot(new QStackedWidget(this))
    , m_defaultPane(new SessionDetailsForm)
{
    setWindowTitle(tr("Sessionscope"));
    m_splitter->addWidget(m_page);
    m_splitter->addWidget(m_paneSlot);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_paneSlot->addWidget(m_defaultPane);
    m_paneSlot->hide();
    m_tabs->addTab(m_splitter, tr("&Sessions"));
    m_tabs->setTabToolTip(0, tr("The calls, their transcripts and recordings (Ctrl+1)"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setAccessibleName(tr("Pages"));
    m_tabs->tabBar()->setAccessibleDescription(
        tr("The session list, Analytics and the local store (Ctrl+1, Ctrl+2, Ctrl+3)"));
    setCentralWidget(m_tabs);
    buildMenus();

    m_page->table()->setFocus(Qt::OtherFocusReason); // keys go to the list from the start
    // After Enter opens a session the keyboard stays in the list; Space there plays it.
    connect(m_page->table(), &SessionTableView::spacePressed, this, [this] {
        if (isSessionOpen())
            Q_EMIT playPauseRequested();
    });
    m_page->table()->setSpaceTaken([this] { return isSessionOpen(); });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (isSessionOpen())
            m_paneWidth = m_splitter->sizes().value(1);
    });
    connect(m_page, &SessionsPage::sessionOpened, this, &MainWindow::openSession);
    connect(m_page, &SessionsPage::connectionRequested, this, &MainWindow::connectionRequested);
    m_server = new QLabel(tr("Not connected"), this);
    m_server->setObjectName(QStringLiteral("serverLabel"));
    statusBar()->addPermanentWidget(m_server);
    connect(model, &SessionTableModel::loadingChanged, this, [this](bool loading) {
        statusBar()->showMessage(loading ? tr("Loading…") : QString());
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    QAction *connection =
        file->addAction(tr("&Connection…"), this, &MainWindow::connectionRequested);
    connection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *goTo = file->addAction(tr("&Go to session…"), this, &MainWindow::askForSession);
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goTo->setObjectName(QStringLiteral("goToSession"));
    file->addAction(tr("&Export the list…"), this, &MainWindow::exportRequested)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // Ctrl+F belongs to where the focus is: the filters in the list, the transcript's find bar
    // in an open session. A window-wide shortcut would make the two ambiguous and neither fire.
    QAction *find =
        view->addAction(tr("&Find (filters)"), m_page->filterBar(), &FilterBar::focusFilters);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->addAction(find);
    view->addAction(tr("&Refresh"), m_page, &SessionsPage::refresh)
        ->setShortcut(QKeySequence(Qt::Key_F5));
    view->addAction(tr("S&essions"), this, &MainWindow::showSessionsPage)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addAction(tr("&Analytics"), this, &MainWindow::showAnalyticsPage)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addSeparator();
    m_liveAction = view->addAction(tr("&Live mode (every 30 s)"));
    m_liveAction->setCheckable(true);
    connect(m_liveAction, &QAction::toggled, m_page, [this](bool on) { m_page->setLiveMode(on); });
    QMenu *zones = view->addMenu(tr("&Time zone"));
    // The menu shows the zone in use: one of its three choices is always checked, and "Other"
    // names the zone it stands for.
    auto *zoneGroup = new QActionGroup(this);
    m_localZone = zones->addAction(tr("Local time"), this, [this] { setTimeZone({}); });
    m_utcZone = zones->addAction(tr("UTC"), this, [this] { setTimeZone(QTimeZone::utc()); });
    m_otherZone = zones->addAction(tr("Other…"), this, &MainWindow::chooseTimeZone);
    for (QAction *action : {m_localZone, m_utcZone, m_otherZone}) {
        action->setCheckable(true);
        zoneGroup->addAction(action);
    }
    m_localZone->setChecked(true);

    m_viewsMenu = menuBar()->addMenu(tr("&Saved views"));
    connect(m_viewsMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildViewsMenu);
    rebuildViewsMenu(); // so that its actions exist before the first show

    // Esc backs out of a session first, then cancels loading; J / K step through sessions.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &MainWindow::onEscape);
    auto *next = new QShortcut(QKeySequence(Qt::Key_J), this);
    connect(next, &QShortcut::activated, this, [this] {
        if (isSessionOpen())
            m_page->table()->stepSession(1);
    });
    auto *previous = new QShortcut(QKeySequence(Qt::Key_K), this);
    connect(previous, &QShortcut::activated, this, [this] {
        if (isSessionOpen())
            m_page->table()->stepSession(-1);
    });
}

void MainWindow::setSessionPane(QWidget *pane)
{
    QWidget *old = m_paneSlot->widget(0);
    m_paneSlot->insertWidget(0, pane);
    m_paneSlot->setCurrentIndex(0);
    m_paneSlot->removeWidget(old);
    if (old != m_defaultPane)
        old->deleteLater();
}

void MainWindow::setAnalyticsPage(QWidget *page)
{
    if (m_tabs->count() > 1)
        delete m_tabs->widget(1);
    const int index = m_tabs->addTab(page, tr("&Analytics"));
    m_tabs->setTabToolTip(index, tr("Totals, days and comparisons of the characters (Ctrl+2)"));
}

void MainWindow::showSessionsPage()
{
    m_tabs->setCurrentIndex(0);
}

void MainWindow::showAnalyticsPage()
{
    if (m_tabs->count() > 1)
        m_tabs->setCurrentIndex(1);
}

void MainWindow::addPage(QWidget *page, const QString &title, const QString &description)
{
    m_tabs->setTabToolTip(m_tabs->addTab(page, title), description);
}

void MainWindow::showPage(QWidget *page)
{
    m_tabs->setCurrentWidget(page);
}

QWidget *MainWindow::sessionPane() const
{
    return m_paneSlot->widget(0);
}

bool MainWindow::isSessionOpen() const
{
    return !m_paneSlot->isHidden();
}

void MainWindow::openSession(const SessionSummary &session)
{
    showSessionsPage();
    if (sessionPane() == m_defaultPane)
        m_defaultPane->setSession(session);
    showPane();
    Q_EMIT sessionOpened(session);
}

void MainWindow::showSessionError(const QString &message)
{
    showSessionsPage();
    showPane();
    m_page->banner()->showMessage(StatusBanner::Kind::Error, message);
    Q_EMIT sessionFailed(message);
}

void MainWindow::askForSession()
{
    // Not modal on a nested loop: the dialog answers through its signal.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("goToSessionDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Go to session"));
    dialog->setLabelText(tr("Session ID or sessionscope:// link"));
    connect(dialog, &QInputDialog::textValueSelected, this, &MainWindow::goToSession);
    dialog->open();
    // Qt builds the dialog's fields when it is shown: named then, for screen readers.
    if (auto *field = dialog->findChild<QLineEdit *>()) {
        field->setAccessibleName(tr("Session ID or link"));
        field->setAccessibleDescription(
            tr("A session id, or a sessionscope:// link copied from Sessionscope"));
    }
    if (auto *buttons = dialog->findChild<QDialogButtonBox *>()) {
        if (QPushButton *ok = buttons->button(QDialogButtonBox::Ok))
            ok->setAccessibleDescription(tr("Opens the session"));
        if (QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel))
            cancel->setAccessibleDescription(tr("Closes the dialog"));
    }
}

bool MainWindow::goToSession(const QString &idOrLink)
{
    QString error;
    const auto id = SessionLinks::sessionIdFrom(idOrLink, &error);
    if (!id) {
        statusBar()->showMessage(error, 8000);
        return false;
    }
    Q_EMIT sessionRequested(*id);
    return true;
}

void MainWindow::setServer(const QString &description)
{
    m_server->setText(description.isEmpty() ? tr("Not connected")
                                            : tr("Connected to %1").arg(description));
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 15000);
}

QString MainWindow::serverText() const
{
    return m_server->text();
}

int MainWindow::paneWidth() const
{
    const int total = m_splitter->width();
    // Room for the transcript, while the list keeps enough to read its first columns.
    const int wanted = m_paneWidth > 0 ? m_paneWidth : total * 9 / 20;
    return qBound(qMin(360, total / 2), wanted, qMax(total - 360, total / 2));
}

void MainWindow::showPane()
{
    if (!m_paneSlot->isHidden())
        return;
    m_paneSlot->show();
    const int total = m_splitter->width();
    const int pane = paneWidth();
    m_splitter->setSizes({total - pane, pane});
}

void MainWindow::closeSession()
{
    m_paneSlot->hide();
    m_page->table()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::onEscape()
{
    if (isSessionOpen())
        closeSession();
    else
        m_page->cancel();
}

void MainWindow::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    updateZoneMenu();
    m_page->setTimeZone(zone);
    m_defaultPane->setTimeZone(zone);
    Q_EMIT timeZoneChanged(zone);
    statusBar()->showMessage(
        tr("Times shown in %1")
            .arg(zone.isValid() ? QString::fromLatin1(zone.id()) : tr("local time")),
        5000);
}

QString MainWindow::checkedTimeZoneEntry() const
{
    for (QAction *action : {m_localZone, m_utcZone, m_otherZone}) {
        if (action->isChecked())
            return action->text();
    }
    return {};
}

void MainWindow::chooseTimeZone()
{
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        ids.append(QString::fromLatin1(id));
    // The picker starts at the zone in use, or at this machine's, not at the first of the list;
    // typing in it narrows the list.
    const QString current =
        QString::fromLatin1(m_zone.isValid() ? m_zone.id() : QTimeZone::systemTimeZoneId());
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Time zone"), tr("Show times in"), ids,
                                                 qMax(0, ids.indexOf(current)), true, &ok);
    if (ok && QTimeZone::isTimeZoneIdAvailable(chosen.toLatin1()))
        setTimeZone(QTimeZone(chosen.toLatin1()));
    else
        updateZoneMenu(); // cancelled: the check goes back to the zone in use
}

void MainWindow::updateZoneMenu()
{
    const bool utc = m_zone.isValid() && m_zone == QTimeZone::utc();
    m_localZone->setChecked(!m_zone.isValid());
    m_utcZone->setChecked(utc);
    m_otherZone->setChecked(m_zone.isValid() && !utc);
    m_otherZone->setText(m_zone.isValid() && !utc
                             ? tr("Other: %1…").arg(QString::fromLatin1(m_zone.id()))
                             : tr("Other…"));
}

void MainWindow::rebuildViewsMenu()
{
    m_viewsMenu->clear();
    m_viewsMenu->addAction(tr("Save current view…"), this, &MainWindow::saveCurrentView);
    SavedViews views(m_settings);
    const QStringList names = views.names();
    if (!names.isEmpty())
        m_viewsMenu->addSeparator();
    for (const QString &name : names) {
        m_viewsMenu->addAction(name, this, [this, name] {
            const auto view = SavedViews(m_settings).load(name);
            if (!view)
                return;
            m_page->restoreState({{QStringLiteral("filters"), view->filters},
                                  {QStringLiteral("columns"), view->columns}});
            m_page->applyFilters();
        });
    }
    if (!names.isEmpty()) {
        QMenu *remove = m_viewsMenu->addMenu(tr("Delete view"));
        for (const QString &name : names)
            remove->addAction(name, this, [this, name] { SavedViews(m_settings).remove(name); });
    }
}

void MainWindow::saveCurrentView()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save view"), tr("Name"), QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    const QVariantMap state = m_page->saveState();
    SavedViews(m_settings)
        .save(name, {state.value(QStringLiteral("filters")).toMap(),
                     state.value(QStringLiteral("columns")).toByteArray()});
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900); // first run: room for the list and an open session side by side
    m_splitter->restoreState(m_settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_paneWidth = m_settings.value(QStringLiteral("window/paneWidth"), 0).toInt();
    m_page->restoreState(m_settings.value(QStringLiteral("sessions/state")).toMap());
    const QByteArray zone = m_settings.value(QStringLiteral("view/timeZone")).toByteArray();
    setTimeZone(zone.isEmpty() ? QTimeZone() : QTimeZone(zone));
    m_liveAction->setChecked(m_settings.value(QStringLiteral("view/live"), false).toBool());
    m_tabs->setCurrentIndex(m_settings.value(QStringLiteral("window/tab"), 0).toInt());
}

void MainWindow::saveSettings()
{
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    m_settings.setValue(QStringLiteral("window/paneWidth"), m_paneWidth);
    m_settings.setValue(QStringLiteral("sessions/state"), m_page->saveState());
    m_settings.setValue(QStringLiteral("view/timeZone"),
                        m_zone.isValid() ? m_zone.id() : QByteArray());
    m_settings.setValue(QStringLiteral("view/live"), m_liveAction->isChecked());
    m_settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
