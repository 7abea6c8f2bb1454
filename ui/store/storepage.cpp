#include "ui/store/storepage.h"
#include "models/playbackcontroller.h"
#include "models/storesearchmodel.h"
#include "models/transcriptmodel.h"
#include "ui/sessions/sessioncelldelegate.h"
#include "ui/sessions/totalsbar.h"
#include "ui/store/reviewpanel.h"
#include "ui/store/storefilterbar.h"
#include "ui/store/storesearchpanel.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptview.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

StorePage::StorePage(StoreBrowser *browser, QWidget *parent)
    : QWidget(parent)
    , m_browser(browser)
    , m_search(new StoreSearchPanel(new StoreSearchModel(browser, this), this))
    , m_filters(new StoreFilterBar(this))
    , m_totals(new TotalsBar(this))
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_panels(new QWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_side(new QWidget(this))
    , m_review(new ReviewPanel(browser, m_side))
{
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_table->setModel(browser->model());
    // One line per cell, drawn once: see SessionCellDelegate.
    m_table->setItemDelegate(new SessionCellDelegate(m_table));
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Rows of one height let the view ask only for the rows on screen.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSortIndicator(SessionColumns::Created, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false); // as the live list: alternating rows, no grid
    m_table->setAccessibleName(tr("Stored sessions"));
    m_table->setAccessibleDescription(
        tr("The sessions in the local store, one per row; Enter opens the current one"));
    auto *panels = new QVBoxLayout(m_panels);
    panels->setContentsMargins(0, 0, 0, 0);

    auto *list = new QWidget(this);
    auto *layout = new QVBoxLayout(list);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_search);
    layout->addWidget(m_panels);
    layout->addWidget(m_filters);
    layout->addWidget(m_totals);
    layout->addWidget(m_table, 1);
    auto *queue = new QPushButton(tr("Review &queue"), this);
    queue->setToolTip(tr("The sessions tagged needs-review: N opens the next, R marks the open "
                         "one reviewed"));
    connect(queue, &QPushButton::clicked, this, &StorePage::startReviewQueue);
    layout->insertWidget(0, queue, 0, Qt::AlignRight);
    m_splitter->addWidget(list);
    m_splitter->setStretchFactor(0, 3);
    auto *side = new QVBoxLayout(m_side);
    side->setContentsMargins(0, 0, 0, 0);
    side->addWidget(m_review);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(1, 2);
    m_side->hide();
    // Single keys, for working through a queue: a text field keeps its letters (it takes
    // them before any shortcut), so typing a note or a tag never triggers them.
    auto *next = new QShortcut(QKeySequence(Qt::Key_N), this, this, &StorePage::openNext);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    auto *reviewed = new QShortcut(QKeySequence(Qt::Key_R), this, this, &StorePage::markReviewed);
    reviewed->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_review, &ReviewPanel::saved, this, &StorePage::onReviewSaved);
    connect(browser->model(), &StoreSessionTableModel::windowLoaded, this,
            [this](int first, int last) {
                if (m_rowToOpen >= first && m_rowToOpen <= last)
                    openRowOfTable(m_rowToOpen);
            });
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_splitter);
    showMessage(tr("No store is open: File ▸ Open store… opens one (sessionscope sync fills "
                   "one)."));

    connect(m_filters, &StoreFilterBar::applyRequested, this, &StorePage::applyFilters);
    connect(m_table, &QTableView::activated, this, &StorePage::openCurrent);
    connect(m_search, &StoreSearchPanel::hitOpened, browser, &StoreBrowser::openSession);
    connect(browser, &StoreBrowser::opened, this, &StorePage::onOpened);
    connect(browser, &StoreBrowser::sessionLoaded, this, &StorePage::onSessionLoaded);
    connect(browser, &StoreBrowser::sessionFailed, this,
            [this](const QString &, const QString &message) { showMessage(message); });
    StoreSessionTableModel *model = browser->model();
    connect(model, &StoreSessionTableModel::statusChanged, this, &StorePage::onStatus);
    connect(model, &StoreSessionTableModel::totalsChanged, m_totals, &TotalsBar::setTotals);
}

void StorePage::setSessionPane(SessionPane *pane)
{
    delete m_pane;
    m_pane = pane;
    static_cast<QVBoxLayout *>(m_side->layout())->insertWidget(0, pane, 1);
    pane->controller()->setOffline(!m_online);
}

void StorePage::setOnline(bool online)
{
    m_online = online;
    if (m_pane)
        m_pane->controller()->setOffline(!online);
}

void StorePage::setTimeZone(const QTimeZone &zone)
{
    m_browser->model()->setTimeZone(zone);
    if (m_pane)
        m_pane->setTimeZone(zone);
}

void StorePage::addPanel(QWidget *panel)
{
    m_panels->layout()->addWidget(panel);
}

QString StorePage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool StorePage::isSessionOpen() const
{
    return m_pane && !m_side->isHidden();
}

void StorePage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void StorePage::applyFilters()
{
    QString error;
    const StoreSessionFilter filter = m_filters->filter(&error);
    if (!error.isEmpty()) {
        showMessage(error);
        return;
    }
    if (!m_browser->isOpen())
        return;
    m_totals->setUnknown();
    m_browser->model()->setFilter(filter);
}

void StorePage::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    openRowOfTable(current.isValid() ? current.row() : 0);
}

void StorePage::openRowOfTable(int row)
{
    StoreSessionTableModel *model = m_browser->model();
    if (row < 0 || row >= model->rowCount())
        return;
    const SessionSummary *s = model->session(row);
    if (!s) {
        m_rowToOpen = row; // when its window arrives
        model->data(model->index(row, 0));
        return;
    }
    m_rowToOpen = -1;
    m_openRow = row;
    m_table->setCurrentIndex(model->index(row, 0));
    m_browser->openSession(s->sessionId);
}

void StorePage::closeSession()
{
    m_side->hide();
    m_table->setFocus(Qt::OtherFocusReason);
}

void StorePage::startReviewQueue()
{
    m_filters->clear();
    m_filters->tagField()->setText(NeedsReview);
    m_rowToOpen = 0;
    applyFilters();
}

void StorePage::openNext()
{
    if (m_openRow + 1 < m_browser->model()->rowCount())
        openRowOfTable(m_openRow + 1);
    else
        showMessage(tr("No session after this one in the list."));
}

void StorePage::markReviewed()
{
    if (!isSessionOpen() || m_review->sessionId().isEmpty())
        return;
    m_review->replaceTags({NeedsReview}, {Reviewed});
}

void StorePage::onReviewSaved()
{
    // A list filtered by tag may have lost the session: read it again, and open what now
    // stands where it stood (the next one of a review queue).
    if (m_browser->model()->filter().tag.isEmpty())
        return;
    m_rowToOpen = qMax(0, m_openRow);
    m_browser->model()->refresh();
}

void StorePage::onOpened(bool ok, const QString &message)
{
    if (!ok) {
        showMessage(tr("The store could not be opened: %1").arg(message));
        return;
    }
    showMessage(tr("Store: %1").arg(m_browser->displayName()));
    m_totals->setUnknown();
    applyFilters();
}

void StorePage::onStatus()
{
    StoreSessionTableModel *model = m_browser->model();
    if (model->status() == StoreSessionTableModel::Status::Ready && m_rowToOpen >= 0) {
        if (model->rowCount() == 0) {
            m_rowToOpen = -1;
            if (model->filter().tag == NeedsReview)
                showMessage(tr("The review queue is empty: no session is tagged needs-review."));
            return;
        }
        openRowOfTable(qMin(m_rowToOpen, model->rowCount() - 1));
    }
    if (model->status() == StoreSessionTableModel::Status::Failed)
        showMessage(tr("The store could not be read: %1").arg(model->lastError()));
    else if (model->status() == StoreSessionTableModel::Status::Ready && model->rowCount() == 0)
        showMessage(tr("Store: %1. No stored session matches these filters.")
                        .arg(m_browser->displayName()));
    else if (model->status() == StoreSessionTableModel::Status::Ready)
        showMessage(tr("Store: %1").arg(m_browser->displayName()));
}

void StorePage::onSessionLoaded(const StoreSessionDetail &stored, double cueSeconds)
{
    if (!m_pane)
        return;
    m_side->show();
    m_pane->showSession(stored.session);
    m_review->showSession(stored);
    if (cueSeconds >= 0) {
        // A search hit: the recording waits at its moment, and its turn is brought on screen
        // once the pane, shown just now, has its size (a hidden view cannot scroll).
        m_pane->controller()->seek(qint64(cueSeconds * 1000));
        const int row = m_pane->model()->rowAtTime(cueSeconds);
        const QString id = stored.session.sessionId;
        QTimer::singleShot(0, m_pane, [pane = m_pane, row, id] {
            if (pane->session().sessionId == id)
                pane->view()->showRow(row);
        });
    }
    Q_EMIT sessionShown(stored);
}
