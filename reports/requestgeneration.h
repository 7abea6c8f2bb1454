#pragma once

#include <QtGlobal>

/// The generation number every fetcher keeps against stale replies, in one place: a new filter,
/// refresh or cancel advances it, every request carries the value it was sent in, and an answer
/// is used only while that value is still current. Cancelling a request is not enough on its
/// own: its reply may already be queued.
class RequestGeneration
{
public:
    /// Starts a new generation; answers of every older one are stale from now on.
    quint64 advance() { return ++m_value; }
    [[nodiscard]] quint64 current() const { return m_value; }
    [[nodiscard]] bool isCurrent(quint64 generation) const { return generation == m_value; }

private:
    quint64 m_value = 0;
};
