// What a user waits for when they copy everything into a database: `sessionscope sync --database
// FILE` into a new SQLite file (the real binary, a child process, start-up included) against the
// standard-library Python script a user would write (sync_python.py), on the same demo server (a
// child process too) in the same run. Both files must then hold every session exactly once.

#include "bench/benchutil.h"
#include "bench/bulkdemo.h"
#include "bench/childrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace {

struct Options
{
    QList<int> sizes;
    int runs = 3;
    int pythonRuns = 3;
};

bool parse(const QCoreApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sessionscope sync against Python."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sessions"), QStringLiteral("Set sizes, comma-separated."),
         QStringLiteral("N,..."), QStringLiteral("20000")},
        {QStringLiteral("runs"), QStringLiteral("Runs per figure (the median is shown)."),
         QStringLiteral("R"), QStringLiteral("3")},
        {QStringLiteral("python-runs"),
         QStringLiteral("Runs of the Python script (default: as --runs)."), QStringLiteral("R")},
    });
    parser.process(app);
    for (const QString &part :
         parser.value(QStringLiteral("sessions")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int n = part.toInt();
        if (n < 1)
            return false;
        options.sizes.append(n);
    }
    options.runs = parser.value(QStringLiteral("runs")).toInt();
    options.pythonRuns = parser.isSet(QStringLiteral("python-runs"))
                             ? parser.value(QStringLiteral("python-runs")).toInt()
                             : options.runs;
    return !options.sizes.isEmpty() && options.runs >= 1 && options.pythonRuns >= 1 &&
           options.pythonRuns <= options.runs;
}

/// Sessions in the file, and how many distinct ids: a sync that stored one twice or left one out
/// is not a sync, however fast.
QString storedSessions(const QString &path, qint64 *rows)
{
    const QString name = QStringLiteral("bench-") + path;
    QString answer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (!db.open() ||
            !query.exec(
                QStringLiteral("SELECT count(*), count(DISTINCT session_id) FROM sessions")) ||
            !query.next()) {
            answer = QStringLiteral("cannot read %1").arg(path);
        } else {
            *rows = query.value(0).toLongLong();
            if (query.value(1).toLongLong() != *rows)
                answer = QStringLiteral("%1 rows but %2 distinct sessions")
                             .arg(*rows)
                             .arg(query.value(1).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return answer;
}

struct Figures
{
    QList<double> oursMs, oursCpu, pyMs, pyCpu;
    qint64 oursPeakKiB = 0, pyPeakKiB = 0;
    QString check;
};

int benchSize(QTextStream &out, int sessions, const Options &options)
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
    const QString python = QStringLiteral(SESSIONSCOPE_BENCH_DIR "/sync_python.py");
    const auto fresh = [&](const QString &name) {
        const QString path = dir.filePath(name);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        return path;
    };
    const auto cli = [&](const QString &file) {
        return Bench::runChild(QStringLiteral(SESSIONSCOPE_CLI),
                               {QStringLiteral("sync"), QStringLiteral("--database"), file,
                                QStringLiteral("--base-url"), url, QStringLiteral("--api-key"), key,
                                QStringLiteral("--end"), end});
    };
    const auto script = [&](const QString &file) {
        return Bench::runChild(Bench::pythonProgram(), {python, url, key, end, file});
    };

    // The warm-up renders every page into the server's cache.
    const Bench::ChildRun warm = cli(fresh(QStringLiteral("warm.sqlite")));
    if (!warm.ok) {
        out << "sessionscope sync failed: " << warm.error << Qt::endl;
        return 1;
    }
    out << "\nDemo server: " << sessions
        << " sessions (child process, every page cached after a warm-up sync); load average "
        << Bench::loadAverage() << "; runs per figure: " << options.runs
        << " (Python: " << options.pythonRuns
        << "), median, interleaved; each run into a new file; memory and CPU time from "
           "/usr/bin/time.\n";

    Figures f;
    for (int r = 0; r < options.runs; ++r) {
        const QString oursFile = fresh(QStringLiteral("ours.sqlite"));
        const QString pyFile = fresh(QStringLiteral("python.sqlite"));
        const Bench::ChildRun ours = cli(oursFile);
        const bool withPython = r < options.pythonRuns;
        const Bench::ChildRun py = withPython ? script(pyFile) : ours;
        if (!ours.ok || !py.ok) {
            out << (ours.ok ? "sync_python.py" : "sessionscope sync")
                << " failed: " << (ours.ok ? py.error : ours.error) << Qt::endl;
            return 1;
        }
        f.oursMs.append(ours.wallMs);
        f.oursCpu.append(ours.cpuMs);
        f.oursPeakKiB = qMax(f.oursPeakKiB, ours.peakRssKiB);
        if (withPython) {
            f.pyMs.append(py.wallMs);
            f.pyCpu.append(py.cpuMs);
            f.pyPeakKiB = qMax(f.pyPeakKiB, py.peakRssKiB);
        }
        if (r == 0) {
            qint64 oursRows = 0, pyRows = 0;
            const QString a = storedSessions(oursFile, &oursRows);
            const QString b = storedSessions(pyFile, &pyRows);
            if (!a.isEmpty() || !b.isEmpty())
                f.check = QStringLiteral("WRONG: ") + (a.isEmpty() ? b : a);
            else if (oursRows != sessions || pyRows != sessions)
                f.check = QStringLiteral("WRONG: %1 and %2 sessions stored of %3")
                              .arg(oursRows)
                              .arg(pyRows)
                              .arg(sessions);
            else
                f.check = QStringLiteral("each exactly once");
        }
    }

    const QString label = QLocale(QLocale::English).toString(sessions);
    const double o = Bench::median(f.oursMs), p = Bench::median(f.pyMs);
    const double oc = Bench::median(f.oursCpu), pc = Bench::median(f.pyCpu);
    Bench::printTable(
        out,
        QStringLiteral("sessionscope sync into a new SQLite file, %1 sessions (wall time from "
                       "start to exit, lower is better; target: 10x faster than Python)")
            .arg(label),
        {
            {QStringLiteral("sync, %1 sessions, vs Python urllib+json+sqlite3").arg(label),
             Bench::ms(o), Bench::ms(p), Bench::speedup(o, p)},
            {QStringLiteral("  CPU time of the process vs Python's"), Bench::ms(oc), Bench::ms(pc),
             Bench::speedup(oc, pc)},
            {QStringLiteral("  peak RSS (VmHWM, highest of the runs) vs Python's"),
             Bench::mib(f.oursPeakKiB), Bench::mib(f.pyPeakKiB), QString()},
            {QStringLiteral("  sessions in both files"), f.check, QString(), QString()},
        });
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return Bench::runSizes<Options>(argc, argv, "bench_sync", parse, benchSize);
}
