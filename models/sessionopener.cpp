#include "models/sessionopener.h"

SessionOpener::SessionOpener(Fetch fetch, QObject *parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
{}

SessionOpener::~SessionOpener() = default;

void SessionOpener::open(const QString &sessionId)
{
    const QString id = sessionId.trimmed();
    m_generation.advance(); // an answer for an earlier id no longer opens anything
    m_inFlight = false;
    if (id.isEmpty()) {
        m_pending.clear();
        Q_EMIT failed(sessionId, tr("No session id was given."));
        return;
    }
    if (!m_ready) {
        m_pending = id;
        return;
    }
    m_pending.clear();
    send(id);
}

void SessionOpener::setReady(bool ready)
{
    m_ready = ready;
    if (ready && !m_pending.isEmpty())
        open(m_pending);
}

void SessionOpener::send(const QString &sessionId)
{
    const quint64 generation = m_generation.current();
    m_inFlight = true;
    m_fetch(sessionId, this, [this, generation, sessionId](Result<SessionSummary> result) {
        if (!m_generation.isCurrent(generation))
            return;
        m_inFlight = false;
        if (result) {
            Q_EMIT opened(result.value());
            return;
        }
        const ApiError &error = result.error();
        if (error.kind == ApiError::Kind::Cancelled)
            return;
        // Without valid credentials the link is not lost: it goes out after the next connection.
        if (error.kind == ApiError::Kind::Unauthorized) {
            m_pending = sessionId;
            m_ready = false;
        }
        Q_EMIT failed(sessionId, describe(sessionId, error));
    });
}

QString SessionOpener::describe(const QString &sessionId, const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::NotFound:
        return tr("There is no session \"%1\" on this server, or it is not one of yours.")
            .arg(sessionId);
    case ApiError::Kind::Unauthorized:
        return tr("Session \"%1\" could not be opened: the server did not accept the credentials "
                  "(%2). It opens once you are connected.")
            .arg(sessionId, error.message);
    default:
        return tr("Session \"%1\" could not be opened: %2").arg(sessionId, error.toDisplayString());
    }
}
