#include "bench/benchutil.h"

#include <QFile>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace Bench {
namespace {
qint64 statusField(const QByteArray &name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(name))
            return line.mid(name.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
} // namespace

qint64 peakRssKiB()
{
    return statusField("VmHWM:");
}

qint64 liveRssKiB()
{
    // glibc keeps freed memory at the top of its heap for the next allocation; after a free
    // of a large block (a grabbed 1400x900 picture is 5 MB) it also raises the size above
    // which it maps blocks apart, so such a block can stay resident after it is freed, or
    // not, depending on the order of earlier allocations.
    malloc_trim(0);
    return statusField("VmRSS:");
}

qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) {
        return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

qint64 processCpuMs(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // The command name may hold spaces; the fields after it are counted from its ')'.
    const QByteArray text = file.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong(); // utime, stime
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

qint64 heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

void printTable(QTextStream &out, const QString &title, const QList<Row> &rows)
{
    int w0 = 7, w1 = 5, w2 = 8;
    for (const Row &r : rows) {
        w0 = std::max(w0, int(r.measure.size()));
        w1 = std::max(w1, int(r.value.size()));
        w2 = std::max(w2, int(r.baseline.size()));
    }
    out << "\n## " << title << "\n\n";
    out << "| " << QStringLiteral("measure").leftJustified(w0) << " | "
        << QStringLiteral("Sessionscope").leftJustified(w1) << " | "
        << QStringLiteral("baseline").leftJustified(w2) << " | ratio |\n";
    out << "|" << QString(w0 + 2, QLatin1Char('-')) << "|" << QString(w1 + 2, QLatin1Char('-'))
        << "|" << QString(w2 + 2, QLatin1Char('-')) << "|-------|\n";
    for (const Row &r : rows) {
        out << "| " << r.measure.leftJustified(w0) << " | " << r.value.leftJustified(w1) << " | "
            << r.baseline.leftJustified(w2) << " | " << r.ratio << " |\n";
    }
    out.flush();
}

} // namespace Bench
