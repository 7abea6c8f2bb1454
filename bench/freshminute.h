#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QThread>

#include <functional>

namespace Bench {

/// Keeps timed runs inside one minute of the demo server's page cache.
///
/// The demo server signs recording URLs per minute of the wall clock, and a rendered page stays
/// in its cache only as long: the first request for a page in a new minute renders it again
/// (some 10 ms of server CPU a page: 1 s for 20,000 sessions, 5 s for 100,000). A run that
/// straddled the turn of a minute would pay for that, and one that did not would not. So a run
/// that might not end before the minute turns waits for the turn and has every page rendered
/// (`warm`) before it starts. Runs longer than most of a minute are left as they come.
class FreshMinute
{
public:
    explicit FreshMinute(std::function<void()> warm)
        : m_warm(std::move(warm))
    {}

    /// Call right before a run of `kind`; `guessMs` is its expected length until one has been
    /// seen (then the longest seen is used).
    void before(const QString &kind, double guessMs)
    {
        const double expected = m_longest.value(kind, guessMs) * 1.3 + 500;
        if (expected > 55000)
            return;
        const qint64 left = 60000 - QDateTime::currentMSecsSinceEpoch() % 60000;
        if (left > expected)
            return;
        QThread::msleep(quint64(left) + 200);
        m_warm();
        ++m_waits;
    }
    /// Call right after the run with its wall time.
    void after(const QString &kind, double ms)
    {
        m_longest[kind] = qMax(m_longest.value(kind), ms);
    }
    [[nodiscard]] int waits() const { return m_waits; }

private:
    std::function<void()> m_warm;
    QHash<QString, double> m_longest;
    int m_waits = 0;
};

} // namespace Bench
