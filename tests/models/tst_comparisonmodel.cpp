// The comparison table: every metric computed from known demo data, checked against figures
// computed independently from DemoServer::dataset(), and the best value of each row.

#include "models/comparisonmodel.h"
#include "reports/rangeaggregator.h"
#include "tests/models/analyticsfixture.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace AnalyticsFixture;
using ComparisonMetrics::Metric;

class TestComparisonModel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    UtcRange m_range;
    std::optional<RangeAggregate> m_aggregate;

    /// The metric as the dataset defines it, without any of the client's code.
    static std::optional<double> expectedValue(Metric metric, const Expected &e)
    {
        const double n = double(e.sessions);
        if (metric == Metric::Sessions)
            return n;
        if (metric == Metric::TotalCost)
            return double(e.costMicros) / 1e6;
        if (e.sessions == 0)
            return std::nullopt;
        switch (metric) {
        case Metric::CostPerSession:
            return double((e.costMicros + e.sessions / 2) / e.sessions) / 1e6;
        case Metric::CostPerMinute:
            return double(std::llround(double(e.costMicros) * 600.0 / double(e.durationDs))) / 1e6;
        case Metric::AverageDuration:
            return double(e.durationDs) / 10.0 / n;
        case Metric::AverageTurns:
            return double(e.turns) / n;
        case Metric::InterruptionsPerSession:
            return double(e.interruptions) / n;
        case Metric::LlmTokensPerTurn:
            return double(e.llmIn + e.llmOut) / double(e.turns);
        case Metric::SttSecondsPerSession:
            return double(e.sttDeciseconds) / 10.0 / n;
        case Metric::TtsCharactersPerSession:
            return double(e.tts) / n;
        case Metric::ReadyRecordingShare:
            return double(e.ready) / n;
        case Metric::InProgressShare:
            return double(e.inProgress) / n;
        default:
            return std::nullopt;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        // The last two days hold sessions still in progress, so that share is not all zeros.
        m_range = UtcRange::forDays(Now.date().addDays(-59), Now.date(), QTimeZone::utc());
        ClientStack stack(*m_server);
        RangeAggregator aggregator(&stack.client);
        connect(
            &aggregator, &RangeAggregator::finished, this,
            [&](quint64, const RangeAggregate &a, const CollectionSummary &) { m_aggregate = a; });
        UsageQuery query;
        query.range = m_range;
        aggregator.start(query, QTimeZone::utc());
        QTRY_VERIFY_WITH_TIMEOUT(m_aggregate.has_value(), 120000);
    }

    void metricsMatchTheDataset()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QStringList chosen = slugs(m_server->dataset()).mid(0, 4);
        model.setCharacters(chosen);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAggregate(*m_aggregate);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), ComparisonMetrics::Count);
        QCOMPARE(model.columnCount(), 4);

        for (int row = 0; row < ComparisonMetrics::Count; ++row) {
            const auto metric = Metric(row);
            QList<std::optional<double>> values;
            for (int column = 0; column < chosen.size(); ++column) {
                const Expected e = expected(m_server->dataset(), chosen.at(column), m_range);
                const auto want = expectedValue(metric, e);
                values.append(want);
                const QVariant got = model.index(row, column).data(ComparisonModel::SortRole);
                QCOMPARE(got.isValid(), want.has_value());
                if (want)
                    QVERIFY2(qAbs(got.toDouble() - *want) <= 1e-9 * qMax(1.0, qAbs(*want)),
                             qPrintable(QStringLiteral("%1 of %2: %3 != %4")
                                            .arg(ComparisonMetrics::name(metric), chosen.at(column))
                                            .arg(got.toDouble())
                                            .arg(*want)));
            }
            // The best column, found independently.
            int best = -1;
            for (int i = 0; i < values.size(); ++i) {
                if (!values.at(i))
                    continue;
                const bool higher =
                    ComparisonMetrics::better(metric) == ComparisonMetrics::Better::Higher;
                if (best < 0 ||
                    (higher ? *values.at(i) > *values.at(best) : *values.at(i) < *values.at(best)))
                    best = i;
            }
            QCOMPARE(model.bestColumn(metric), best);
            QVERIFY(model.index(row, best).data(ComparisonModel::BestRole).toBool());
            QVERIFY(model.index(row, best).data(Qt::FontRole).value<QFont>().bold());
        }
        // Money rows are exact to the micro-dollar.
        const Expected first = expected(m_server->dataset(), chosen.first(), m_range);
        QCOMPARE(model.index(int(Metric::TotalCost), 0).data(ComparisonModel::ExactRole).toString(),
                 Money::fromMicros(first.costMicros).toDecimalString());
        QVERIFY(first.inProgress > 0 ||
                expected(m_server->dataset(), QString(), m_range).inProgress >= 0);
    }

    void charactersWithoutSessionsAreUndefinedNotZero()
    {
        ComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAggregate(*m_aggregate);
        model.setCharacters({slugs(m_server->dataset()).first(), QStringLiteral("no-such-bot")});
        QCOMPARE(model.index(int(Metric::Sessions), 1).data(ComparisonModel::SortRole).toDouble(),
                 0.0);
        QVERIFY(
            !model.index(int(Metric::CostPerSession), 1).data(ComparisonModel::SortRole).isValid());
        QCOMPARE(model.index(int(Metric::CostPerSession), 1).data().toString(),
                 QStringLiteral("n/a"));
        QCOMPARE(model.bestColumn(Metric::CostPerSession), 0);
    }
};

QTEST_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
