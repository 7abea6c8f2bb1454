#include "ui/sessions/statusbanner.h"

#include "ui/palettecolours.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

StatusBanner::StatusBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_action(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("statusBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Progress"));
    m_action->setAccessibleName(tr("Banner action")); // named after its text once shown
    m_action->setAccessibleDescription(tr("Does what the message offers"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_cancel->setAccessibleDescription(tr("Stops loading"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_action);
    layout->addWidget(m_cancel);
    connect(m_action, &QPushButton::clicked, this, &StatusBanner::actionTriggered);
    connect(m_cancel, &QPushButton::clicked, this, &StatusBanner::cancelRequested);
    hide();
}

void StatusBanner::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    m_text->setText(text);
    m_progress->hide();
    m_cancel->hide();
    m_action->setText(actionText);
    if (!actionText.isEmpty())
        m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    // Blue for information and progress, orange for warnings, red for errors; faint on a
    // light palette, deep on a dark one, the text legible on either.
    static constexpr int hues[] = {217, 217, 35, 4};
    PaletteColours::showTinted(this, hues[int(kind)]);
    show();
}

void StatusBanner::showProgress(const QString &text, int done, int total)
{
    showMessage(Kind::Progress, text);
    m_progress->setRange(0, qMax(0, total));
    m_progress->setValue(qBound(0, done, qMax(0, total)));
    m_progress->show();
    m_cancel->show();
}

void StatusBanner::hideBanner()
{
    m_kind = Kind::Info;
    m_text->clear();
    hide();
}

QString StatusBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

QString StatusBanner::actionText() const
{
    return isHidden() || m_action->isHidden() ? QString() : m_action->text();
}
