// From query to chart: per-character totals for 50 characters, and a 90-day daily series by
// the two strategies the issue weighs (one request per day and character, or one pass over the
// range's sessions), against the in-process demo server. Prints request counts and median
// wall times; the figures behind the per-day strategy chosen in DailySeriesModel.

#include "api/apiclient.h"
#include "bench/benchutil.h"
#include "demo/demoserver.h"
#include "models/characterpalette.h"
#include "models/charactertotalsfetcher.h"
#include "models/charactertotalsmodel.h"
#include "models/dailyseriesmodel.h"
#include "reports/rangeaggregator.h"
#include "ui/charts/characterbarchart.h"
#include "ui/charts/dailyserieschart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

namespace {
const QDateTime Now(QDate(2026, 5, 28), QTime(14, 23, 48), QTimeZone::utc());

struct Stack
{
    explicit Stack(DemoServer &server)
    {
        client.setBaseUrl(server.apiBaseUrl());
        client.setCredentials({server.staffApiKey(), {}});
    }
    QNetworkAccessManager network;
    ApiClient client{&network};
};

QStringList fiftySlugs(const DemoDataset &data)
{
    QStringList slugs;
    for (const DemoCharacter &c : data.characters())
        slugs.append(c.slug);
    // The demo has eight characters; the rest are slugs nobody owns, which the API answers
    // with zero totals at the same cost as a real one.
    for (int i = 0; slugs.size() < 50; ++i)
        slugs.append(QStringLiteral("bench-character-%1").arg(i, 2, 10, QLatin1Char('0')));
    return slugs;
}

/// Totals for `slugs` through the model, then the bar chart drawn; returns milliseconds.
double totalsToChart(DemoServer &server, const QStringList &slugs, int parallel, quint64 *requests)
{
    Stack stack(server);
    CharacterTotalsFetcher fetcher(&stack.client);
    fetcher.setMaxInFlight(parallel);
    CharacterTotalsModel model(&fetcher);
    CharacterPalette palette;
    CharacterBarChart chart(&model, &palette);
    chart.resize(1200, 600);
    QElapsedTimer timer;
    timer.start();
    model.setFilter({}, UtcRange::forDays(Now.date().addDays(-89), Now.date(), QTimeZone::utc()));
    model.addCharacters(slugs);
    if (!QTest::qWaitFor([&] { return model.status() == CharacterTotalsModel::Status::Ready; },
                         300000))
        qFatal("totals did not arrive");
    chart.rebuildNow();
    (void)chart.grab();
    *requests = fetcher.requestCount();
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Strategy A: one request per day and character (page_size=1), `parallel` at a time.
double perDayRequests(DemoServer &server, const QStringList &slugs, const QTimeZone &zone,
                      int parallel, int *requests, Money *sum)
{
    Stack stack(server);
    QList<UsageQuery> queue;
    for (int d = 0; d < 90; ++d) {
        const QDate day = Now.date().addDays(-89 + d);
        for (const QString &slug : slugs) {
            UsageQuery q;
            q.characterSlug = slug;
            q.range = UtcRange::forDays(day, day, zone);
            q.pageSize = 1;
            queue.append(q);
        }
    }
    *requests = int(queue.size());
    int inFlight = 0, done = 0;
    *sum = {};
    QElapsedTimer timer;
    timer.start();
    std::function<void()> pump = [&] {
        while (inFlight < parallel && !queue.isEmpty()) {
            ++inFlight;
            stack.client.fetchUsage(queue.takeFirst(), &stack.client, [&](Result<UsagePage> r) {
                --inFlight;
                ++done;
                if (r)
                    *sum += r.value().totals.estimatedCost;
                pump();
            });
        }
    };
    pump();
    if (!QTest::qWaitFor([&] { return done == *requests; }, 600000))
        qFatal("per-day requests did not finish");
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Strategy B: one pass over the range's sessions, bucketed locally, then the chart drawn.
double onePass(DemoServer &server, const QTimeZone &zone, int *pages, Money *sum, double *chartMs)
{
    Stack stack(server);
    RangeAggregator aggregator(&stack.client);
    std::optional<RangeAggregate> result;
    QObject::connect(
        &aggregator, &RangeAggregator::finished, &aggregator,
        [&](quint64, const RangeAggregate &a, const CollectionSummary &) { result = a; });
    const QDate first = Now.date().addDays(-89);
    UsageQuery query;
    query.range = UtcRange::forDays(first, Now.date(), zone);
    QElapsedTimer timer;
    timer.start();
    aggregator.start(query, zone);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 600000))
        qFatal("the pass did not finish");
    const double fetchMs = double(timer.nsecsElapsed()) / 1e6;
    DailySeriesModel model;
    CharacterPalette palette;
    DailySeriesChart chart(&model, &palette);
    chart.resize(1200, 600);
    QElapsedTimer draw;
    draw.start();
    model.setAggregate(*result, first, Now.date());
    chart.rebuildNow();
    (void)chart.grab();
    *chartMs = double(draw.nsecsElapsed()) / 1e6;
    *pages = aggregator.pagesFetched();
    *sum = model.total().cost;
    return fetchMs + *chartMs;
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = 3;
    for (const int sessions : {2000, 20000}) {
        DemoOptions options;
        options.sessions = sessions;
        options.seed = 7;
        options.now = Now;
        options.clock = [] {
            return Now;
        };
        DemoServer server(options);
        QString error;
        if (!server.start(&error)) {
            out << "cannot start the demo server: " << error << Qt::endl;
            return 1;
        }
        const QStringList slugs = fiftySlugs(server.dataset());
        QList<Bench::Row> rows;
        for (const int parallel : {1, 6, 12}) {
            quint64 requests = 0;
            QList<double> times;
            for (int i = 0; i < runs; ++i)
                times.append(totalsToChart(server, slugs, parallel, &requests));
            rows.append(
                {QStringLiteral("totals of 50 characters to bars, %1 in flight").arg(parallel),
                 QStringLiteral("%1 ms").arg(Bench::median(times), 0, 'f', 1),
                 QStringLiteral("%1 requests").arg(requests),
                 {}});
        }
        const QTimeZone zone("Europe/Berlin");
        QStringList eight = slugs.mid(0, 8);
        int perDay = 0, pages = 0;
        Money perDaySum, passSum;
        double chartMs = 0;
        QList<double> a, b;
        for (int i = 0; i < runs; ++i) {
            a.append(perDayRequests(server, eight, zone, 6, &perDay, &perDaySum));
            b.append(onePass(server, zone, &pages, &passSum, &chartMs));
        }
        const double ma = Bench::median(a), mb = Bench::median(b);
        rows.append({QStringLiteral("90 days x 8: one request per day and character"),
                     QStringLiteral("%1 ms").arg(ma, 0, 'f', 1),
                     QStringLiteral("%1 requests").arg(perDay),
                     {}});
        rows.append({QStringLiteral("90 days x 8: one pass over the sessions, to chart"),
                     QStringLiteral("%1 ms").arg(mb, 0, 'f', 1),
                     QStringLiteral("%1 pages of 200").arg(pages),
                     QStringLiteral("%1x faster").arg(ma / mb, 0, 'f', 1)});
        rows.append({QStringLiteral("  of which model + chart"),
                     QStringLiteral("%1 ms").arg(chartMs, 0, 'f', 1),
                     {},
                     {}});
        rows.append({QStringLiteral("sums agree to the micro-dollar"),
                     perDaySum == passSum ? QStringLiteral("yes") : QStringLiteral("NO"),
                     perDaySum.toDecimalString(),
                     {}});
        Bench::printTable(out, QStringLiteral("bench_charts, demo with %1 sessions").arg(sessions),
                          rows);
    }
    return 0;
}
