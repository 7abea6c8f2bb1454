#pragma once

#include "api/sessionsummary.h"

#include <QTimeZone>
#include <QWidget>

class QFormLayout;

/// A read-only form of one session's fields: the stand-in details pane until a richer pane
/// (transcript, player) is set on the main window.
class SessionDetailsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailsForm)

public:
    explicit SessionDetailsForm(QWidget *parent = nullptr);
    /// Writes the session shown again with times in `zone` (invalid: local time).
    void setTimeZone(const QTimeZone &zone);
    void setSession(const SessionSummary &session);
    [[nodiscard]] QString sessionId() const { return m_sessionId; }

private:
    QFormLayout *m_form;
    QTimeZone m_zone;
    QString m_sessionId;
    SessionSummary m_session;
};
