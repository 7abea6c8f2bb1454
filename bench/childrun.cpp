#include "bench/childrun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

namespace Bench {

ChildRun runChild(const QString &program, const QStringList &arguments, int timeoutMs)
{
    ChildRun run;
    QTemporaryFile report;
    if (!report.open()) {
        run.error = QStringLiteral("cannot create a temporary file for /usr/bin/time");
        return run;
    }
    // -o keeps time's line out of the program's own standard error.
    QStringList timeArguments = {QStringLiteral("-o"), report.fileName(), QStringLiteral("-f"),
                                 QStringLiteral("bench %e %U %S %M"), program};
    timeArguments += arguments;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("/usr/bin/time"), timeArguments);
    if (!process.waitForStarted(60000)) {
        run.error = QStringLiteral("/usr/bin/time did not start (install the package `time`): ") +
                    process.errorString();
        return run;
    }
    // Read while waiting: a program that writes more than a pipe holds would otherwise block.
    while (process.state() != QProcess::NotRunning) {
        if (timer.elapsed() > timeoutMs) {
            process.kill();
            process.waitForFinished(10000);
            run.error =
                QStringLiteral("%1 did not finish within %2 s").arg(program).arg(timeoutMs / 1000);
            return run;
        }
        process.waitForFinished(100);
        run.out += process.readAllStandardOutput();
    }
    run.wallMs = double(timer.nsecsElapsed()) / 1e6;
    run.out += process.readAllStandardOutput();
    run.error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    run.exitCode = process.exitCode();
    run.ok = process.exitStatus() == QProcess::NormalExit && run.exitCode == 0;

    // time writes "Command exited with non-zero status N" first when the program failed; the
    // figures are on the last line either way.
    const QList<QByteArray> lines = report.readAll().trimmed().split('\n');
    const QList<QByteArray> fields = lines.last().split(' ');
    if (fields.size() == 5 && fields.at(0) == "bench") {
        run.cpuMs = (fields.at(2).toDouble() + fields.at(3).toDouble()) * 1000;
        run.peakRssKiB = fields.at(4).toLongLong();
    } else if (run.ok) {
        run.ok = false;
        run.error = QStringLiteral("/usr/bin/time reported nothing readable");
    }
    if (!run.ok && run.error.isEmpty())
        run.error = QStringLiteral("%1 exited with code %2").arg(program).arg(run.exitCode);
    return run;
}

QString pythonProgram()
{
    const QString system = QStringLiteral("/usr/bin/python3");
    return QFileInfo(system).isExecutable() ? system : QStringLiteral("python3");
}

bool sameFileContents(const QString &a, const QString &b)
{
    QFile fa(a);
    QFile fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    constexpr qint64 Block = 1 << 20;
    while (!fa.atEnd()) {
        if (fa.read(Block) != fb.read(Block))
            return false;
    }
    return true;
}

qint64 countLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    qint64 lines = 0;
    while (!file.atEnd())
        lines += file.read(1 << 20).count('\n');
    return lines;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 3
               ? QString::fromLatin1(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2))
               : QStringLiteral("unknown");
}

QString ms(double value)
{
    return value >= 10000 ? QStringLiteral("%1 s").arg(value / 1000, 0, 'f', 2)
                          : QStringLiteral("%1 ms").arg(qRound64(value));
}

QString mib(qint64 kib)
{
    return QStringLiteral("%1 MiB").arg(double(kib) / 1024, 0, 'f', 1);
}

QString speedup(double ours, double baseline)
{
    if (ours <= 0 || baseline <= 0)
        return QStringLiteral("n/a");
    const double ratio = baseline / ours;
    return ratio >= 1 ? QStringLiteral("%1x faster").arg(ratio, 0, 'f', 2)
                      : QStringLiteral("%1x (slower)").arg(ratio, 0, 'f', 2);
}

QString timesOf(double ours, double baseline, const QString &name)
{
    if (ours <= 0 || baseline <= 0)
        return QStringLiteral("n/a");
    return QStringLiteral("%1x of %2").arg(ours / baseline, 0, 'f', 2).arg(name);
}

} // namespace Bench
