#include "ui/transcript/transcriptview.h"

#include "models/transcriptmodel.h"
#include "ui/transcript/transcriptdelegate.h"

#include <QKeyEvent>
#include <QResizeEvent>
#include <QScrollBar>

TranscriptView::TranscriptView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new TranscriptDelegate(this))
{
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setResizeMode(QListView::Adjust);
    // Rows are laid out in batches between events: a 5,000-turn transcript never blocks.
    setLayoutMode(QListView::Batched);
    setBatchSize(200);
    setMouseTracking(true); // tooltips with the turn index
    // Each turn is a cell of the list to a screen reader: speaker, time and text, in order
    // (Qt::AccessibleTextRole of the model); Up and Down move between turns.
    setAccessibleName(tr("Transcript"));
    setAccessibleDescription(tr("The call's turns in order; Up and Down move between turns, "
                                "Enter plays from the current one"));
    verticalScrollBar()->setSingleStep(24);
    connect(this, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT turnActivated(index.row());
    });
    // Only actions of the user (wheel, drag, arrows, page keys on the bar) count as scrolling
    // away; layout changes and scrollTo() move the bar too but say nothing about intent. The
    // action fires before the bar moves, so look where it went on the next event-loop turn.
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        QMetaObject::invokeMethod(this, &TranscriptView::onUserScroll, Qt::QueuedConnection);
    });
}

TranscriptView::~TranscriptView() = default;

void TranscriptView::setTranscriptModel(TranscriptModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_delegate->invalidate(); });
    connect(model, &TranscriptModel::playingRowChanged, this, &TranscriptView::onPlayingRowChanged);
}

void TranscriptView::setFollowPlayback(bool follow)
{
    if (follow == m_follow)
        return;
    m_follow = follow;
    Q_EMIT followPlaybackChanged(follow);
    if (follow && m_model)
        onPlayingRowChanged(m_model->playingRow());
}

void TranscriptView::showRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    scrollTo(m_model->index(row), QAbstractItemView::PositionAtCenter);
}

void TranscriptView::onPlayingRowChanged(int row)
{
    if (m_follow && row >= 0) {
        scrollTo(m_model->index(row), QAbstractItemView::EnsureVisible);
    }
}

void TranscriptView::onUserScroll()
{
    // Scrolling by hand away from the spoken turn means "let me read": stop following.
    if (!m_follow || !m_model || m_model->playingRow() < 0)
        return;
    const QRect rowRect = visualRect(m_model->index(m_model->playingRow()));
    if (!viewport()->rect().intersects(rowRect))
        setFollowPlayback(false);
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    const int width = viewport()->width();
    if (width != m_delegate->viewWidth()) {
        m_delegate->setViewWidth(width);
        scheduleDelayedItemsLayout();
    }
    QListView::resizeEvent(event);
}

void TranscriptView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_delegate->invalidate();
        scheduleDelayedItemsLayout();
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
}

void TranscriptView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && currentIndex().isValid()) {
        Q_EMIT turnActivated(currentIndex().row());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}
