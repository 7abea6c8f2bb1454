#include "ui/transcript/transcriptfindbar.h"

#include "models/transcriptmodel.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

TranscriptFindBar::TranscriptFindBar(TranscriptModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_edit(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    m_edit->setPlaceholderText(tr("Find in transcript"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (Enter)"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close (Esc)"));
    m_edit->setAccessibleName(tr("Find in transcript"));
    m_edit->setAccessibleDescription(tr("Text to find in the turns; Enter goes to the next match"));
    m_count->setAccessibleName(tr("Matches"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_previous->setAccessibleDescription(tr("Goes to the previous match (Shift+Enter)"));
    m_next->setAccessibleName(tr("Next match"));
    m_next->setAccessibleDescription(tr("Goes to the next match (Enter)"));
    m_close->setAccessibleName(tr("Close find"));
    m_close->setAccessibleDescription(tr("Closes the find bar (Esc)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);

    connect(m_edit, &QLineEdit::textChanged, this, &TranscriptFindBar::onTextChanged);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        QGuiApplication::keyboardModifiers() & Qt::ShiftModifier ? findPrevious() : findNext();
    });
    connect(m_next, &QToolButton::clicked, this, &TranscriptFindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &TranscriptFindBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, &TranscriptFindBar::close);
    connect(m_model, &TranscriptModel::searchChanged, this, &TranscriptFindBar::updateCount);
    // A new session resets the search in the model; show the old text's matches there too.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (isVisible() && !m_edit->text().isEmpty())
            m_model->setSearchText(m_edit->text());
    });
    updateCount();
}

void TranscriptFindBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TranscriptFindBar::onTextChanged(const QString &text)
{
    m_model->setSearchText(text, std::max(0, m_model->playingRow()));
    const int current = m_model->search().current();
    if (current >= 0)
        Q_EMIT showRowRequested(m_model->search().match(current).row);
}

void TranscriptFindBar::findNext()
{
    const int row = m_model->nextMatch();
    if (row >= 0)
        Q_EMIT showRowRequested(row);
}

void TranscriptFindBar::findPrevious()
{
    const int row = m_model->previousMatch();
    if (row >= 0)
        Q_EMIT showRowRequested(row);
}

QString TranscriptFindBar::countText() const
{
    return m_count->text();
}

void TranscriptFindBar::updateCount()
{
    const TranscriptSearch &s = m_model->search();
    if (s.needle().isEmpty())
        m_count->clear();
    else if (s.count() == 0)
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %2").arg(s.current() + 1).arg(s.count()));
    m_previous->setEnabled(s.count() > 0);
    m_next->setEnabled(s.count() > 0);
}

void TranscriptFindBar::close()
{
    m_model->setSearchText({});
    hide();
}

bool TranscriptFindBar::eventFilter(QObject *watched, QEvent *event)
{
    // Esc while typing closes this bar, not whatever the window binds Esc to: claiming the key
    // before shortcuts are matched sends it here as an ordinary key press.
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TranscriptFindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}
