#include "ui/sessions/filterbar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTest>

class TestFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetBoundsInZone_data();
    void presetBoundsInZone();
    void customDaysAcrossDstChange();
    void allTimeHasNoBounds();
    void allTimeShowsNoStaleDates();
    void enterApplies();
    void stateRoundTrips();
    void dateErrorShows();

private:
    static qint64 micros(const QDateTime &dt) { return dt.toMSecsSinceEpoch() * 1000; }
};

void TestFilterBar::presetBoundsInZone_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("preset");
    QTest::addColumn<QString>("start"); // UTC
    QTest::addColumn<QString>("end");   // UTC, inclusive
    using P = FilterBar::Preset;
    // Berlin leaves summer time on 2026-10-25: that day is 25 hours long.
    const QDateTime afterChange(QDate(2026, 10, 25), QTime(22, 30), QTimeZone::utc()); // 23:30 CET
    QTest::newRow("today, 25-hour day") << afterChange << int(P::Today) << "2026-10-24T22:00:00Z"
                                        << "2026-10-25T22:59:59.999999Z";
    QTest::newRow("yesterday") << afterChange << int(P::Yesterday) << "2026-10-23T22:00:00Z"
                               << "2026-10-24T21:59:59.999999Z";
    QTest::newRow("last 7 days") << afterChange << int(P::Last7Days) << "2026-10-18T22:00:00Z"
                                 << "2026-10-25T22:59:59.999999Z";
    // 2026-03-29: 23 hours long.
    const QDateTime spring(QDate(2026, 3, 29), QTime(12, 0), QTimeZone::utc());
    QTest::newRow("today, 23-hour day") << spring << int(P::Today) << "2026-03-28T23:00:00Z"
                                        << "2026-03-29T21:59:59.999999Z";
    QTest::newRow("this month") << spring << int(P::ThisMonth) << "2026-02-28T23:00:00Z"
                                << "2026-03-29T21:59:59.999999Z";
    QTest::newRow("last 30 days") << spring << int(P::Last30Days) << "2026-02-27T23:00:00Z"
                                  << "2026-03-29T21:59:59.999999Z";
    // Late evening UTC is already tomorrow in Berlin: "today" follows the zone.
    const QDateTime lateUtc(QDate(2026, 7, 1), QTime(23, 30), QTimeZone::utc());
    QTest::newRow("today is Berlin's day") << lateUtc << int(P::Today) << "2026-07-01T22:00:00Z"
                                           << "2026-07-02T21:59:59.999999Z";
}

void TestFilterBar::presetBoundsInZone()
{
    QFETCH(QDateTime, now);
    QFETCH(int, preset);
    QFETCH(QString, start);
    QFETCH(QString, end);
    FilterBar bar;
    bar.setClock([now] { return now; });
    bar.setTimeZone(QTimeZone("Europe/Berlin"));
    bar.setPreset(FilterBar::Preset(preset));
    const UsageQuery q = bar.query();
    QVERIFY(q.range.startMicros && q.range.endMicros);
    QCOMPARE(formatIsoUtc(*q.range.startMicros), start);
    QCOMPARE(formatIsoUtc(*q.range.endMicros), end);
}

void TestFilterBar::customDaysAcrossDstChange()
{
    FilterBar bar;
    bar.setTimeZone(QTimeZone("Europe/Berlin"));
    bar.setCustomDays(QDate(2026, 10, 24), QDate(2026, 10, 25));
    const UsageQuery q = bar.query();
    QCOMPARE(formatIsoUtc(*q.range.startMicros), QStringLiteral("2026-10-23T22:00:00Z"));
    QCOMPARE(formatIsoUtc(*q.range.endMicros), QStringLiteral("2026-10-25T22:59:59.999999Z"));
    // 24 + 25 hours, to the microsecond.
    QCOMPARE(*q.range.endMicros - *q.range.startMicros + 1, 49LL * 3600 * 1000000);
    // The same days in UTC.
    bar.setTimeZone(QTimeZone::utc());
    QCOMPARE(bar.preset(), FilterBar::Preset::Custom);
    QCOMPARE(formatIsoUtc(*bar.query().range.startMicros), QStringLiteral("2026-10-24T00:00:00Z"));
}

void TestFilterBar::allTimeHasNoBounds()
{
    FilterBar bar;
    bar.setCharacter(QStringLiteral("  support-bot "));
    bar.setTenant(QStringLiteral("tenant_acme"));
    const UsageQuery q = bar.query();
    QVERIFY(!q.range.startMicros && !q.range.endMicros);
    QCOMPARE(q.characterSlug, QStringLiteral("support-bot"));
    QCOMPARE(q.tenantId, QStringLiteral("tenant_acme"));
}

void TestFilterBar::enterApplies()
{
    FilterBar bar;
    bar.show();
    QSignalSpy applied(&bar, &FilterBar::applied);
    auto *character = bar.findChild<QComboBox *>(QStringLiteral("characterFilter"));
    QVERIFY(character);
    character->setFocus();
    QTest::keyClicks(character, QStringLiteral("coach"));
    QTest::keyClick(character, Qt::Key_Return);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().at(0).value<UsageQuery>().characterSlug, QStringLiteral("coach"));
    QCOMPARE(character->count(), 0); // Enter applies, it does not add a list entry
}

void TestFilterBar::stateRoundTrips()
{
    FilterBar a;
    a.addKnownCharacters({QStringLiteral("b-bot"), QStringLiteral("a-bot")});
    a.setCharacter(QStringLiteral("a-bot"));
    a.setCustomDays(QDate(2026, 1, 2), QDate(2026, 1, 5));
    FilterBar b;
    b.restoreState(a.saveState());
    QCOMPARE(b.query(), a.query());
    QCOMPARE(b.knownCharacters(), (QStringList{QStringLiteral("a-bot"), QStringLiteral("b-bot")}));
}

void TestFilterBar::dateErrorShows()
{
    FilterBar bar;
    bar.setDateError(QStringLiteral("Enter a valid date/time."));
    QCOMPARE(bar.dateError(), QStringLiteral("Enter a valid date/time."));
    bar.apply(); // applying again clears it until the server answers
    QVERIFY(bar.dateError().isEmpty());
}

void TestFilterBar::allTimeShowsNoStaleDates()
{
    FilterBar bar;
    const QDate first(2026, 3, 2);
    const QDate last(2026, 3, 9);
    bar.setCustomDays(first, last);
    const auto edits = bar.findChildren<QDateEdit *>();
    QCOMPARE(edits.size(), 2);
    QCOMPARE(edits.first()->text(), QStringLiteral("2026-03-02"));
    // All time: the greyed boxes show a dash, not March's dates.
    bar.setPreset(FilterBar::Preset::AllTime);
    for (const QDateEdit *edit : edits) {
        QVERIFY(!edit->isEnabled());
        QCOMPARE(edit->text(), QStringLiteral("—"));
    }
    QCOMPARE(bar.days(), (std::pair<QDate, QDate>{}));
    // Back to a custom range: real dates again, and the range asked for is a range.
    bar.setPreset(FilterBar::Preset::Custom);
    for (const QDateEdit *edit : edits) {
        QVERIFY(edit->isEnabled());
        QVERIFY(edit->text() != QStringLiteral("—"));
    }
    QVERIFY(bar.days().first.isValid());
    bar.setCustomDays(first, last);
    QCOMPARE(bar.days(), (std::pair<QDate, QDate>{first, last}));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
