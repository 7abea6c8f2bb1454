#include "models/sessioncolumns.h"
#include "reports/comparisonmetrics.h"
#include "reports/moneyformat.h"
#include "ui/sessions/totalsbar.h"

#include <QTest>

class TestTotalsBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void formatsTheServersFigures();
    void noSessionsHasNoAverage();
    void unknownWhileLoading();
    void moneyReadsTheSameEverywhere();
    void changeAgainstThePreviousPeriod();
};

void TestTotalsBar::formatsTheServersFigures()
{
    TotalsBar bar;
    UsageTotals t;
    t.sessions = 1284;
    t.llmInputTokens = 1840234;
    t.llmOutputTokens = 612480;
    t.sttAudioSeconds = 18420.6;
    t.ttsCharacters = 1284512;
    t.estimatedCost = *Money::parse(std::string_view("18.250400"));
    bar.setTotals(t);
    using F = TotalsBar::Field;
    QCOMPARE(bar.text(F::Sessions), QStringLiteral("1,284"));
    QCOMPARE(bar.text(F::LlmInput), QStringLiteral("1,840,234"));
    QCOMPARE(bar.text(F::LlmOutput), QStringLiteral("612,480"));
    QCOMPARE(bar.text(F::SttMinutes), QStringLiteral("307.0"));
    QCOMPARE(bar.text(F::TtsCharacters), QStringLiteral("1,284,512"));
    QCOMPARE(bar.text(F::Cost), QStringLiteral("$18.25"));
    QCOMPARE(bar.toolTip(F::Cost), QStringLiteral("$18.250400"));
    // 18.2504 / 1284 = 0.014213707... -> exact to the micro-dollar in the tooltip.
    QCOMPARE(bar.toolTip(F::AverageCost), QStringLiteral("$0.014214"));
    QCOMPARE(bar.text(F::AverageCost), QStringLiteral("$0.01"));
}

void TestTotalsBar::noSessionsHasNoAverage()
{
    TotalsBar bar;
    bar.setTotals({});
    QCOMPARE(bar.text(TotalsBar::Field::Sessions), QStringLiteral("0"));
    QCOMPARE(bar.text(TotalsBar::Field::Cost), QStringLiteral("$0.00"));
    QCOMPARE(bar.text(TotalsBar::Field::AverageCost), QStringLiteral("—"));
}

void TestTotalsBar::unknownWhileLoading()
{
    TotalsBar bar;
    UsageTotals t;
    t.sessions = 5;
    bar.setTotals(t);
    bar.setUnknown();
    QCOMPARE(bar.text(TotalsBar::Field::Sessions), QStringLiteral("…"));
    QVERIFY(bar.toolTip(TotalsBar::Field::Cost).isEmpty());
}

void TestTotalsBar::moneyReadsTheSameEverywhere()
{
    // In a locale that writes money differently from en_US, the totals bar, the session table
    // and the comparison write one amount the same way, and the exact value on hover.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const Money cost = *Money::parse(std::string_view("8324.124"));
    UsageTotals t;
    t.sessions = 1;
    t.estimatedCost = cost;
    TotalsBar bar;
    bar.setTotals(t);
    SessionSummary session;
    session.estimatedCost = cost;
    CharacterStats stats;
    stats.totals = t;
    const QString text = bar.text(TotalsBar::Field::Cost);
    QVERIFY2(text.startsWith(QStringLiteral("8.324,12")), qPrintable(text));
    QCOMPARE(SessionColumns::displayText(session, SessionColumns::Cost, {}), text);
    QCOMPARE(ComparisonMetrics::displayText(ComparisonMetrics::Metric::TotalCost, stats), text);
    QCOMPARE(SessionColumns::toolTip(session, SessionColumns::Cost, {}),
             bar.toolTip(TotalsBar::Field::Cost));
    QVERIFY(bar.toolTip(TotalsBar::Field::Cost).startsWith(QStringLiteral("8.324,124000")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTotalsBar::changeAgainstThePreviousPeriod()
{
    TotalsBar bar;
    UsageTotals now;
    now.sessions = 1280;
    now.llmInputTokens = 500;
    now.estimatedCost = *Money::parse(std::string_view("20.00"));
    UsageTotals before;
    before.sessions = 1000;
    before.llmInputTokens = 0;
    before.estimatedCost = *Money::parse(std::string_view("25.00"));
    bar.setTotals(now);
    QCOMPARE(bar.changeText(TotalsBar::Field::Sessions), QString()); // no previous period yet
    bar.setPrevious(before);
    QCOMPARE(bar.changeText(TotalsBar::Field::Sessions), QStringLiteral("▲ 28 %"));
    QCOMPARE(bar.changeText(TotalsBar::Field::Cost), QStringLiteral("▼ 20 %"));
    QCOMPARE(bar.changeText(TotalsBar::Field::LlmInput), QStringLiteral("new"));
    QCOMPARE(bar.changeText(TotalsBar::Field::TtsCharacters), QStringLiteral("±0 %"));
    // While the next figures load, and for "All time", no change is shown.
    bar.setUnknown();
    QCOMPARE(bar.changeText(TotalsBar::Field::Sessions), QString());
    bar.setTotals(now);
    bar.setPrevious(std::nullopt);
    QCOMPARE(bar.changeText(TotalsBar::Field::Sessions), QString());
}

QTEST_MAIN(TestTotalsBar)
#include "tst_totalsbar.moc"
