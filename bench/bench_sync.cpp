// What a user waits for on a first `sessionscope sync` of a whole account into SQLite (the real
// binary, a child process, start-up included), against the standard-library Python script a
// user would write (sync_python.py: urllib, json and sqlite3 with an FTS5 index, one page after
// another), on the same demo server (a child process too) in the same run.

#include "bench/benchutil.h"
#include "bench/bulkdemo.h"
#include "bench/childrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTemporaryDir>

namespace {

int benchSize(QTextStream &out, int sessions, int runs)
{
    DemoProcess server;
    QString error;
    if (!Bench::startBulkDemo(server, sessions, &error)) {
        out << "demo server did not start: " << error << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString url = server.apiUrl().toString();
    const QString key = server.staffKey();
    const QString end = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    int file = 0;
    const auto ours = [&] {
        return Bench::runChild(QStringLiteral(SESSIONSCOPE_CLI),
                               {QStringLiteral("sync"), QStringLiteral("--database"),
                                dir.filePath(QStringLiteral("ours-%1.sqlite").arg(++file)),
                                QStringLiteral("--base-url"), url, QStringLiteral("--api-key"), key,
                                QStringLiteral("--end"), end});
    };
    const auto python = [&] {
        return Bench::runChild(Bench::pythonProgram(),
                               {QStringLiteral(SESSIONSCOPE_BENCH_DIR "/sync_python.py"), url, key,
                                end, dir.filePath(QStringLiteral("py-%1.sqlite").arg(++file))});
    };
    // The warm-up renders every page into the server's cache.
    if (const Bench::ChildRun warm = ours(); !warm.ok) {
        out << "sessionscope sync failed: " << warm.error << Qt::endl;
        return 1;
    }
    QList<double> oursMs, pyMs, oursCpu, pyCpu;
    qint64 oursPeak = 0, pyPeak = 0;
    for (int r = 0; r < runs; ++r) {
        const Bench::ChildRun o = ours();
        const Bench::ChildRun p = python();
        if (!o.ok || !p.ok) {
            out << (o.ok ? "sync_python.py" : "sessionscope sync")
                << " failed: " << (o.ok ? p.error : o.error) << Qt::endl;
            return 1;
        }
        oursMs.append(o.wallMs);
        pyMs.append(p.wallMs);
        oursCpu.append(o.cpuMs);
        pyCpu.append(p.cpuMs);
        oursPeak = qMax(oursPeak, o.peakRssKiB);
        pyPeak = qMax(pyPeak, p.peakRssKiB);
    }
    const QString label = QLocale(QLocale::English).toString(sessions);
    out << "\nDemo server: " << sessions << " sessions (child process, pages cached after a "
        << "warm-up sync); load average " << Bench::loadAverage() << "; runs: " << runs
        << ", median, interleaved; each run into a new file.\n";
    const double o = Bench::median(oursMs), p = Bench::median(pyMs);
    const double oc = Bench::median(oursCpu), pc = Bench::median(pyCpu);
    Bench::printTable(
        out,
        QStringLiteral("sessionscope sync into a new SQLite store, %1 sessions (wall time from "
                       "start to exit, lower is better; target: 10x faster than Python)")
            .arg(label),
        {
            {QStringLiteral("first sync, %1 sessions, vs Python").arg(label), Bench::ms(o),
             Bench::ms(p), Bench::speedup(o, p)},
            {QStringLiteral("  CPU time of the process vs Python's"), Bench::ms(oc), Bench::ms(pc),
             Bench::speedup(oc, pc)},
            {QStringLiteral("  peak RSS (highest of the runs) vs Python's"), Bench::mib(oursPeak),
             Bench::mib(pyPeak), QString()},
        });
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sessionscope sync against Python."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sessions"), QStringLiteral("Set sizes, comma-separated."),
         QStringLiteral("N,..."), QStringLiteral("20000")},
        {QStringLiteral("runs"), QStringLiteral("Runs per figure (the median is shown)."),
         QStringLiteral("R"), QStringLiteral("3")},
    });
    parser.process(app);
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    QTextStream out(stdout);
    int status = runs >= 1 ? 0 : 2;
    for (const QString &part :
         parser.value(QStringLiteral("sessions")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        status |= part.toInt() > 0 ? benchSize(out, part.toInt(), runs) : 2;
    return status;
}
