#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Bench {

/// What one run of a program as a child process cost, as the person who started it sees it.
struct ChildRun
{
    bool ok = false; ///< started, and exited normally with code 0 within the time limit
    int exitCode = -1;
    double wallMs = 0;     ///< from start to exit, the program's own start-up included
    double cpuMs = 0;      ///< user + system time of the program (10 ms resolution)
    qint64 peakRssKiB = 0; ///< its peak resident memory (VmHWM at exit)
    QByteArray out;        ///< standard output
    QString error;         ///< standard error, or why it did not start or finish
};

/// Runs `program` with `arguments` under `/usr/bin/time` (Debian package `time`), which reads
/// the program's resource usage with wait4() once it has exited. Reading /proc/PID/status before
/// the exit races with it, and a child forked by this larger process may count some of this
/// process's pages in its own peak; time's own process, a few hundred KiB, is what it forks from.
/// Blocks: the servers measured against run in other processes.
[[nodiscard]] ChildRun runChild(const QString &program, const QStringList &arguments,
                                int timeoutMs = 600000);

/// The Python a user of this system runs: Debian's /usr/bin/python3 where it exists (a version
/// manager's `python3` shim on PATH can add a few hundred milliseconds to every start), else
/// `python3` from PATH.
[[nodiscard]] QString pythonProgram();

/// True when the two files hold the same bytes (both readable).
[[nodiscard]] bool sameFileContents(const QString &a, const QString &b);
/// Lines (newline characters) in a file; -1 when it cannot be read.
[[nodiscard]] qint64 countLines(const QString &path);

/// The load average over 1, 5 and 15 minutes, as /proc/loadavg has it.
[[nodiscard]] QString loadAverage();

/// "1,234 ms"-style figures and ratios for the tables.
[[nodiscard]] QString ms(double value);
[[nodiscard]] QString mib(qint64 kib);
/// "12.3x faster" when `ours` took less time than `baseline`, else "0.8x (slower)".
[[nodiscard]] QString speedup(double ours, double baseline);
/// "1.12x of curl": how many times the baseline's time ours took.
[[nodiscard]] QString timesOf(double ours, double baseline, const QString &name);

} // namespace Bench
