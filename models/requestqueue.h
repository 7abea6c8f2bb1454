#pragma once

#include "reports/requestgeneration.h"

#include <QHash>
#include <QList>

#include <functional>
#include <utility>

class ApiClient;

namespace RequestQueueDetail {
/// ApiClient::cancel, out of line so that this header names the client by declaration only.
void cancel(ApiClient *client, quint64 request);
} // namespace RequestQueueDetail

/// The request bookkeeping every fetcher of keyed requests needs, in one place: at most
/// `maxInFlight` requests open at a time, a queue of the ones still waiting (most wanted first),
/// each key asked at most once while it is queued or in flight, and the generation that makes
/// answers to an older filter stale. What a request asks for and what its answer means stay
/// with the fetcher; the queue only decides when a request is sent and whether its answer still
/// counts.
///
/// Protocol: `send(key, generation)` asks the client and returns its request id; the client's
/// callback hands the answer to finish(generation, key) first and drops it when that returns
/// false. This relies on ApiClient never calling back before its fetch call returns, so the id
/// is tracked before the answer can untrack it.
template<typename Key> class RequestQueue final
{
public:
    using Send = std::function<quint64(const Key &key, quint64 generation)>;

    RequestQueue(ApiClient *client, int maxInFlight, Send send)
        : m_client(client)
        , m_maxInFlight(qMax(1, maxInFlight))
        , m_send(std::move(send))
    {}
    Q_DISABLE_COPY_MOVE(RequestQueue)
    ~RequestQueue() = default;

    void setMaxInFlight(int requests) { m_maxInFlight = qMax(1, requests); }
    [[nodiscard]] int maxInFlight() const { return m_maxInFlight; }
    [[nodiscard]] quint64 generation() const { return m_generation.current(); }
    [[nodiscard]] bool isCurrent(quint64 generation) const
    {
        return m_generation.isCurrent(generation);
    }

    /// Begins a new generation: forgets the queue and cancels every request in flight. The
    /// generation moves first, so the cancelled requests' answers (which arrive synchronously)
    /// are already stale when they reach finish().
    quint64 reset()
    {
        m_generation.advance();
        m_queue.clear();
        const auto requests = std::exchange(m_inFlight, {});
        for (const quint64 id : requests)
            RequestQueueDetail::cancel(m_client, id);
        return m_generation.current();
    }

    /// Ends every request of the current generation without starting a new one: the queue is
    /// forgotten and each request in flight answers once, as cancelled, through finish().
    void cancel()
    {
        m_queue.clear();
        const auto requests = m_inFlight.values();
        for (const quint64 id : requests)
            RequestQueueDetail::cancel(m_client, id);
    }

    /// Replaces the queue with `keys`, most wanted first, and sends what the limit allows. Keys
    /// in flight are not sent again; keys dropped from the queue were never sent.
    void replace(const QList<Key> &keys)
    {
        m_queue.clear();
        append(keys);
    }

    /// Adds `keys` behind the queue and sends what the limit allows; a key already queued or in
    /// flight is not asked twice.
    void append(const QList<Key> &keys)
    {
        for (const Key &key : keys) {
            if (!m_inFlight.contains(key) && !m_queue.contains(key))
                m_queue.append(key);
        }
        pump();
    }

    /// To be called with every answer before it is used. False: the answer belongs to an older
    /// generation and must be dropped (reset() already forgot its request). True: the request
    /// has ended and no longer counts against the limit; call pump() once the answer is used.
    [[nodiscard]] bool finish(quint64 generation, const Key &key)
    {
        if (!m_generation.isCurrent(generation))
            return false;
        m_inFlight.remove(key);
        return true;
    }

    /// Sends queued requests, most wanted first, while fewer than the limit are in flight.
    void pump()
    {
        while (int(m_inFlight.size()) < m_maxInFlight && !m_queue.isEmpty()) {
            const Key key = m_queue.takeFirst();
            ++m_requestCount;
            m_inFlight.insert(key, m_send(key, m_generation.current()));
        }
    }

    [[nodiscard]] bool isInFlight(const Key &key) const { return m_inFlight.contains(key); }
    [[nodiscard]] bool isQueued(const Key &key) const { return m_queue.contains(key); }
    [[nodiscard]] int inFlightCount() const { return int(m_inFlight.size()); }
    [[nodiscard]] int queuedCount() const { return int(m_queue.size()); }
    /// Nothing queued and nothing in flight.
    [[nodiscard]] bool isIdle() const { return m_inFlight.isEmpty() && m_queue.isEmpty(); }
    /// Requests sent since construction.
    [[nodiscard]] quint64 requestCount() const { return m_requestCount; }

private:
    ApiClient *m_client;
    int m_maxInFlight;
    Send m_send;
    RequestGeneration m_generation;
    QList<Key> m_queue;             ///< not yet sent, most wanted first
    QHash<Key, quint64> m_inFlight; ///< key -> the client's request id
    quint64 m_requestCount = 0;
};
