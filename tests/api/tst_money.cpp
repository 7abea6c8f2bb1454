#include "api/money.h"

#include <QTest>

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("api form") << QStringLiteral("18.250400") << true << qint64(18250400);
        QTest::newRow("zero") << QStringLiteral("0.000000") << true << qint64(0);
        QTest::newRow("integer") << QStringLiteral("3") << true << qint64(3000000);
        QTest::newRow("one place") << QStringLiteral("0.5") << true << qint64(500000);
        QTest::newRow("one micro") << QStringLiteral("0.000001") << true << qint64(1);
        QTest::newRow("negative") << QStringLiteral("-1.250000") << true << qint64(-1250000);
        QTest::newRow("plus") << QStringLiteral("+2.000001") << true << qint64(2000001);
        QTest::newRow("large") << QStringLiteral("9000000000000.999999") << true
                               << qint64(9000000000000999999);
        QTest::newRow("overflow") << QStringLiteral("9300000000000.000000") << false << qint64(0);
        QTest::newRow("seven places") << QStringLiteral("0.0000001") << false << qint64(0);
        QTest::newRow("exponent") << QStringLiteral("1e3") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("sign only") << QStringLiteral("-") << false << qint64(0);
        QTest::newRow("dot only") << QStringLiteral(".") << false << qint64(0);
        QTest::newRow("leading dot") << QStringLiteral(".5") << false << qint64(0);
        QTest::newRow("trailing dot") << QStringLiteral("5.") << false << qint64(0);
        QTest::newRow("space") << QStringLiteral(" 1.0") << false << qint64(0);
        QTest::newRow("comma") << QStringLiteral("1,5") << false << qint64(0);
        QTest::newRow("nan") << QStringLiteral("NaN") << false << qint64(0);
        QTest::newRow("two dots") << QStringLiteral("1.2.3") << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, micros);
        const auto money = Money::parse(text);
        QCOMPARE(money.has_value(), valid);
        if (valid)
            QCOMPARE(money->micros(), micros);
    }

    void decimalStringRoundTrips_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0.000000");
        QTest::newRow("cents") << qint64(18250400) << QStringLiteral("18.250400");
        QTest::newRow("micro") << qint64(1) << QStringLiteral("0.000001");
        QTest::newRow("negative") << qint64(-1500000) << QStringLiteral("-1.500000");
        QTest::newRow("negative micro") << qint64(-7) << QStringLiteral("-0.000007");
    }
    void decimalStringRoundTrips()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        const Money m = Money::fromMicros(micros);
        QCOMPARE(m.toDecimalString(), text);
        QCOMPARE(Money::parse(text)->micros(), micros);
    }

    void displayString_data()
    {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("$0.00");
        QTest::newRow("rounds half up") << qint64(18255000) << QStringLiteral("$18.26");
        QTest::newRow("thousands") << qint64(1234567890000) << QStringLiteral("$1,234,567.89");
        QTest::newRow("below a cent") << qint64(4200) << QStringLiteral("$0.0042");
        QTest::newRow("negative") << qint64(-2500000) << QStringLiteral("-$2.50");
    }
    void displayString()
    {
        QFETCH(qint64, micros);
        QFETCH(QString, text);
        QCOMPARE(Money::fromMicros(micros).toDisplayString(), text);
    }

    void sumsAreExact()
    {
        // 0.1 + 0.2 in binary floating point is not 0.3; in micro-dollars it is.
        Money total;
        for (int i = 0; i < 1000; ++i)
            total += *Money::parse(std::string_view("0.100001"));
        QCOMPARE(total.toDecimalString(), QStringLiteral("100.001000"));
        QCOMPARE((*Money::parse(std::string_view("0.1")) + *Money::parse(std::string_view("0.2")))
                     .toDecimalString(),
                 QStringLiteral("0.300000"));
        QCOMPARE((Money::fromMicros(5) - Money::fromMicros(7)).micros(), qint64(-2));
        QCOMPARE((Money::fromMicros(3) * 4).micros(), qint64(12));
        QVERIFY(Money::fromMicros(1) < Money::fromMicros(2));
    }

    void division()
    {
        QCOMPARE(Money::fromMicros(10).dividedBy(4).micros(), qint64(3)); // 2.5 rounds away
        QCOMPARE(Money::fromMicros(-10).dividedBy(4).micros(), qint64(-3));
        QCOMPARE(Money::fromMicros(9).dividedBy(3).micros(), qint64(3));
        QCOMPARE(Money::fromMicros(9).dividedBy(0).micros(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
