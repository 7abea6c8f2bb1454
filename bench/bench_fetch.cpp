// The full fetch a user waits for before a sort, an export or a chart of the whole set: every
// session of 20,000 (or 100,000) into value types through the client's one network path
// (ApiClient + UsageCollector, in this process), against the standard-library Python script a
// user would write (fetch_python.py), on the same demo server (a child process) in the same run.

#include "api/usagecollector.h"
#include "bench/benchutil.h"
#include "bench/bulkdemo.h"
#include "bench/childrun.h"
#include "bench/fetchrun.h"
#include "bench/freshminute.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

namespace {

struct Options
{
    QList<int> sizes;
    int runs = 3;
    int pythonRuns = 3; ///< the first rounds run the script too
    QList<int> inFlight;
};

bool parse(const QCoreApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Full fetch: UsageCollector against Python."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sessions"), QStringLiteral("Set sizes, comma-separated."),
         QStringLiteral("N,..."), QStringLiteral("20000")},
        {QStringLiteral("runs"), QStringLiteral("Runs per figure (the median is shown)."),
         QStringLiteral("R"), QStringLiteral("3")},
        {QStringLiteral("in-flight"),
         QStringLiteral("Pages requested at once, comma-separated (first: against Python)."),
         QStringLiteral("N,..."), QString::number(UsageCollector::DefaultParallel)},
        {QStringLiteral("python-runs"),
         QStringLiteral("Runs of the Python script (default: as --runs)."), QStringLiteral("R")},
    });
    parser.process(app);
    const auto numbers = [](const QString &text, QList<int> &into) {
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int n = part.toInt(&ok);
            if (!ok || n < 1)
                return false;
            into.append(n);
        }
        return !into.isEmpty();
    };
    bool runsOk = false;
    options.runs = parser.value(QStringLiteral("runs")).toInt(&runsOk);
    options.pythonRuns = parser.isSet(QStringLiteral("python-runs"))
                             ? parser.value(QStringLiteral("python-runs")).toInt()
                             : options.runs;
    return options.pythonRuns >= 1 && options.pythonRuns <= options.runs &&
           numbers(parser.value(QStringLiteral("sessions")), options.sizes) &&
           numbers(parser.value(QStringLiteral("in-flight")), options.inFlight) && runsOk &&
           options.runs >= 1;
}

/// The per-character lines of fetch_python.py's output, without its `pages` line.
QByteArray pythonTotals(const QByteArray &out)
{
    QByteArray lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("char "))
            lines += line + '\n';
    }
    return lines;
}

int benchSize(QTextStream &out, int sessions, const Options &options)
{
    DemoProcess server;
    QString error;
    if (!Bench::startBulkDemo(server, sessions, &error)) {
        out << "demo server did not start: " << error << Qt::endl;
        return 1;
    }
    const Bench::FetchTarget target{server.apiUrl(), server.staffKey(), {}};
    const qint64 endMicros = QDateTime::currentMSecsSinceEpoch() * 1000;
    const QString end = formatIsoUtc(endMicros);
    const QString python = QStringLiteral(SESSIONSCOPE_BENCH_DIR "/fetch_python.py");
    const int inFlight = options.inFlight.first();

    const Bench::FetchRun warm = Bench::fetchAll(target, endMicros, inFlight);
    if (!warm.ok) {
        out << "fetch failed: " << warm.error << Qt::endl;
        return 1;
    }
    out << "\nDemo server: " << sessions << " sessions, " << warm.pages
        << " pages of 200 (child process, every page cached after a warm-up fetch); load average "
        << Bench::loadAverage() << "; runs per figure: " << options.runs
        << " (Python: " << options.pythonRuns << "), median, interleaved.\n";

    Bench::FreshMinute minute([&] { (void)Bench::fetchAll(target, endMicros, inFlight); });
    const auto fetch = [&](int n) {
        const QString kind = QStringLiteral("fetch %1").arg(n);
        minute.before(kind, warm.wallMs);
        const Bench::FetchRun run = Bench::fetchAll(target, endMicros, n);
        minute.after(kind, run.wallMs);
        return run;
    };
    QList<double> oursMs, oursCpu, pyMs, pyCpu;
    QMap<int, QList<double>> sweepMs;
    bool sameTotals = true;
    for (int r = 0; r < options.runs; ++r) {
        const Bench::FetchRun ours = fetch(inFlight);
        if (!ours.ok) {
            out << "fetch failed: " << ours.error << Qt::endl;
            return 1;
        }
        oursMs.append(ours.wallMs);
        oursCpu.append(ours.cpuMs);
        sameTotals = sameTotals && ours.sessions == sessions &&
                     Bench::totalsLines(ours.byCharacter) == Bench::totalsLines(warm.byCharacter);
        if (r < options.pythonRuns) {
            minute.before(QStringLiteral("python"), warm.wallMs * 15);
            const Bench::ChildRun py = Bench::runChild(
                Bench::pythonProgram(), {python, target.baseUrl.toString(), target.apiKey, end});
            minute.after(QStringLiteral("python"), py.wallMs);
            if (!py.ok) {
                out << "fetch_python.py failed: " << py.error << Qt::endl;
                return 1;
            }
            pyMs.append(py.wallMs);
            pyCpu.append(py.cpuMs);
            sameTotals = sameTotals && Bench::totalsLines(ours.byCharacter) == pythonTotals(py.out);
        }
        for (int n : options.inFlight.mid(1)) {
            const Bench::FetchRun other = fetch(n);
            sweepMs[n].append(other.ok ? other.wallMs : -1);
        }
    }

    out << "Waits for a fresh minute of the server's page cache (see freshminute.h): "
        << minute.waits() << ".\n";
    const QString label = QLocale(QLocale::English).toString(sessions);
    const double o = Bench::median(oursMs), p = Bench::median(pyMs);
    QList<Bench::Row> rows = {
        {QStringLiteral("Full fetch, %1 sessions, %2 in flight, vs Python urllib+json")
             .arg(label)
             .arg(inFlight),
         Bench::ms(o), Bench::ms(p), Bench::speedup(o, p)},
        {QStringLiteral("CPU time of the client (all threads) vs Python's"),
         Bench::ms(Bench::median(oursCpu)), Bench::ms(Bench::median(pyCpu)),
         Bench::speedup(Bench::median(oursCpu), Bench::median(pyCpu))},
        {QStringLiteral("Totals per character equal Python's (%1 characters)")
             .arg(warm.byCharacter.size()),
         sameTotals ? QStringLiteral("exact") : QStringLiteral("DIFFERENT"),
         QStringLiteral("%1 sessions").arg(label), QString()},
    };
    for (auto it = sweepMs.cbegin(); it != sweepMs.cend(); ++it) {
        const double s = Bench::median(it.value());
        rows.append({QStringLiteral("The same, %1 in flight, vs Python").arg(it.key()),
                     Bench::ms(s), Bench::ms(p), Bench::speedup(s, p)});
    }
    Bench::printTable(
        out,
        QStringLiteral("Full fetch into value types, %1 sessions (wall time, lower is "
                       "better; target: 10x faster than Python)")
            .arg(label),
        rows);
    return sameTotals ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    return Bench::runSizes<Options>(argc, argv, "bench_fetch", parse, benchSize);
}
