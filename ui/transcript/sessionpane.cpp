#include "ui/transcript/sessionpane.h"

#include "models/playbackcontroller.h"
#include "models/transcriptmodel.h"
#include "ui/player/playerwidget.h"
#include "ui/transcript/sessionheader.h"
#include "ui/transcript/transcriptfindbar.h"
#include "ui/transcript/transcriptview.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
/// `part` and the widgets in it that take the focus, in their tab order.
QList<QWidget *> focusableIn(QWidget *part)
{
    QList<QWidget *> out;
    if (part->focusPolicy() != Qt::NoFocus)
        out.append(part);
    for (QWidget *w = part->nextInFocusChain(); w != part; w = w->nextInFocusChain()) {
        if (part->isAncestorOf(w) && w->focusPolicy() != Qt::NoFocus)
            out.append(w);
    }
    return out;
}

/// The last widget of `part` that takes the focus, or `part`.
QWidget *lastFocusable(QWidget *part)
{
    const QList<QWidget *> focusable = focusableIn(part);
    return focusable.isEmpty() ? part : focusable.last();
}

/// Moves the focusable widgets of `part` to right after `after` in the tab order; returns
/// the last one moved. QWidget::setTabOrder ignores widgets without focus, so containers
/// are moved widget by widget.
QWidget *moveInTabOrder(QWidget *after, QWidget *part)
{
    for (QWidget *w : focusableIn(part)) {
        QWidget::setTabOrder(after, w);
        after = w;
    }
    return after;
}
} // namespace

SessionPane::SessionPane(PlaybackController *controller, QWidget *parent)
    : QWidget(parent)
    , m_model(new TranscriptModel(this))
    , m_controller(controller)
    , m_header(new SessionHeader(this))
    , m_view(new TranscriptView(this))
    , m_findBar(new TranscriptFindBar(m_model, this))
    , m_player(new PlayerWidget(m_controller, this))
    , m_follow(new QToolButton(this))
    , m_message(new QLabel(this))
{
    m_controller->setParent(this);
    // The backend goes with the controller, after it: the controller talks to it while it
    // shuts down.
    if (!m_controller->backend()->parent())
        m_controller->backend()->setParent(m_controller);
    m_view->setTranscriptModel(m_model);
    m_findBar->hide();
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_headerScroll = new QScrollArea(this);
    m_headerScroll->setWidget(m_header);
    m_headerScroll->setWidgetResizable(true);
    m_headerScroll->setFrameShape(QFrame::NoFrame);
    auto *transcript = new QWidget(this);
    auto *transcriptLayout = new QVBoxLayout(transcript);
    transcriptLayout->setContentsMargins(0, 0, 0, 0);
    auto *toolbar = new QHBoxLayout;
    transcriptLayout->addLayout(toolbar);
    transcriptLayout->addWidget(m_findBar);
    transcriptLayout->addWidget(m_message);
    transcriptLayout->addWidget(m_view, 1);
    transcriptLayout->addWidget(m_player);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_headerScroll);
    splitter->addWidget(transcript);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    auto *find = new QToolButton(this);
    find->setText(tr("Find"));
    find->setToolTip(tr("Find in transcript (Ctrl+F)"));
    connect(find, &QToolButton::clicked, m_findBar, &TranscriptFindBar::activate);
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the transcript as text"));
    connect(copy, &QToolButton::clicked, this, &SessionPane::copyTranscript);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAccessibleName(tr("Export"));
    exportButton->setAccessibleDescription(
        tr("Saves the transcript as text, Markdown or JSON, or the whole session as a bundle"));
    find->setAccessibleName(tr("Find"));
    find->setAccessibleDescription(tr("Finds text in the transcript (Ctrl+F)"));
    copy->setAccessibleName(tr("Copy"));
    copy->setAccessibleDescription(tr("Copies the transcript as text"));
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Transcript as text…"), this,
                    [this] { exportWithDialog(TranscriptExport::Format::Text); });
    menu->addAction(tr("Transcript as Markdown…"), this,
                    [this] { exportWithDialog(TranscriptExport::Format::Markdown); });
    menu->addAction(tr("Transcript as JSON…"), this,
                    [this] { exportWithDialog(TranscriptExport::Format::Json); });
    menu->addSeparator();
    menu->addAction(tr("Session bundle…"), this, &SessionPane::exportBundleWithDialog);
    exportButton->setMenu(menu);
    m_follow->setText(tr("Follow playback"));
    m_follow->setCheckable(true);
    m_follow->setAccessibleName(tr("Follow playback"));
    m_follow->setAccessibleDescription(
        tr("Keeps the spoken turn in view; scrolling away turns it off"));
    m_follow->setChecked(true);
    connect(m_follow, &QToolButton::toggled, m_view, &TranscriptView::setFollowPlayback);
    connect(m_view, &TranscriptView::followPlaybackChanged, m_follow, &QToolButton::setChecked);
    toolbar->addWidget(find);
    toolbar->addWidget(copy);
    toolbar->addWidget(exportButton);
    toolbar->addStretch(1);
    toolbar->addWidget(m_follow);
    // Tab reads the pane as it is laid out: the header, the transcript's buttons, the find
    // bar, the transcript, then the player. The buttons are made last, so they are moved up.
    QWidget *last = lastFocusable(m_header);
    for (QWidget *part : {static_cast<QWidget *>(find), static_cast<QWidget *>(copy),
                          static_cast<QWidget *>(exportButton), static_cast<QWidget *>(m_follow),
                          static_cast<QWidget *>(m_findBar), static_cast<QWidget *>(m_view),
                          static_cast<QWidget *>(m_player)})
        last = moveInTabOrder(last, part);

    connect(m_controller, &PlaybackController::positionChanged, m_model,
            &TranscriptModel::setPlaybackPosition);
    connect(m_view, &TranscriptView::turnActivated, this, [this](int row) {
        m_controller->seek(qint64(m_model->turn(row).ts * 1000));
        m_view->setFollowPlayback(true);
    });
    connect(m_findBar, &TranscriptFindBar::showRowRequested, m_view, &TranscriptView::showRow);
    connect(m_controller, &PlaybackController::sessionRefreshed, this,
            [this](const SessionSummary &fresh) {
                m_session = fresh;
                m_header->showSession(fresh);
            });
    buildActions();
}

SessionPane::~SessionPane()
{
    // The controller talks to the backend while it shuts down: let it go first.
    delete m_player;
    delete m_controller;
}

void SessionPane::buildActions()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence::Find, [this] { m_findBar->activate(); });
    add(QKeySequence(Qt::Key_Space), [this] { togglePlayPause(); });
    add(QKeySequence(Qt::Key_Left), [this] { m_controller->skip(-PlaybackController::SkipMs); });
    add(QKeySequence(Qt::Key_Right), [this] { m_controller->skip(PlaybackController::SkipMs); });
    add(QKeySequence::FindNext, [this] { m_findBar->findNext(); });
    add(QKeySequence::FindPrevious, [this] { m_findBar->findPrevious(); });
}

void SessionPane::togglePlayPause()
{
    m_controller->togglePlayPause();
}

void SessionPane::showSession(const SessionSummary &session)
{
    const bool same = session.sessionId == m_session.sessionId && !session.sessionId.isEmpty();
    const bool recordingBecameReady = same && m_session.recordingStatus != RecordingStatus::Ready &&
                                      session.recordingStatus == RecordingStatus::Ready;
    m_session = session;
    m_header->showSession(session);
    m_headerScroll->show();
    // J and K step through sessions: each one is read from its top.
    m_headerScroll->verticalScrollBar()->setValue(0);
    m_message->hide();
    if (!same || Transcript(m_model->turns()) != session.transcript) {
        m_model->setTurns(session.transcript.toList());
        m_player->setTurnMarks(m_model->turns());
    }
    if (!same || recordingBecameReady)
        m_controller->setSession(session);
    if (!same)
        m_view->scrollToTop();
}

void SessionPane::setTimeZone(const QTimeZone &zone)
{
    m_header->setTimeZone(zone);
}

void SessionPane::showError(const QString &message)
{
    // Nothing of the session shown before may pass for the one that failed to open.
    clear();
    m_headerScroll->hide();
    showMessage(message);
}

QString SessionPane::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SessionPane::clear()
{
    m_session = {};
    m_model->clear();
    m_controller->clear();
    m_player->setTurnMarks({});
}

void SessionPane::copyTranscript() const
{
    QApplication::clipboard()->setText(m_model->toPlainText());
}

bool SessionPane::exportTranscript(const QString &path, TranscriptExport::Format format,
                                   QString *error) const
{
    return TranscriptExport::writeFile(
        path, TranscriptExport::render(m_session, m_model->turns(), format), error);
}

QString SessionPane::exportBundle(const QString &parentDir, QString *error) const
{
    return TranscriptExport::writeBundle(parentDir, m_session, m_model->turns(),
                                         m_controller->recordingBytes(),
                                         m_controller->recordingSuffix(), error);
}

void SessionPane::exportWithDialog(TranscriptExport::Format format)
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              u'/' + m_session.sessionId + u'.' + TranscriptExport::suffix(format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export transcript"), suggested);
    QString error;
    if (!path.isEmpty() && !exportTranscript(path, format, &error))
        showMessage(error);
}

void SessionPane::exportBundleWithDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export session bundle into"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (dir.isEmpty())
        return;
    QString error;
    const QString written = exportBundle(dir, &error);
    if (written.isEmpty())
        showMessage(error);
    else if (m_controller->recordingBytes().isEmpty())
        showMessage(tr("Bundle written to %1, without the recording (not loaded).").arg(written));
    else
        showMessage(tr("Bundle written to %1.").arg(written));
}

void SessionPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}
