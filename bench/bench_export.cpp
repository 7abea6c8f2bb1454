// What a user waits for when they export everything: `sessionscope export --format jsonl|csv
// --output FILE` (the real binary, a child process, start-up included) against the
// standard-library Python script a user would write (export_python.py), on the same demo server
// (a child process too) in the same run. Also the command's peak memory, and whether both wrote
// the same file.

#include "bench/benchutil.h"
#include "bench/bulkdemo.h"
#include "bench/childrun.h"
#include "bench/fetchrun.h"
#include "bench/freshminute.h"
#include "tests/support/csvrecords.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

struct Options
{
    QList<int> sizes;
    QStringList formats;
    int runs = 3;
    int pythonRuns = 3; ///< the first rounds run the script too
};

bool parse(const QCoreApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sessionscope export against Python."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sessions"), QStringLiteral("Set sizes, comma-separated."),
         QStringLiteral("N,..."), QStringLiteral("20000")},
        {QStringLiteral("formats"), QStringLiteral("jsonl, csv or both, comma-separated."),
         QStringLiteral("F,..."), QStringLiteral("jsonl,csv")},
        {QStringLiteral("runs"), QStringLiteral("Runs per figure (the median is shown)."),
         QStringLiteral("R"), QStringLiteral("3")},
        {QStringLiteral("python-runs"),
         QStringLiteral("Runs of the Python script (default: as --runs); it takes minutes for "
                        "100,000 sessions, and one run of it moves less than the command's."),
         QStringLiteral("R")},
    });
    parser.process(app);
    for (const QString &part :
         parser.value(QStringLiteral("sessions")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int n = part.toInt();
        if (n < 1)
            return false;
        options.sizes.append(n);
    }
    options.formats =
        parser.value(QStringLiteral("formats")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &f : std::as_const(options.formats)) {
        if (f != u"jsonl" && f != u"csv")
            return false;
    }
    options.runs = parser.value(QStringLiteral("runs")).toInt();
    options.pythonRuns = parser.isSet(QStringLiteral("python-runs"))
                             ? parser.value(QStringLiteral("python-runs")).toInt()
                             : options.runs;
    return !options.sizes.isEmpty() && !options.formats.isEmpty() && options.runs >= 1 &&
           options.pythonRuns >= 1 && options.pythonRuns <= options.runs;
}

/// The demo server signs recording URLs anew every minute (its page cache lives as long), so two
/// exports a minute apart differ in the presigned URLs' date and signature: those are masked.
QByteArray withoutSignatures(QByteArray line)
{
    static const QRegularExpression signature(
        QStringLiteral("X-Amz-Date=[0-9TZ]+&X-Amz-Expires=[0-9]+&X-Amz-Signature=[0-9a-f]+"));
    return QString::fromUtf8(line).replace(signature, QStringLiteral("X-Amz-...")).toUtf8();
}

/// Two CSV files cell by cell: the same records, each cell the same text or the same number
/// spelled another way (Python writes the server's 0.30 as 0.3).
QString sameCsv(const QString &ours, const QString &python)
{
    QFile a(ours);
    QFile b(python);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the outputs");
    const auto x = TestSupport::parseCsv(a.readAll());
    const auto y = TestSupport::parseCsv(b.readAll());
    if (x.size() != y.size())
        return QStringLiteral("DIFFERENT: %1 records against %2").arg(x.size()).arg(y.size());
    qint64 respelled = 0;
    for (qsizetype r = 0; r < x.size(); ++r) {
        if (x[r].size() != y[r].size())
            return QStringLiteral("DIFFERENT from record %1 (%2 cells against %3)")
                .arg(r + 1)
                .arg(x[r].size())
                .arg(y[r].size());
        for (qsizetype c = 0; c < x[r].size(); ++c) {
            if (x[r][c] == y[r][c])
                continue;
            bool okX = false, okY = false;
            const double numberX = x[r][c].toDouble(&okX), numberY = y[r][c].toDouble(&okY);
            if (okX && okY && numberX == numberY) {
                ++respelled;
                continue;
            }
            return QStringLiteral("DIFFERENT from record %1 (column %2)")
                .arg(r + 1)
                .arg(QString::fromUtf8(x[0].value(c)));
        }
    }
    return respelled ? QStringLiteral("same: %1 cells spell a number differently").arg(respelled)
                     : QStringLiteral("identical records");
}

/// Compares the two outputs of the first round line by line.
QString sameOutput(const QString &ours, const QString &python)
{
    if (Bench::sameFileContents(ours, python))
        return QStringLiteral("identical bytes");
    if (ours.endsWith(u".csv"))
        return sameCsv(ours, python);
    QFile a(ours);
    QFile b(python);
    if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the outputs");
    qint64 lines = 0, resigned = 0, rewritten = 0;
    while (!a.atEnd() || !b.atEnd()) {
        const QByteArray x = a.readLine(), y = b.readLine();
        ++lines;
        if (x == y)
            continue;
        const QByteArray maskedX = withoutSignatures(x), maskedY = withoutSignatures(y);
        if (maskedX == maskedY) {
            ++resigned;
            continue;
        }
        // A JSONL line may hold the same values written differently (34 for 34.0).
        const QJsonObject objectX = QJsonDocument::fromJson(maskedX).object();
        const QJsonObject objectY = QJsonDocument::fromJson(maskedY).object();
        if (objectX.isEmpty() || objectX != objectY) {
            QStringList fields;
            for (auto it = objectX.begin(); it != objectX.end(); ++it) {
                if (it.value() != objectY.value(it.key()))
                    fields << it.key();
            }
            return QStringLiteral("DIFFERENT from line %1 (%2)")
                .arg(lines)
                .arg(fields.isEmpty() ? QStringLiteral("not JSON") : fields.join(u", "));
        }
        ++rewritten;
    }
    QStringList notes;
    if (rewritten)
        notes << QStringLiteral("%1 lines hold the same JSON values written differently")
                     .arg(rewritten);
    if (resigned)
        notes << QStringLiteral("%1 lines differ only in URL signatures (signed in another minute)")
                     .arg(resigned);
    return QStringLiteral("same: ") + notes.join(QStringLiteral("; "));
}

struct Figures
{
    QList<double> oursMs, oursCpu, pyMs, pyCpu;
    qint64 oursPeakKiB = 0, pyPeakKiB = 0, oursBytes = 0;
    QString same;
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
    const QString python = QStringLiteral(SESSIONSCOPE_BENCH_DIR "/export_python.py");
    const auto cli = [&](const QString &format, const QString &file) {
        return Bench::runChild(QStringLiteral(SESSIONSCOPE_CLI),
                               {QStringLiteral("export"), QStringLiteral("--format"), format,
                                QStringLiteral("--output"), file, QStringLiteral("--base-url"), url,
                                QStringLiteral("--api-key"), key, QStringLiteral("--end"), end});
    };
    const auto script = [&](const QString &format, const QString &file) {
        return Bench::runChild(Bench::pythonProgram(), {python, format, url, key, end, file});
    };

    // The warm-up renders every page into the server's cache and brings both programs' files
    // into the page cache of this machine.
    const QString warmFile = dir.filePath(QStringLiteral("warm"));
    const Bench::ChildRun warm = cli(QStringLiteral("csv"), warmFile);
    if (!warm.ok) {
        out << "sessionscope export failed: " << warm.error << Qt::endl;
        return 1;
    }
    QFile::remove(warmFile);
    const Bench::FetchTarget target{server.apiUrl(), key, {}};
    const qint64 endMicros = *parseIsoDateTime(QStringView(end));
    Bench::FreshMinute minute([&] { (void)Bench::fetchAll(target, endMicros, 6); });
    const auto timed = [&](const QString &kind, double guessMs, const auto &start) {
        minute.before(kind, guessMs);
        Bench::ChildRun run = start();
        minute.after(kind, run.wallMs);
        return run;
    };
    out << "\nDemo server: " << sessions
        << " sessions (child process, every page cached after a warm-up export); load average "
        << Bench::loadAverage() << "; runs per figure: " << options.runs
        << " (Python: " << options.pythonRuns
        << "), median, interleaved; memory and CPU time from /usr/bin/time.\n";

    QMap<QString, Figures> byFormat;
    for (int r = 0; r < options.runs; ++r) {
        for (const QString &format : options.formats) {
            Figures &f = byFormat[format];
            const QString oursFile = dir.filePath(QStringLiteral("ours.") + format);
            const QString pyFile = dir.filePath(QStringLiteral("python.") + format);
            const Bench::ChildRun ours =
                timed(format, warm.wallMs * 2, [&] { return cli(format, oursFile); });
            const bool withPython = r < options.pythonRuns;
            const Bench::ChildRun py =
                withPython ? timed(QStringLiteral("python ") + format, warm.wallMs * 5,
                                   [&] { return script(format, pyFile); })
                           : ours;
            if (!ours.ok || !py.ok) {
                out << (ours.ok ? "export_python.py" : "sessionscope export")
                    << " failed: " << (ours.ok ? py.error : ours.error) << Qt::endl;
                return 1;
            }
            f.oursMs.append(ours.wallMs);
            f.oursCpu.append(ours.cpuMs);
            f.oursPeakKiB = qMax(f.oursPeakKiB, ours.peakRssKiB);
            f.oursBytes = QFile(oursFile).size();
            if (withPython) {
                f.pyMs.append(py.wallMs);
                f.pyCpu.append(py.cpuMs);
                f.pyPeakKiB = qMax(f.pyPeakKiB, py.peakRssKiB);
            }
            if (r == 0)
                f.same = sameOutput(oursFile, pyFile);
            // 100,000 sessions are some 800 MB of JSONL per file.
            QFile::remove(oursFile);
            QFile::remove(pyFile);
        }
    }

    out << "Waits for a fresh minute of the server's page cache (see freshminute.h): "
        << minute.waits() << ".\n";
    const QString label = QLocale(QLocale::English).toString(sessions);
    QList<Bench::Row> rows;
    for (const QString &format : options.formats) {
        const Figures &f = byFormat[format];
        const double o = Bench::median(f.oursMs), p = Bench::median(f.pyMs);
        const double oc = Bench::median(f.oursCpu), pc = Bench::median(f.pyCpu);
        rows += {
            {QStringLiteral("export --format %1, %2 sessions (%3 MB) vs Python")
                 .arg(format, label)
                 .arg(double(f.oursBytes) / 1e6, 0, 'f', 0),
             Bench::ms(o), Bench::ms(p), Bench::speedup(o, p)},
            {QStringLiteral("  CPU time of the process vs Python's"), Bench::ms(oc), Bench::ms(pc),
             Bench::speedup(oc, pc)},
            {QStringLiteral("  peak RSS (VmHWM, highest of the runs) vs Python's"),
             Bench::mib(f.oursPeakKiB), Bench::mib(f.pyPeakKiB), QString()},
            {QStringLiteral("  output against Python's"), f.same, QString(), QString()},
        };
    }
    Bench::printTable(out,
                      QStringLiteral("sessionscope export, %1 sessions (wall time from start to "
                                     "exit, lower is better; target: 10x faster than Python)")
                          .arg(label),
                      rows);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return Bench::runSizes<Options>(argc, argv, "bench_export", parse, benchSize);
}
