#include "ui/sessions/sessiontableview.h"
#include "models/sessiontablemodel.h"
#include "reports/sessionlink.h"
#include "ui/sessions/sessioncelldelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScopedValueRollback>
#include <QScrollBar>

SessionTableView::SessionTableView(QWidget *parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("sessionTable"));
    setAccessibleName(tr("Sessions"));
    setAccessibleDescription(tr("One call per row, newest first; Enter opens the current "
                                "session, Space plays it, J and K step through sessions"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Rows are told apart by their alternating colours; no grid, which was a quarter of the
    // table's paint.
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    // One line per cell, drawn once: the table's first paint and each sort's are what a user
    // waits for.
    setItemDelegate(new SessionCellDelegate(this));
    verticalHeader()->hide();
    // Fixed row heights keep scrolling through 100,000 rows cheap.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    horizontalHeader()->setSortIndicatorShown(true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    m_viewportTimer.setSingleShot(true);
    m_viewportTimer.setInterval(0);
    connect(&m_viewportTimer, &QTimer::timeout, this, &SessionTableView::reportViewport);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &SessionTableView::showHeaderMenu);
    connect(this, &QTableView::customContextMenuRequested, this,
            &SessionTableView::showContextMenu);
    // A width the user drags is theirs: the columns are no longer fitted to what they show.
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting && (QGuiApplication::mouseButtons() & Qt::LeftButton))
            m_userSized = true;
    });
    connect(this, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });
}

void SessionTableView::setSessionModel(SessionTableModel *model)
{
    m_model = model;
    setModel(model);
    const auto later = [this] {
        m_viewportTimer.start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &QAbstractItemModel::layoutChanged, this, later);
    // Each new list is fitted once its first page (the rows a user sees first) is in.
    connect(model, &SessionTableModel::pageLoaded, this, [this](int page) {
        if (page == 1)
            fitColumnsToContents();
    });
    // The model decides what sorting means (it may first load every row's keys).
    connect(model, &SessionTableModel::sortApplied, this, [this](int column, Qt::SortOrder order) {
        const QSignalBlocker block(horizontalHeader());
        horizontalHeader()->setSortIndicator(column, order);
    });
    horizontalHeader()->setSortIndicator(SessionColumns::Created, Qt::DescendingOrder);
    setSortingEnabled(true);
    m_viewportTimer.start();
}

void SessionTableView::reportViewport()
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const int first = qMax(0, rowAt(0));
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->setViewport(first, last);
}

void SessionTableView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    if (dy != 0)
        m_viewportTimer.start();
}

void SessionTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    m_viewportTimer.start();
}

QList<int> SessionTableView::selectedRowNumbers() const
{
    QList<int> rows;
    if (!selectionModel())
        return rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> SessionTableView::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

RowsCopy::Result SessionTableView::copySelection(RowsCopy::Format format)
{
    RowsCopy::Result result;
    if (!m_model)
        return result;
    result = RowsCopy::copyRows(*m_model, selectedRowNumbers(), visibleColumns(), format);
    if (result.copied > 0)
        QApplication::clipboard()->setText(result.text);
    Q_EMIT copied(result);
    return result;
}

QString SessionTableView::copyLinkToCurrent()
{
    const SessionSummary *session = m_model ? m_model->session(currentIndex().row()) : nullptr;
    if (!session)
        return {};
    const QString link =
        SessionLinks::toUrl(session->sessionId, m_linkServer).toString(QUrl::FullyEncoded);
    QApplication::clipboard()->setText(link);
    return link;
}

void SessionTableView::fitColumnsToContents()
{
    if (!m_model || m_userSized)
        return;
    // Wide enough for the header and for what the rows on screen show (times, slugs, model
    // names), within a bound so that one long value does not push the rest out of sight.
    const int bound = qMax(fontMetrics().averageCharWidth() * 40, 200);
    const QScopedValueRollback<bool> fitting(m_fitting, true);
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const int wanted = qMax(header->sectionSizeHint(column), sizeHintForColumn(column));
        header->resizeSection(column, qMin(wanted, bound));
    }
}

void SessionTableView::setUserSizedColumns(bool userSized)
{
    m_userSized = userSized;
}

void SessionTableView::activateRow(int row)
{
    if (m_model && m_model->isRowLoaded(row))
        Q_EMIT sessionActivated(row);
}

void SessionTableView::stepSession(int delta)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const int row = qBound(0, currentIndex().row() + delta, m_model->rowCount() - 1);
    const QModelIndex index = m_model->index(row, qMax(0, currentIndex().column()));
    setCurrentIndex(index);
    scrollTo(index);
    activateRow(row);
}

void SessionTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier && m_spaceTaken &&
        m_spaceTaken()) {
        Q_EMIT spacePressed();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copySelection(RowsCopy::Format::Tsv);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid()) {
        activateRow(currentIndex().row());
        return;
    }
    QTableView::keyPressEvent(event);
}

void SessionTableView::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        QAction *action = menu.addAction(SessionColumns::title(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool shown) {
            // The last visible column stays: a table without columns cannot be brought back.
            if (!shown && visibleColumns().size() <= 1)
                return;
            header->setSectionHidden(column, !shown);
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void SessionTableView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Open session"), this, [this] { activateRow(currentIndex().row()); });
    menu.addAction(tr("Copy link to session"), this, &SessionTableView::copyLinkToCurrent);
    menu.addSeparator();
    QAction *tsv =
        menu.addAction(tr("Copy as TSV"), this, [this] { copySelection(RowsCopy::Format::Tsv); });
    tsv->setShortcut(QKeySequence::Copy);
    menu.addAction(tr("Copy as CSV"), this, [this] { copySelection(RowsCopy::Format::Csv); });
    menu.exec(viewport()->mapToGlobal(pos));
}

void SessionTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
}
