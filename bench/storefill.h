#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>

class StoreBrowser;

/// A store of demo sessions for the benchmarks that read one (the offline window, search),
/// filled by the store's own sync from the in-process demo server, and reused when a file of
/// that size is already there: a sync of 100,000 sessions takes minutes.
namespace Bench {

/// Runs the event loop until `condition` holds, waking at each event (QTest::qWaitFor sleeps
/// in steps of up to 10 ms, which would be most of what is measured). Aborts after
/// `timeoutMs`.
template<typename Condition> void waitOrDie(Condition condition, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    QTimer guard; // wakes the loop to look at the clock
    guard.start(100);
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            qFatal("benchmark: timed out");
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}

/// Sessions in the SQLite store at `path`; 0 when there is none or it cannot be read.
[[nodiscard]] qint64 storedSessions(const QString &path);

/// Fills the SQLite store at `path` with `sessions` demo sessions (seed 7) through the
/// store's sync from the in-process demo server; the seconds it took. Needs a running
/// QCoreApplication; aborts when the sync does not end whole.
double fillStore(const QString &path, int sessions);

/// Opens the store at `path` in `browser` as the window does, and waits until it is open;
/// aborts with the store's message when it cannot be.
void openOrDie(StoreBrowser &browser, const QString &path);

} // namespace Bench
