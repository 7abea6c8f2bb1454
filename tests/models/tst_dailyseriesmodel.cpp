// The daily series: one pass over 90 days of sessions, bucketed by the user's local day, whose
// days add up exactly (integer micro-dollars) to the server's totals of the range.

#include "models/dailyseriesmodel.h"
#include "reports/rangeaggregator.h"
#include "tests/models/analyticsfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AnalyticsFixture;

namespace {
constexpr int Timeout = 120000;
}

class TestDailySeriesModel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;

    std::optional<RangeAggregate> aggregate(ApiClient &client, const UsageQuery &query,
                                            const QTimeZone &zone)
    {
        RangeAggregator aggregator(&client);
        std::optional<RangeAggregate> result;
        connect(&aggregator, &RangeAggregator::finished, this,
                [&](quint64, const RangeAggregate &a, const CollectionSummary &) { result = a; });
        aggregator.start(query, zone);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
        }();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void daysAddUpToTheRangeTotals_data()
    {
        QTest::addColumn<QByteArray>("zoneId");
        QTest::newRow("UTC") << QByteArray("UTC");
        // 90 days before the reference date include the spring change to summer time.
        QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
        QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles");
    }

    void daysAddUpToTheRangeTotals()
    {
        QFETCH(QByteArray, zoneId);
        const QTimeZone zone(zoneId);
        QVERIFY(zone.isValid());
        const QDate last = Now.toTimeZone(zone).date();
        const QDate first = last.addDays(-89);
        UsageQuery query;
        query.range = UtcRange::forDays(first, last, zone);

        ClientStack stack(*m_server);
        const auto result = aggregate(stack.client, query, zone);
        QVERIFY(result);
        DailySeriesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAggregate(*result, first, last);
        QCOMPARE(model.rowCount(), 90);
        QCOMPARE(model.slugs(), slugs(m_server->dataset()));

        for (const QString &slug : model.slugs()) {
            // The server's totals for the same character and range.
            UsageQuery one = query;
            one.characterSlug = slug;
            one.pageSize = 1;
            std::optional<UsageTotals> server;
            stack.client.fetchUsage(one, this, [&](Result<UsagePage> r) {
                if (r)
                    server = r.value().totals;
            });
            QTRY_VERIFY_WITH_TIMEOUT(server.has_value(), Timeout);
            qint64 sessions = 0;
            Money cost;
            for (int row = 0; row < model.rowCount(); ++row) {
                const int column = int(model.slugs().indexOf(slug)) + 1;
                sessions +=
                    model.index(row, column).data(DailySeriesModel::SessionsRole).toLongLong();
                cost += Money::fromMicros(
                    model.index(row, column).data(DailySeriesModel::CostMicrosRole).toLongLong());
            }
            QCOMPARE(sessions, server->sessions);
            QCOMPARE(cost, server->estimatedCost);
            QCOMPARE(model.total(slug).cost, server->estimatedCost);
            const Expected e = expected(m_server->dataset(), slug, query.range);
            QCOMPARE(cost.micros(), e.costMicros);
        }

        // Each day independently: the dataset's sessions whose local date is that day.
        const QString slug = model.slugs().constFirst();
        for (int row = 0; row < model.rowCount(); row += 7) {
            const QDate day = first.addDays(row);
            const Expected e = expected(m_server->dataset(), [&](const DemoSession &s) {
                return s.characterSlug == slug &&
                       QDateTime::fromMSecsSinceEpoch(s.createdAtMs, zone).date() == day;
            });
            QCOMPARE(model.figures(row, slug).sessions, e.sessions);
            QCOMPARE(model.figures(row, slug).cost.micros(), e.costMicros);
            QCOMPARE(model.index(row, 0).data(DailySeriesModel::DayRole).toDate(), day);
        }
    }

    void metricSwitchTellsViewsOnce()
    {
        ClientStack stack(*m_server);
        UsageQuery query;
        const QDate last = Now.date();
        query.range = UtcRange::forDays(last.addDays(-6), last, QTimeZone::utc());
        const auto result = aggregate(stack.client, query, QTimeZone::utc());
        QVERIFY(result);
        DailySeriesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAggregate(*result, last.addDays(-6), last);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setMetric(DailySeriesModel::Metric::Cost);
        QCOMPARE(changed.size(), 1);
        const QModelIndex cell = model.index(0, 1);
        QCOMPARE(cell.data(DailySeriesModel::SortRole),
                 cell.data(DailySeriesModel::CostMicrosRole));
        QCOMPARE(cell.data().toString(),
                 Money::fromMicros(cell.data(DailySeriesModel::CostMicrosRole).toLongLong())
                     .toDecimalString());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDailySeriesModel)
#include "tst_dailyseriesmodel.moc"
