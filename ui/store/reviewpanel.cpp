#include "ui/store/reviewpanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

ReviewPanel::ReviewPanel(StoreBrowser *browser, QWidget *parent)
    : QWidget(parent)
    , m_browser(browser)
    , m_tagsField(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("Save review"), this))
    , m_status(new QLabel(this))
{
    m_tagsField->setPlaceholderText(tr("tags, comma separated (needs-review, refund, …)"));
    m_note->setPlaceholderText(tr("A note on this session, kept in the store"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);
    m_status->setTextFormat(Qt::PlainText);
    m_tagsField->setAccessibleName(tr("Tags"));
    m_tagsField->setAccessibleDescription(tr("The session's tags, separated by commas"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setAccessibleDescription(tr("A note on this session, kept in the store"));
    m_save->setAccessibleName(tr("Save review"));
    m_save->setAccessibleDescription(tr("Saves the tags and the note in the store"));
    auto *tagsLabel = new QLabel(tr("Tags"), this);
    tagsLabel->setBuddy(m_tagsField);
    auto *noteLabel = new QLabel(tr("Note"), this);
    noteLabel->setBuddy(m_note);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(tagsLabel, 0, 0);
    grid->addWidget(m_tagsField, 0, 1);
    grid->addWidget(m_save, 0, 2);
    grid->addWidget(noteLabel, 1, 0, Qt::AlignTop);
    grid->addWidget(m_note, 1, 1, 1, 2);
    grid->addWidget(m_status, 2, 1, 1, 2);
    setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &ReviewPanel::save);
    connect(m_tagsField, &QLineEdit::returnPressed, this, &ReviewPanel::save);
    connect(browser, &StoreBrowser::reviewSaved, this, [this](const QString &id) {
        if (id != m_sessionId || m_pending == 0)
            return;
        if (--m_pending == 0) {
            m_status->setText(tr("Saved in the store."));
            Q_EMIT saved(id);
        }
    });
    connect(browser, &StoreBrowser::reviewFailed, this, [this](const QString &message) {
        m_pending = 0;
        m_status->setText(tr("Not saved: %1").arg(message));
    });
}

void ReviewPanel::showSession(const StoreSessionDetail &session)
{
    m_sessionId = session.session.sessionId;
    m_tags = session.tags;
    m_savedNote = session.note;
    m_pending = 0;
    m_tagsField->setText(m_tags.join(QStringLiteral(", ")));
    m_note->setPlainText(session.note);
    m_status->clear();
    setEnabled(true);
}

QString ReviewPanel::statusText() const
{
    return m_status->text();
}

QStringList ReviewPanel::parseTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

void ReviewPanel::save()
{
    if (m_sessionId.isEmpty())
        return;
    const QStringList wanted = parseTags(m_tagsField->text());
    QStringList remove;
    QStringList add;
    for (const QString &tag : std::as_const(m_tags)) {
        if (!wanted.contains(tag))
            remove.append(tag);
    }
    for (const QString &tag : wanted) {
        if (!m_tags.contains(tag))
            add.append(tag);
    }
    const QString note = m_note->toPlainText().trimmed();
    const bool noteChanged = note != m_savedNote;
    if (remove.isEmpty() && add.isEmpty() && !noteChanged) {
        m_status->setText(tr("Nothing changed."));
        return;
    }
    replaceTags(remove, add);
    if (noteChanged) {
        ++m_pending;
        m_browser->setNote(m_sessionId, note);
        m_savedNote = note;
    }
}

void ReviewPanel::replaceTags(const QStringList &remove, const QStringList &add)
{
    if (m_sessionId.isEmpty())
        return;
    m_status->setText(tr("Saving…"));
    for (const QString &tag : remove) {
        ++m_pending;
        m_browser->removeTag(m_sessionId, tag);
        m_tags.removeAll(tag);
    }
    for (const QString &tag : add) {
        ++m_pending;
        m_browser->addTag(m_sessionId, tag);
        if (!m_tags.contains(tag))
            m_tags.append(tag);
    }
    m_tagsField->setText(m_tags.join(QStringLiteral(", ")));
}
