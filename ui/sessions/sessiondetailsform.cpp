#include "ui/sessions/sessiondetailsform.h"
#include "models/sessioncolumns.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>

SessionDetailsForm::SessionDetailsForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("sessionDetailsForm"));
}

void SessionDetailsForm::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_session.sessionId.isEmpty())
        setSession(m_session);
}

void SessionDetailsForm::setSession(const SessionSummary &s)
{
    m_session = s;
    m_sessionId = s.sessionId;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    const auto add = [this](const QString &name, const QString &value) {
        auto *label = new QLabel(value, this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        m_form->addRow(name, label);
    };
    add(tr("Session"), s.sessionId);
    add(tr("Created"), SessionColumns::formatCreated(s.createdAt, m_zone));
    add(tr("Finalized"),
        s.inProgress() ? tr("in progress") : SessionColumns::formatCreated(s.finalizedAt, m_zone));
    add(tr("Character"), s.characterSlug);
    add(tr("Tenant"), s.tenantId);
    add(tr("User"), s.user ? QString::number(*s.user) : tr("anonymous"));
    add(tr("Room"), s.roomName);
    add(tr("Origin"), s.originUrl);
    for (const int column :
         {SessionColumns::Duration, SessionColumns::Turns, SessionColumns::Interruptions,
          SessionColumns::LlmInputTokens, SessionColumns::LlmOutputTokens, SessionColumns::LlmModel,
          SessionColumns::SttSeconds, SessionColumns::TtsCharacters, SessionColumns::Recording})
        add(SessionColumns::title(column), SessionColumns::displayText(s, column, {}));
    add(tr("Providers"),
        QStringLiteral("%1 / %2 / %3").arg(s.llmProvider, s.sttProvider, s.ttsProvider));
    add(tr("Cost"), QStringLiteral("$") + s.estimatedCost.toDecimalString());
    add(tr("Metadata"), QString::fromUtf8(s.metadataJson));
    auto *transcript = new QPlainTextEdit(s.transcriptText(), this);
    transcript->setReadOnly(true);
    transcript->setTabChangesFocus(true); // Tab leaves the field: no keyboard trap
    transcript->setAccessibleDescription(tr("The call's transcript as text, one turn a line"));
    m_form->addRow(tr("Transcript"), transcript);
}
