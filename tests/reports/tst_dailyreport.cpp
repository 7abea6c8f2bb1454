// The daily report of one character: totals of the day and of the day before (from the server,
// checked against the dataset), the top sessions, the per-hour split, and the previous period
// of equal length around daylight-saving changes.

#include "reports/dailyreportbuilder.h"
#include "tests/models/analyticsfixture.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace AnalyticsFixture;

class TestDailyReport final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void previousPeriodHasEqualLength()
    {
        const QTimeZone berlin("Europe/Berlin");
        // 2026-03-29 has 23 hours in Berlin; the day before it has 24.
        const UtcRange day = UtcRange::forDays(QDate(2026, 3, 30), QDate(2026, 3, 30), berlin);
        QCOMPARE(DailyReport::previousPeriod(day, berlin),
                 UtcRange::forDays(QDate(2026, 3, 29), QDate(2026, 3, 29), berlin));
        const UtcRange week = UtcRange::forDays(QDate(2026, 5, 1), QDate(2026, 5, 7), berlin);
        QCOMPARE(DailyReport::previousPeriod(week, berlin),
                 UtcRange::forDays(QDate(2026, 4, 24), QDate(2026, 4, 30), berlin));
        const UtcRange odd{1'000'000'000LL, 1'000'000'999LL};
        QCOMPARE(DailyReport::previousPeriod(odd, berlin),
                 (UtcRange{999'999'000LL, 999'999'999LL}));
        QCOMPARE(DailyReport::previousPeriod({}, berlin), UtcRange{});
    }

    void reportMatchesTheDataset()
    {
        ClientStack stack(*m_server);
        DailyReportBuilder builder(&stack.client);
        QSignalSpy ready(&builder, &DailyReportBuilder::ready);
        const QString slug = m_server->dataset().sessions().at(10).characterSlug;
        const QTimeZone zone("Europe/Berlin");
        const QDate day = Now.toTimeZone(zone).date().addDays(-1);
        const UtcRange range = UtcRange::forDays(day, day, zone);
        builder.start(slug, {}, range, zone);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        const auto report = ready.first().first().value<DailyReport>();

        compareTotals(report.totals, expected(m_server->dataset(), slug, range));
        const UtcRange before = UtcRange::forDays(day.addDays(-1), day.addDays(-1), zone);
        QCOMPARE(report.previousRange, before);
        compareTotals(report.previous, expected(m_server->dataset(), slug, before));
        QVERIFY(report.totals.sessions > 0);

        QList<DemoSession> sessions;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.characterSlug == slug && inRange(s, range))
                sessions.append(s);
        }
        auto byCost = sessions;
        std::stable_sort(
            byCost.begin(), byCost.end(),
            [](const DemoSession &a, const DemoSession &b) { return a.costMicros > b.costMicros; });
        QCOMPARE(report.costliest.size(), qMin<qsizetype>(5, sessions.size()));
        for (int i = 0; i < report.costliest.size(); ++i)
            QCOMPARE(report.costliest.at(i).cost.micros(), byCost.at(i).costMicros);
        QCOMPARE(report.costliest.first().sessionId, byCost.first().sessionId);
        auto byLength = sessions;
        std::stable_sort(
            byLength.begin(), byLength.end(),
            [](const DemoSession &a, const DemoSession &b) { return a.durationDs > b.durationDs; });
        for (int i = 0; i < report.longest.size(); ++i)
            QCOMPARE(qint64(std::llround(report.longest.at(i).durationSeconds * 10)),
                     byLength.at(i).durationDs);

        qint64 hourSessions = 0;
        Money hourCost;
        for (int hour = 0; hour < 24; ++hour) {
            qint64 want = 0;
            for (const DemoSession &s : sessions)
                want += QDateTime::fromMSecsSinceEpoch(s.createdAtMs, zone).time().hour() == hour;
            QCOMPARE(report.hours.at(hour).sessions, want);
            hourSessions += report.hours.at(hour).sessions;
            hourCost += report.hours.at(hour).cost;
        }
        QCOMPARE(hourSessions, report.totals.sessions);
        QCOMPARE(hourCost, report.totals.estimatedCost);

        const auto changes = report.changes();
        QCOMPARE(changes.first().key, QStringLiteral("sessions"));
        QCOMPARE(changes.first().absolute,
                 double(report.totals.sessions - report.previous.sessions));
        if (report.previous.sessions > 0)
            QVERIFY(qAbs(*changes.first().percent -
                         100.0 * double(report.totals.sessions - report.previous.sessions) /
                             double(report.previous.sessions)) < 1e-9);
        QCOMPARE(changes.at(1).absoluteText,
                 (report.totals.estimatedCost - report.previous.estimatedCost).toDecimalString());
    }
};

QTEST_GUILESS_MAIN(TestDailyReport)
#include "tst_dailyreport.moc"
