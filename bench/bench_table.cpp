// The session table against the in-process demo server (20,000 sessions): how long from a
// query to the first rows (available, then painted offscreen) compared with the bare round
// trip of page 1, and how many bytes a loaded row holds.
#include "bench/benchutil.h"

#include "api/apiclient.h"
#include "demo/demoserver.h"
#include "models/pagefetcher.h"
#include "models/sessiontablemodel.h"
#include "ui/sessions/sessiontableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace {
constexpr int Runs = 7;
constexpr int Timeout = 120000;
constexpr int PagesForMemory = 20;

/// A figure measured after a timeout would be meaningless: stop instead.
template<typename Condition> void waitOrDie(Condition condition, int timeoutMs)
{
    if (!QTest::qWaitFor(condition, timeoutMs))
        qFatal("bench_table: timed out waiting for the demo server");
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);

    DemoOptions options;
    options.sessions = 20000;
    options.seed = 7;
    DemoServer server(options);
    QString error;
    if (!server.start(&error)) {
        out << "demo server: " << error << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(server.apiBaseUrl());
    client.setCredentials({server.staffApiKey(), {}});

    // Baseline: the raw round trip of page 1 (200 rows), bytes only, nothing decoded. Each run
    // asks with an end bound of its own, as the model does when it pins its query, so that
    // neither side is served from a page the other one warmed.
    QList<double> raw;
    for (int i = 0; i < Runs; ++i) {
        UsageQuery query;
        query.pageSize = SessionTableModel::PageSize;
        query.range.endMicros = QDateTime::currentMSecsSinceEpoch() * 1000 - 1000 * (i + 1);
        QNetworkRequest request(
            client.endpoint(QStringLiteral("/api/billing/usage/"), query.toQueryString()));
        request.setRawHeader("X-API-Key", server.staffApiKey().toUtf8());
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = network.get(request);
        waitOrDie([&] { return reply->isFinished(); }, Timeout);
        raw.append(double(timer.nsecsElapsed()) / 1e6);
        reply->deleteLater();
    }

    // The model and the table: rows available, then the first frame painted.
    QList<double> available, painted;
    for (int i = 0; i < Runs; ++i) {
        PageFetcher fetcher(&client);
        SessionTableModel model(&fetcher);
        SessionTableView view;
        view.resize(1200, 800);
        view.setSessionModel(&model);
        view.show();
        QElapsedTimer timer;
        timer.start();
        model.setQuery({});
        waitOrDie([&] { return model.isRowLoaded(0); }, Timeout);
        available.append(double(timer.nsecsElapsed()) / 1e6);
        view.grab(); // a full paint of the visible rows
        painted.append(double(timer.nsecsElapsed()) / 1e6);
    }

    // Bytes per loaded row: heap before and after loading N pages into one model.
    qint64 perRow = 0;
    {
        PageFetcher fetcher(&client);
        SessionTableModel model(&fetcher);
        model.setCacheBound(PagesForMemory);
        model.setQuery({});
        waitOrDie([&] { return model.isRowLoaded(0); }, Timeout);
        const qint64 before = Bench::heapBytes();
        for (int page = 1; page < PagesForMemory; ++page) {
            const int first = page * SessionTableModel::PageSize;
            model.setViewport(first, first + 10);
            waitOrDie([&] { return model.isRowLoaded(first + 10); }, Timeout);
        }
        waitOrDie([&] { return !model.isLoading(); }, Timeout);
        const qint64 after = Bench::heapBytes();
        const int rows = (model.loadedPageCount() - 1) * SessionTableModel::PageSize;
        perRow = rows > 0 ? (after - before) / rows : 0;
    }

    const double rawMs = Bench::median(raw);
    const auto ms = [](double v) {
        return QString::number(v, 'f', 1) + QStringLiteral(" ms");
    };
    const auto ratio = [rawMs](double v) {
        return QString::number(v / rawMs, 'f', 2) + u'x';
    };
    Bench::printTable(
        out, QStringLiteral("Session table, 20,000 demo sessions (median of %1)").arg(Runs),
        {{QStringLiteral("raw round trip of page 1 (200 rows, not decoded)"), ms(rawMs), {}, {}},
         {QStringLiteral("query to first rows available"), ms(Bench::median(available)), ms(rawMs),
          ratio(Bench::median(available))},
         {QStringLiteral("query to first rows painted"), ms(Bench::median(painted)), ms(rawMs),
          ratio(Bench::median(painted))},
         {QStringLiteral("heap per loaded row, in-process server's page cache included"),
          QString::number(perRow) + QStringLiteral(" B"),
          {},
          {}}});
    return 0;
}
