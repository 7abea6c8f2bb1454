// The offline window on a store of many sessions (100,000 by default), filled by the store's
// own sync from the in-process demo server: from asking for the list to its first rows painted,
// and from a click on a column to the first rows of that order painted, each against the
// `sqlite3` command-line tool running the same query on the same file; then the memory the
// window holds while every row is scrolled through. The table is the store page's own, with the
// delegate the window paints its cells with; each paint is also measured with Qt's general
// delegate in its place, in turns with the window's.
//
//   bench_store_window [--sessions N] [--database FILE] [--runs N] [--compare-delegates]
//                      [--profile-paints N]
// A --database file that already holds N sessions is used as it is (no sync).
// --compare-delegates adds a table: each sort to its first rows painted with either delegate.
// --profile-paints N only paints the table N times, for a profiler (see profiledPaints).
#include "bench/benchutil.h"
#include "bench/storefill.h"

#include "models/sessioncolumns.h"
#include "models/storebrowser.h"
#include "ui/store/storepage.h"

#include <QApplication>
#include <QHeaderView>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
constexpr int Timeout = 600000;

QString argumentAfter(const QStringList &arguments, const QString &name, const QString &fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

/// The window's query with its values written in, for the sqlite3 tool.
QString literalSql(const StoreSessionQuery &query)
{
    QVariantList values;
    QString sql = query.rowsSql(&values);
    for (const QVariant &v : std::as_const(values)) {
        const qsizetype mark = sql.indexOf(QLatin1Char('?'));
        const QString literal = v.typeId() == QMetaType::QString
                                    ? QLatin1Char('\'') + v.toString() + QLatin1Char('\'')
                                    : v.toString();
        sql.replace(mark, 1, literal);
    }
    return sql;
}

/// Wall time of `sqlite3 FILE` running `sql`, output discarded; the median of `runs`.
double sqliteMs(const QString &path, const QString &sql, int runs)
{
    return Bench::medianMs(runs, [&] {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        process.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), path, sql});
        if (!process.waitForFinished(Timeout) || process.exitCode() != 0)
            qFatal("sqlite3 failed: %s", process.readAllStandardError().constData());
    });
}

QString ms(double value)
{
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

QString ratio(double ours, double baseline)
{
    return ours <= baseline ? QStringLiteral("%1x faster").arg(baseline / ours, 0, 'f', 2)
                            : QStringLiteral("%1x slower").arg(ours / baseline, 0, 'f', 2);
}
/// The paints alone, in a function of their own, so that a profiler can count them apart from
/// the store's opening: `valgrind --tool=callgrind --toggle-collect='*profiledPaints*'`.
[[gnu::noinline]] void profiledPaints(QWidget &view, int paints)
{
    for (int i = 0; i < paints; ++i)
        view.grab();
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    const int sessions =
        argumentAfter(arguments, QStringLiteral("--sessions"), QStringLiteral("100000")).toInt();
    const int runs =
        argumentAfter(arguments, QStringLiteral("--runs"), QStringLiteral("5")).toInt();
    QTemporaryDir folder;
    const QString path = argumentAfter(arguments, QStringLiteral("--database"),
                                       folder.filePath(QStringLiteral("sessions.sqlite")));
    double syncSeconds = 0;
    if (Bench::storedSessions(path) != sessions)
        syncSeconds = Bench::fillStore(path, sessions);
    out << "\n"
        << "Store: SQLite, filled by the store's sync from the in-process demo server"
        << (syncSeconds > 0 ? QStringLiteral(" in %1 s").arg(syncSeconds, 0, 'f', 1) : QString())
        << "; runs per figure: " << runs << ", median; the baseline is `sqlite3 -batch FILE SQL` "
        << "(process start included) running the window's own query.\n";

    // The window's table: the store page's, built before the store opens as the window's is.
    StoreBrowser browser;
    StorePage page(&browser);
    QTableView &view = *page.table();
    page.show();
    Bench::openOrDie(browser, path);
    StoreSessionTableModel *model = browser.model();
    Bench::waitOrDie([&] { return model->status() == StoreSessionTableModel::Status::Ready; });
    // The page around the table takes its part: the table itself is made 1400x900.
    page.resize(page.size() + QSize(1400, 900) - view.size());
    Bench::waitOrDie([&] { return view.size() == QSize(1400, 900); });
    QAbstractItemDelegate *windowDelegate = view.itemDelegate();
    QStyledItemDelegate general;
    // One timed grab with `delegate` in place; the relayout a change of delegate asks for is
    // left out of the time.
    const auto paintWith = [&](QAbstractItemDelegate *delegate) {
        view.setItemDelegate(delegate);
        QCoreApplication::processEvents();
        const double paint = Bench::medianMs(1, [&] { view.grab(); });
        view.setItemDelegate(windowDelegate);
        return paint;
    };
    const bool compareDelegates = arguments.contains(QStringLiteral("--compare-delegates"));
    // For a profiler: the table painted N times and nothing else timed (see profiledPaints).
    if (const int paints =
            argumentAfter(arguments, QStringLiteral("--profile-paints"), QStringLiteral("0"))
                .toInt();
        paints > 0) {
        Bench::waitOrDie([&] { return model->isRowLoaded(0); });
        profiledPaints(view, paints);
        return 0;
    }

    // Asking for the list: count and totals, then the first window, then the paint.
    QList<double> firstRows, firstAvailable;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        model->refresh();
        Bench::waitOrDie([&] { return model->isRowLoaded(0); });
        firstAvailable.append(double(timer.nsecsElapsed()) / 1e6);
        view.grab();
        firstRows.append(double(timer.nsecsElapsed()) / 1e6);
    }
    // The two delegates in turns, so that a change in the machine's load touches both.
    QList<double> paints, generalPaints;
    for (int i = 0; i < runs; ++i) {
        paints.append(paintWith(windowDelegate));
        generalPaints.append(paintWith(&general));
    }
    const double paintMs = Bench::median(paints);
    const double generalPaintMs = Bench::median(generalPaints);
    // The floor of any paint: a table of the same size, columns and headers with its cells
    // empty, so that the cost of the text alone shows beside the cost of the widget.
    QStandardItemModel blank(StoreSessionTableModel::WindowSize, SessionColumns::Count);
    for (int column = 0; column < SessionColumns::Count; ++column)
        blank.setHeaderData(column, Qt::Horizontal, SessionColumns::title(column));
    QTableView blankView;
    blankView.resize(view.size());
    blankView.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    blankView.verticalHeader()->setDefaultSectionSize(view.verticalHeader()->defaultSectionSize());
    blankView.verticalHeader()->setVisible(view.verticalHeader()->isVisible());
    blankView.setAlternatingRowColors(view.alternatingRowColors());
    blankView.setShowGrid(view.showGrid());
    blankView.setModel(&blank);
    blankView.show();
    const double blankPaintMs = Bench::medianMs(runs, [&] { blankView.grab(); });
    blankView.hide();
    StoreSessionQuery first;
    first.limit = StoreSessionTableModel::WindowSize;
    QVariantList unused;
    const QString totals = StoreSessionQuery::totalsSql({}, &unused);
    const double sqliteFirst =
        sqliteMs(path, totals + QStringLiteral("; ") + literalSql(first), runs);
    QList<Bench::Row> rows, available;
    rows.append({QStringLiteral("list asked to first rows painted (count, totals, 200 rows)"),
                 ms(Bench::median(firstRows)), ms(sqliteFirst),
                 ratio(Bench::median(firstRows), sqliteFirst)});
    available.append({QStringLiteral("list asked to first rows in the model"),
                      ms(Bench::median(firstAvailable)), ms(sqliteFirst),
                      ratio(Bench::median(firstAvailable), sqliteFirst)});

    // A click on each column: the first rows of that order, painted.
    double worst = 0;
    QString worstColumn;
    QList<Bench::Row> delegates;
    for (int column = 0; column < SessionColumns::Count; ++column) {
        QList<double> sorted, ready, generalSorted;
        // From another order whose rows are in: the click is then a real change, and no read
        // of the order before it is still queued in front of the one measured.
        const int from =
            column == SessionColumns::Created ? SessionColumns::Duration : SessionColumns::Created;
        const auto sortAndPaint = [&](Qt::SortOrder order, QList<double> *inModel) {
            model->sort(from, Qt::DescendingOrder);
            Bench::waitOrDie([&] { return model->isRowLoaded(0); });
            QElapsedTimer timer;
            timer.start();
            model->sort(column, order);
            Bench::waitOrDie([&] { return model->isRowLoaded(0); });
            if (inModel)
                inModel->append(double(timer.nsecsElapsed()) / 1e6);
            view.grab();
            return double(timer.nsecsElapsed()) / 1e6;
        };
        for (int i = 0; i < runs; ++i) {
            const Qt::SortOrder order = i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder;
            sorted.append(sortAndPaint(order, &ready));
            if (compareDelegates) {
                view.setItemDelegate(&general);
                generalSorted.append(sortAndPaint(order, nullptr));
                view.setItemDelegate(windowDelegate);
            }
        }
        StoreSessionQuery query;
        query.sortKey = StoreSessionTableModel::sortKey(column);
        query.limit = StoreSessionTableModel::WindowSize;
        const double baseline = sqliteMs(path, literalSql(query), runs);
        const double ours = Bench::median(sorted);
        rows.append(
            {QStringLiteral("sort by %1 to first rows painted").arg(SessionColumns::title(column)),
             ms(ours), ms(baseline), ratio(ours, baseline)});
        available.append({QStringLiteral("sort by %1 to first rows in the model")
                              .arg(SessionColumns::title(column)),
                          ms(Bench::median(ready)), ms(baseline),
                          ratio(Bench::median(ready), baseline)});
        if (compareDelegates) {
            const QString measure = QStringLiteral("sort by %1 to first rows painted, %2")
                                        .arg(SessionColumns::title(column));
            delegates.append({measure.arg(QStringLiteral("window's delegate")), ms(ours),
                              ms(baseline), ratio(ours, baseline)});
            const double theirs = Bench::median(generalSorted);
            delegates.append({measure.arg(QStringLiteral("Qt's general delegate")), ms(theirs),
                              ms(baseline), ratio(theirs, baseline)});
        }
        if (ours / baseline > worst) {
            worst = ours / baseline;
            worstColumn = SessionColumns::title(column);
        }
    }
    Bench::printTable(out,
                      QStringLiteral("Offline window, %1 sessions (wall time, lower is better; "
                                     "target: within 2x of sqlite3)")
                          .arg(QLocale().toString(sessions)),
                      rows);
    Bench::printTable(out,
                      QStringLiteral("The same without the paint: rows in the model, ready to "
                                     "show (lower is better)"),
                      available);
    out << "\nEach figure of the first table includes one paint of the table (1400x900, offscreen: "
        << ms(paintMs)
        << "; with Qt's general delegate in place of the window's: " << ms(generalPaintMs)
        << "; the same table with its cells empty: " << ms(blankPaintMs) << ").\n";
    if (compareDelegates)
        Bench::printTable(out,
                          QStringLiteral("The window's delegate against Qt's general one, in "
                                         "turns (wall time, lower is better)"),
                          delegates);
    out << "\nSlowest against sqlite3: " << worstColumn
        << QStringLiteral(" (%1x its time)").arg(worst, 0, 'f', 2) << ".\n";

    // Scrolling every row: the resident memory the window holds, sampled at each window (what
    // is live: see liveRssKiB).
    model->sort(SessionColumns::Created, Qt::DescendingOrder);
    Bench::waitOrDie([&] { return model->status() == StoreSessionTableModel::Status::Ready; });
    const qint64 before = Bench::liveRssKiB();
    qint64 highest = before;
    QElapsedTimer scroll;
    scroll.start();
    for (int row = 0; row < model->rowCount(); row += StoreSessionTableModel::WindowSize) {
        view.scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        view.grab();
        Bench::waitOrDie([&] { return model->isRowLoaded(row); });
        highest = qMax(highest, Bench::liveRssKiB());
    }
    const double scrollSeconds = double(scroll.elapsed()) / 1000.0;
    QList<Bench::Row> memory;
    memory.append({QStringLiteral("resident memory at the start of the scroll"),
                   QStringLiteral("%1 MiB").arg(before / 1024.0, 0, 'f', 1),
                   {},
                   {}});
    memory.append({QStringLiteral("highest while scrolling all %1 rows (%2 s)")
                       .arg(QLocale().toString(model->rowCount()))
                       .arg(scrollSeconds, 0, 'f', 1),
                   QStringLiteral("%1 MiB (+%2 MiB)")
                       .arg(highest / 1024.0, 0, 'f', 1)
                       .arg((highest - before) / 1024.0, 0, 'f', 1),
                   {},
                   {}});
    memory.append(
        {QStringLiteral("windows of rows held at the end (bound)"),
         QStringLiteral("%1 (%2)").arg(model->cachedWindowCount()).arg(model->cacheBound()),
         {},
         {}});
    Bench::printTable(out, QStringLiteral("Memory while scrolling (target: flat)"), memory);
    return 0;
}
