#include "benchutil.h"

#include <QFile>

#include <malloc.h>

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

qint64 currentRssKiB()
{
    return statusField("VmRSS:");
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
