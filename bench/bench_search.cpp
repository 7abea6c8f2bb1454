// Full-text search over the transcripts of a store of many sessions (100,000 by default), for
// queries of different kinds: what a user runs (`sessionscope search QUERY --database FILE
// --format json`, a process from start to exit) and what the window does (StoreSearchModel, in
// process, from the query to its rows in the model), against the `sqlite3` tool running the
// product's own statement on the same file and against `grep` over the same sessions exported
// as JSONL (`sessionscope export --database FILE`, whose JSON holds every turn).
//
//   bench_search [--sessions N] [--runs N] [--grep-runs N] [--work DIR] [--cli PATH]
// The store and its export are kept in DIR (the build's bench folder by default) and reused
// while they hold N sessions.
#include "bench/benchutil.h"
#include "bench/childrun.h"
#include "bench/storefill.h"

#include "models/storebrowser.h"
#include "models/storesearchmodel.h"
#include "store/searchtext.h"
#include "store/sessionstore.h"
#include "store/transcriptindex.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace {

/// One query as a user types it, and what grep is given for the same question.
struct Query
{
    QString kind;
    QString text;
    QString characterSlug; ///< --character, or empty
    QStringList grepWords; ///< each must be on the line (one grep each, piped)
};

QList<Query> queries()
{
    // The demo transcripts draw on twenty English lines, a character's greeting, and a few
    // sessions of quirks (scripts other than Latin, markup, emoji): common words match a large
    // share of the 3-4 million turns, words of the quirks a handful.
    return {
        {QStringLiteral("very common word"), QStringLiteral("you"), {}, {QStringLiteral("you")}},
        {QStringLiteral("common word"),
         QStringLiteral("appointment"),
         {},
         {QStringLiteral("appointment")}},
        {QStringLiteral("common word, upper case"),
         QStringLiteral("KOWALSKI"),
         {},
         {QStringLiteral("KOWALSKI")}},
        {QStringLiteral("number"), QStringLiteral("49"), {}, {QStringLiteral("49")}},
        {QStringLiteral("phrase"),
         QStringLiteral("\"premium plan\""),
         {},
         {QStringLiteral("premium plan")}},
        {QStringLiteral("long phrase"),
         QStringLiteral("transfer you to a specialist"),
         {},
         {QStringLiteral("transfer you to a specialist")}},
        {QStringLiteral("two words anywhere in a turn"),
         QStringLiteral("card pay"),
         {},
         {QStringLiteral("card"), QStringLiteral("pay")}},
        {QStringLiteral("time with punctuation"),
         QStringLiteral("10:30"),
         {},
         {QStringLiteral("10:30")}},
        {QStringLiteral("common word, one character"),
         QStringLiteral("appointment"),
         QStringLiteral("booking-agent"),
         {QStringLiteral("\"character_slug\":\"booking-agent\""), QStringLiteral("appointment")}},
        {QStringLiteral("common word, one small character"),
         QStringLiteral("practise"),
         QStringLiteral("interview-coach"),
         {QStringLiteral("\"character_slug\":\"interview-coach\""), QStringLiteral("practise")}},
        {QStringLiteral("rare word (markup)"),
         QStringLiteral("alert"),
         {},
         {QStringLiteral("alert")}},
        {QStringLiteral("rare word, Cyrillic"),
         QStringLiteral("здравствуйте"),
         {},
         {QStringLiteral("здравствуйте")}},
        {QStringLiteral("rare phrase, Han"), QStringLiteral("你好"), {}, {QStringLiteral("你好")}},
        {QStringLiteral("rare word, accent folded"),
         QStringLiteral("Ελληνικα"),
         {},
         {QStringLiteral("Ελληνικα")}},
        {QStringLiteral("absent word"), QStringLiteral("refund"), {}, {QStringLiteral("refund")}},
    };
}

QString argumentAfter(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

QString fixedMs(double value)
{
    return value >= 1000 ? QStringLiteral("%1 s").arg(value / 1000, 0, 'f', 2)
                         : QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 1 : 0);
}

QString times(double value)
{
    return QStringLiteral("%1x").arg(value, 0, 'f', value < 10 ? 2 : value < 100 ? 1 : 0);
}

Bench::ChildRun mustRun(const QString &program, const QStringList &arguments, bool anyExit = false)
{
    Bench::ChildRun run = Bench::runChild(program, arguments);
    // grep -c exits with 1 when it counted no line.
    if (!run.ok && !(anyExit && run.exitCode == 1))
        qFatal("%s failed: %s", qPrintable(program), qPrintable(run.error));
    return run;
}

/// grep -c -F -i for every word of `words` on one line: one grep, or greps piped.
QStringList grepCommand(const QStringList &words, const QString &file)
{
    QString script = QStringLiteral("grep -F -i -- \"$1\" \"$%1\"").arg(words.size() + 1);
    for (int i = 1; i < words.size(); ++i)
        script += QStringLiteral(" | grep -F -i -- \"$%1\"").arg(i + 1);
    script.replace(script.lastIndexOf(QStringLiteral("grep -F")), 7, QStringLiteral("grep -c -F"));
    return QStringList{QStringLiteral("-c"), script, QStringLiteral("sh")} + words +
           QStringList{file};
}

struct Figures
{
    qsizetype hits = 0;
    qsizetype statements = 0;
    qint64 grepLinesC = 0, grepLinesLocale = 0;
    double process = 0, processCpu = 0, window = 0, sqlite100 = 0, sqlite500 = 0;
    double grepC = 0, grepLocale = 0;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt warns on every start without one (a service's environment has none); its warning
    // would land in the table's text.
    QTemporaryDir runtime;
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    const int sessions =
        argumentAfter(arguments, QStringLiteral("--sessions"), QStringLiteral("100000")).toInt();
    const int runs =
        argumentAfter(arguments, QStringLiteral("--runs"), QStringLiteral("5")).toInt();
    const int grepRuns =
        argumentAfter(arguments, QStringLiteral("--grep-runs"), QStringLiteral("3")).toInt();
    const QString work = argumentAfter(arguments, QStringLiteral("--work"),
                                       QStringLiteral(SESSIONSCOPE_BENCH_WORK_DIR));
    QDir().mkpath(work);
    const QString store = QDir(work).filePath(QStringLiteral("search-%1.sqlite").arg(sessions));
    const QString jsonl = QDir(work).filePath(QStringLiteral("search-%1.jsonl").arg(sessions));
    // Another build's `sessionscope` may be given, to compare two builds on the same store.
    const QString cli =
        argumentAfter(arguments, QStringLiteral("--cli"), QStringLiteral(SESSIONSCOPE_CLI));

    double syncSeconds = 0;
    if (Bench::storedSessions(store) != sessions) {
        for (const QString &stale :
             {store, store + QStringLiteral("-wal"), store + QStringLiteral("-shm"), jsonl})
            QFile::remove(stale);
        syncSeconds = Bench::fillStore(store, sessions);
    }
    if (!QFile::exists(jsonl) || QFileInfo(jsonl).lastModified() < QFileInfo(store).lastModified())
        mustRun(cli, {QStringLiteral("export"), QStringLiteral("--database"), store,
                      QStringLiteral("--format"), QStringLiteral("jsonl"),
                      QStringLiteral("--output"), jsonl});
    // Every figure is taken with both files in the page cache.
    for (const QString &name : {store, jsonl}) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(name));
        while (!file.read(1 << 20).isEmpty()) {
        }
    }
    const QByteArray locale = qgetenv("LC_ALL").isEmpty() ? qgetenv("LANG") : qgetenv("LC_ALL");
    const QString localeName =
        locale.isEmpty() ? QStringLiteral("C.UTF-8") : QString::fromLocal8Bit(locale);
    qputenv("LC_ALL", localeName.toLocal8Bit());

    out << "\nStore: SQLite, " << QLocale().toString(sessions) << " sessions filled by the store's "
        << "sync from the in-process demo server"
        << (syncSeconds > 0 ? QStringLiteral(" in %1 s").arg(syncSeconds, 0, 'f', 1)
                            : QStringLiteral(" (reused)"))
        << ", " << Bench::mib(QFileInfo(store).size() / 1024) << "; the JSONL export "
        << Bench::mib(QFileInfo(jsonl).size() / 1024) << ". Load average " << Bench::loadAverage()
        << "; runs per figure: " << runs << " (grep: " << grepRuns
        << "), median, interleaved, both files in the page cache.\n";

    StoreBrowser browser;
    Bench::openOrDie(browser, store);
    StoreSearchModel model(&browser);
    QSignalSpy finished(&browser, &StoreBrowser::searchFinished);
    // A connection of the benchmark's own, to ask which statements a search runs.
    SessionStore direct;
    {
        StoreLocation location;
        location.path = store;
        QString error;
        if (!direct.open(location, SessionStore::Access::Reader, &error))
            qFatal("open: %s", qPrintable(error));
    }

    QList<Figures> figures;
    for (const Query &query : queries()) {
        QStringList cliArguments = {QStringLiteral("search"),     query.text,
                                    QStringLiteral("--database"), store,
                                    QStringLiteral("--format"),   QStringLiteral("json")};
        if (!query.characterSlug.isEmpty())
            cliArguments += {QStringLiteral("--character"), query.characterSlug};
        const auto inWindow = [&] {
            QElapsedTimer timer;
            timer.start();
            if (query.characterSlug.isEmpty()) {
                model.search(query.text);
                Bench::waitOrDie([&] {
                    return model.status() == StoreSearchModel::Status::Ready ||
                           model.status() == StoreSearchModel::Status::Failed;
                });
                if (model.status() != StoreSearchModel::Status::Ready)
                    qFatal("search: %s", qPrintable(model.lastError()));
            } else { // the window's search box has no filter of its own: the browser's search
                UsageQuery filter;
                filter.characterSlug = query.characterSlug;
                finished.clear();
                browser.search(query.text, filter);
                Bench::waitOrDie([&] { return !finished.isEmpty(); });
            }
            return double(timer.nsecsElapsed()) / 1e6;
        };
        // The statements the product runs for this query, as it runs them.
        const auto statementsRun = [&](int limit) {
            UsageQuery filter;
            filter.characterSlug = query.characterSlug;
            QList<TranscriptHit> hits;
            QStringList statements;
            QString error;
            if (!TranscriptIndex::search(direct, query.text, filter, limit, &hits, &error,
                                         &statements))
                qFatal("search: %s", qPrintable(error));
            return statements;
        };
        const QStringList run100 = statementsRun(100);
        const QStringList sqlite100 = {QStringLiteral("-batch"), store,
                                       run100.join(QStringLiteral(";\n"))};
        const QStringList sqlite500 = {
            QStringLiteral("-batch"), store,
            statementsRun(StoreBrowser::SearchLimit).join(QStringLiteral(";\n"))};
        // One of each first, untimed: the pages each of them reads are then in the caches.
        Figures f;
        f.statements = run100.size();
        const Bench::ChildRun first = mustRun(cli, cliArguments);
        f.hits = QJsonDocument::fromJson(first.out).array().size();
        inWindow();
        mustRun(QStringLiteral("sqlite3"), sqlite100);
        QList<double> process, processCpu, window, lite100, lite500, grepC, grepLocale;
        for (int i = 0; i < runs; ++i) {
            const Bench::ChildRun run = mustRun(cli, cliArguments);
            process.append(run.wallMs);
            processCpu.append(run.cpuMs);
            window.append(inWindow());
            lite100.append(mustRun(QStringLiteral("sqlite3"), sqlite100).wallMs);
            lite500.append(mustRun(QStringLiteral("sqlite3"), sqlite500).wallMs);
        }
        const QStringList grep = grepCommand(query.grepWords, jsonl);
        for (int i = 0; i < grepRuns; ++i) {
            const Bench::ChildRun c =
                mustRun(QStringLiteral("env"),
                        QStringList{QStringLiteral("LC_ALL=C"), QStringLiteral("sh")} + grep, true);
            grepC.append(c.wallMs);
            f.grepLinesC = c.out.trimmed().toLongLong();
            const Bench::ChildRun l = mustRun(QStringLiteral("sh"), grep, true);
            grepLocale.append(l.wallMs);
            f.grepLinesLocale = l.out.trimmed().toLongLong();
        }
        f.process = Bench::median(process);
        f.processCpu = Bench::median(processCpu);
        f.window = Bench::median(window);
        f.sqlite100 = Bench::median(lite100);
        f.sqlite500 = Bench::median(lite500);
        f.grepC = Bench::median(grepC);
        f.grepLocale = Bench::median(grepLocale);
        figures.append(f);
    }

    out << "\n## Search over " << QLocale().toString(sessions)
        << " sessions' transcripts (wall time, median; targets: `search` within 2x of sqlite3, "
           "grep at least 100x slower than `search`)\n\n";
    out << "| query | kind | turns found (limit 100) | statements | `search` process | its CPU | "
           "sqlite3, "
           "same SQL | `search` / sqlite3 | window, in process (limit 500) | sqlite3, limit 500 | "
           "window / sqlite3 | lines grep found (C / "
        << localeName << ") | grep, LC_ALL=C | grep, " << localeName
        << " | grep (faster) / `search` | grep (faster) / window |\n";
    out << "|" << QStringLiteral("---|").repeated(16) << "\n";
    double worstSqlite = 0, worstGrep = 1e9, worstGrepWindow = 1e9;
    const QList<Query> all = queries();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Query &q = all.at(i);
        const Figures &f = figures.at(i);
        const double grep = qMin(f.grepC, f.grepLocale);
        QString shown = QStringLiteral("`") + q.text + QStringLiteral("`");
        if (!q.characterSlug.isEmpty())
            shown += QStringLiteral(" --character ") + q.characterSlug;
        out << "| " << shown << " | " << q.kind << " | " << f.hits << " | " << f.statements << " | "
            << fixedMs(f.process) << " | " << fixedMs(f.processCpu) << " | " << fixedMs(f.sqlite100)
            << " | " << times(f.process / f.sqlite100) << " | " << fixedMs(f.window) << " | "
            << fixedMs(f.sqlite500) << " | " << times(f.window / f.sqlite500) << " | "
            << f.grepLinesC << " / " << f.grepLinesLocale << " | " << fixedMs(f.grepC) << " | "
            << fixedMs(f.grepLocale) << " | " << times(grep / f.process) << " | "
            << times(grep / f.window) << " |\n";
        worstSqlite = qMax(worstSqlite, f.process / f.sqlite100);
        worstGrep = qMin(worstGrep, grep / f.process);
        worstGrepWindow = qMin(worstGrepWindow, grep / f.window);
    }
    out << "\nWorst of the queries: `search` took " << times(worstSqlite)
        << " of sqlite3's time (target: 2x or less); grep took " << times(worstGrep)
        << " of `search`'s time and " << times(worstGrepWindow)
        << " of the window's (target: 100x or more).\n";
    out << "\nThe process figures include the start of each program (the command's, under "
           "/usr/bin/time like every child here). The window's figure is from the query to "
           "its rows in StoreSearchModel, through the store reader's thread, on a store open "
           "already. sqlite3 runs the statements the search ran (one when it asks the whole index; "
           "five when a common word is found among the newest sessions), in one process. grep "
           "counts the lines (sessions) of the JSONL that hold the words, "
           "ignoring case (-F -i, piped once per word); it folds no accents and finds no "
           "words across JSON escapes.\n";
    return 0;
}
