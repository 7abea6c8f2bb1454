#pragma once

#include "api/apierror.h"
#include "api/sessionsummary.h"
#include "reports/requestgeneration.h"

#include <QObject>

#include <functional>

/// Opens one session by its id, as a pasted link (`--session ID`) or a click in Analytics asks:
/// fetches it and hands it over, or says in a sentence why it could not. The fetch is a function
/// so that this controller never sees the network client (and tests pass any fetch they like).
///
/// A request made before the connection is ready waits for it: at start-up the link is read
/// before any credential is set. It goes out on setReady(true), and again after the next
/// connection if it failed for want of credentials. A newer request supersedes an older one.
class SessionOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionOpener)

public:
    using Done = std::function<void(Result<SessionSummary>)>;
    /// Fetches one session; `done` runs once, on `context`'s thread, unless `context` is gone.
    using Fetch = std::function<void(const QString &sessionId, QObject *context, Done done)>;

    explicit SessionOpener(Fetch fetch, QObject *parent = nullptr);
    ~SessionOpener() override;

    /// Opens `sessionId` now if the connection is ready, otherwise once it is.
    void open(const QString &sessionId);
    /// The connection can (true) or cannot yet (false) take requests.
    void setReady(bool ready);
    [[nodiscard]] bool isReady() const { return m_ready; }
    /// The id waiting for the connection; empty when none.
    [[nodiscard]] QString pendingId() const { return m_pending; }
    [[nodiscard]] bool isBusy() const { return m_inFlight; }

    /// The sentence shown when `sessionId` could not be opened because of `error`.
    [[nodiscard]] static QString describe(const QString &sessionId, const ApiError &error);

Q_SIGNALS:
    void opened(const SessionSummary &session);
    void failed(const QString &sessionId, const QString &message);

private:
    void send(const QString &sessionId);

    Fetch m_fetch;
    QString m_pending;
    RequestGeneration m_generation;
    bool m_ready = false;
    bool m_inFlight = false;
};
