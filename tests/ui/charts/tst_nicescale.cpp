// NiceScale: the round maximum and steps of a value axis for counts, money and shares, and the
// axis it makes for a chart.
#include "ui/charts/nicescale.h"

#include <QCategoryAxis>
#include <QTest>

#include <memory>

namespace {
/// Tick labels written as "0|1,000|2,000".
QStringList ticks(const char *joined)
{
    return QString::fromUtf8(joined).split(QLatin1Char('|'));
}
} // namespace

class TestNiceScale final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceTicks_data()
    {
        QTest::addColumn<double>("largest");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("labels");
        using K = NiceScale::Kind;
        QTest::newRow("sessions") << 4126.0 << int(K::Count)
                                  << ticks("0|1,000|2,000|3,000|4,000|5,000");
        QTest::newRow("few sessions") << 79.0 << int(K::Count) << ticks("0|20|40|60|80");
        QTest::newRow("one session") << 1.0 << int(K::Count) << ticks("0|1");
        QTest::newRow("four sessions") << 4.0 << int(K::Count) << ticks("0|1|2|3|4");
        QTest::newRow("nothing") << 0.0 << int(K::Count) << ticks("0|1");
        QTest::newRow("dollars") << 53.78 << int(K::Money) << ticks("$0|$20|$40|$60");
        QTest::newRow("thousands of dollars")
            << 3000.0 << int(K::Money) << ticks("$0|$1,000|$2,000|$3,000");
        QTest::newRow("cents") << 0.0042 << int(K::Money)
                               << ticks("$0.000|$0.001|$0.002|$0.003|$0.004|$0.005");
        QTest::newRow("shares") << 0.63 << int(K::Share) << ticks("0 %|20 %|40 %|60 %|80 %");
    }

    void niceTicks()
    {
        QFETCH(double, largest);
        QFETCH(int, kind);
        QFETCH(QStringList, labels);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const NiceScale scale = NiceScale::forMaximum(largest, NiceScale::Kind(kind));
        QCOMPARE(scale.labels(), labels);
        QVERIFY(scale.maximum() >= largest);
        // The axis a chart gets carries the same ticks, the top one at the scale's maximum.
        std::unique_ptr<QAbstractAxis> axis(scale.makeAxis(QStringLiteral("t")));
        auto *category = qobject_cast<QCategoryAxis *>(axis.get());
        QVERIFY(category);
        QCOMPARE(category->categoriesLabels(), labels);
        QCOMPARE(category->max(), scale.maximum());
        QCOMPARE(category->endValue(labels.last()), scale.maximum());
    }
};

QTEST_MAIN(TestNiceScale)
#include "tst_nicescale.moc"
