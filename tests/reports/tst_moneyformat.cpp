#include "reports/moneyformat.h"

#include <QTest>

namespace {
Money dollars(const char *text)
{
    return *Money::parse(std::string_view(text));
}
const QLocale English(QLocale::English, QLocale::UnitedStates);
const QLocale German(QLocale::German, QLocale::Germany);
} // namespace

class TestMoneyFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textIsAlwaysToTheCent_data();
    void textIsAlwaysToTheCent();
    void followsTheLocale();
    void exactKeepsEveryDigit();
    void changesCarryTheirSign();
    void ticksHaveTheDecimalsOfTheirStep_data();
    void ticksHaveTheDecimalsOfTheirStep();
};

void TestMoneyFormat::textIsAlwaysToTheCent_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << "0"
                          << "$0.00";
    QTest::newRow("a cent") << "0.01"
                            << "$0.01";
    QTest::newRow("half a cent rounds up") << "0.005"
                                           << "$0.01";
    QTest::newRow("below half a cent is not free") << "0.0039"
                                                   << "<$0.01";
    QTest::newRow("a micro-dollar") << "0.000001"
                                    << "<$0.01";
    QTest::newRow("thousands") << "8324.124999"
                               << "$8,324.12";
    QTest::newRow("rounds half away from zero") << "2.675"
                                                << "$2.68";
    QTest::newRow("millions") << "1234567.891"
                              << "$1,234,567.89";
    QTest::newRow("negative") << "-0.72434"
                              << "-$0.72";
    QTest::newRow("tiny negative") << "-0.001"
                                   << "-<$0.01";
}

void TestMoneyFormat::textIsAlwaysToTheCent()
{
    QFETCH(QString, amount);
    QFETCH(QString, expected);
    QCOMPARE(MoneyFormat::text(*Money::parse(amount), English), expected);
}

void TestMoneyFormat::followsTheLocale()
{
    const QString text = MoneyFormat::text(dollars("8324.12"), German);
    // German groups with a dot, uses a decimal comma and puts the symbol after the amount.
    QVERIFY2(text.startsWith(QStringLiteral("8.324,12")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("$")), qPrintable(text));
    QCOMPARE(MoneyFormat::text(dollars("8324.12"), QLocale(QLocale::German, QLocale::Germany)),
             German.toCurrencyString(8324.12, QStringLiteral("$"), 2));
    // The C locale has no currency pattern: the symbol goes in front.
    QCOMPARE(MoneyFormat::exact(dollars("0.302728"), QLocale::c()), QStringLiteral("$0.302728"));
    QCOMPARE(MoneyFormat::text(dollars("-1234.5"), QLocale::c()), QStringLiteral("-$1234.50"));
}

void TestMoneyFormat::exactKeepsEveryDigit()
{
    QCOMPARE(MoneyFormat::exact(dollars("0.0039"), English), QStringLiteral("$0.003900"));
    QCOMPARE(MoneyFormat::exact(dollars("-1442.839"), English), QStringLiteral("-$1,442.839000"));
    // Beyond what a double holds to the micro-dollar: written from the integer, digit for digit.
    QCOMPARE(MoneyFormat::exact(Money::fromMicros(9007199254740993), English),
             QStringLiteral("$9,007,199,254.740993"));
}

void TestMoneyFormat::changesCarryTheirSign()
{
    QCOMPARE(MoneyFormat::change(dollars("1.442839"), English), QStringLiteral("+$1.44"));
    QCOMPARE(MoneyFormat::change(dollars("-0.724340"), English), QStringLiteral("-$0.72"));
    QCOMPARE(MoneyFormat::change(Money(), English), QStringLiteral("$0.00"));
}

void TestMoneyFormat::ticksHaveTheDecimalsOfTheirStep_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("expected");
    QTest::newRow("thousands") << 3000.0 << 1000.0 << "$3,000";
    QTest::newRow("whole dollars") << 40.0 << 10.0 << "$40";
    QTest::newRow("quarters") << 0.75 << 0.25 << "$0.75";
    QTest::newRow("tenths") << 0.3 << 0.1 << "$0.3";
    QTest::newRow("small steps") << 0.002 << 0.001 << "$0.002";
    QTest::newRow("zero") << 0.0 << 0.05 << "$0.00";
}

void TestMoneyFormat::ticksHaveTheDecimalsOfTheirStep()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(QString, expected);
    QCOMPARE(MoneyFormat::tick(value, step, English), expected);
}

QTEST_GUILESS_MAIN(TestMoneyFormat)
#include "tst_moneyformat.moc"
