#pragma once

#include <QFile>
#include <QtGlobal>

/// Peak resident memory of this process, from Linux's /proc. reset() starts a new peak (writing
/// 5 to clear_refs resets VmHWM), so that one test's figure is not another's.
namespace MemoryWatch {

inline qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// True when the kernel allowed the peak to be reset.
inline bool reset()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

[[nodiscard]] inline qint64 currentBytes()
{
    return statusKiB("VmRSS:") * 1024;
}

[[nodiscard]] inline qint64 peakBytes()
{
    return statusKiB("VmHWM:") * 1024;
}

} // namespace MemoryWatch
