#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

/// Small helpers shared by the benchmark programs: medians of repeated runs and a table that
/// prints each figure beside its baselines.
namespace Bench {

/// Runs `body` `runs` times and returns the median wall time in milliseconds.
inline double medianMs(int runs, const std::function<void()> &body)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        body();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

/// Peak resident memory of this process so far, in KiB (from /proc/self/status).
qint64 peakRssKiB();
/// Resident memory in KiB once the allocator has given back the memory freed so far: what
/// the process holds, not what the allocator keeps for later.
qint64 liveRssKiB();
/// CPU time (user + system) this process has used so far, in milliseconds.
qint64 cpuMs();
/// CPU time (user + system) process `pid` has used so far, in milliseconds (from /proc).
qint64 processCpuMs(qint64 pid);
/// Bytes currently allocated through malloc (mallinfo2).
qint64 heapBytes();

struct Row
{
    QString measure;
    QString value;
    QString baseline;
    QString ratio;
};

void printTable(QTextStream &out, const QString &title, const QList<Row> &rows);

/// The main() of a benchmark that measures each of its set sizes (`Options::sizes`) in turn:
/// `parse(app, options)` reads the command line, `measure(out, sessions, options)` prints one
/// size's tables and returns non-zero when its figures are not to be trusted.
template<typename Options, typename Parse, typename Measure>
int runSizes(int argc, char **argv, const char *name, Parse parse, Measure measure)
{
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(app, options)) {
        std::fprintf(stderr, "%s: bad arguments (see --help)\n", name);
        return 2;
    }
    QTextStream out(stdout);
    int status = 0;
    for (int sessions : options.sizes)
        status |= measure(out, sessions, options);
    return status;
}

} // namespace Bench
