#include "api/usagequery.h"

#include <QTest>
#include <QUrlQuery>

class TestUsageQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryStringCarriesEveryFilter()
    {
        UsageQuery q;
        q.characterSlug = QStringLiteral("support+bot&x=1");
        q.tenantId = QStringLiteral("acme");
        q.range.startMicros = *parseIsoDateTime(QStringView(u"2026-05-01T00:00:00Z"));
        q.range.endMicros = *parseIsoDateTime(QStringView(u"2026-05-01T23:59:59.999999Z"));
        q.page = 3;
        q.pageSize = 200;
        const QString text = q.toQueryString();
        QVERIFY2(text.contains(QStringLiteral("character_slug=support%2Bbot%26x%3D1")),
                 qPrintable(text));
        const QUrlQuery parsed(text);
        QCOMPARE(parsed.queryItemValue(QStringLiteral("character_slug"), QUrl::FullyDecoded),
                 QStringLiteral("support+bot&x=1"));
        QCOMPARE(parsed.queryItemValue(QStringLiteral("tenant_id")), QStringLiteral("acme"));
        QCOMPARE(parsed.queryItemValue(QStringLiteral("start"), QUrl::FullyDecoded),
                 QStringLiteral("2026-05-01T00:00:00Z"));
        QCOMPARE(parsed.queryItemValue(QStringLiteral("end"), QUrl::FullyDecoded),
                 QStringLiteral("2026-05-01T23:59:59.999999Z"));
        QCOMPARE(parsed.queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
        QCOMPARE(parsed.queryItemValue(QStringLiteral("page_size")), QStringLiteral("200"));
    }

    void emptyFiltersAreLeftOut()
    {
        const QString text = UsageQuery().toQueryString();
        QCOMPARE(text, QStringLiteral("page=1&page_size=50"));
        UsageQuery a, b;
        b.page = 7;
        QVERIFY(a.sameFilter(b));
        QCOMPARE(a.atPage(7), b);
    }

    void localDaysBecomeInclusiveUtcBounds_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::newRow("utc day") << QByteArray("UTC") << QDate(2026, 5, 1) << QDate(2026, 5, 1)
                                 << QStringLiteral("2026-05-01T00:00:00Z")
                                 << QStringLiteral("2026-05-01T23:59:59.999999Z");
        QTest::newRow("berlin summer")
            << QByteArray("Europe/Berlin") << QDate(2026, 7, 10) << QDate(2026, 7, 10)
            << QStringLiteral("2026-07-09T22:00:00Z")
            << QStringLiteral("2026-07-10T21:59:59.999999Z");
        // 29 March 2026: clocks go forward, the day lasts 23 hours.
        QTest::newRow("berlin spring forward")
            << QByteArray("Europe/Berlin") << QDate(2026, 3, 29) << QDate(2026, 3, 29)
            << QStringLiteral("2026-03-28T23:00:00Z")
            << QStringLiteral("2026-03-29T21:59:59.999999Z");
        // 25 October 2026: clocks go back, the day lasts 25 hours.
        QTest::newRow("berlin fall back")
            << QByteArray("Europe/Berlin") << QDate(2026, 10, 25) << QDate(2026, 10, 25)
            << QStringLiteral("2026-10-24T22:00:00Z")
            << QStringLiteral("2026-10-25T22:59:59.999999Z");
        QTest::newRow("new york week")
            << QByteArray("America/New_York") << QDate(2026, 1, 1) << QDate(2026, 1, 7)
            << QStringLiteral("2026-01-01T05:00:00Z")
            << QStringLiteral("2026-01-08T04:59:59.999999Z");
        QTest::newRow("kiritimati ahead")
            << QByteArray("Pacific/Kiritimati") << QDate(2026, 2, 1) << QDate(2026, 2, 1)
            << QStringLiteral("2026-01-31T10:00:00Z")
            << QStringLiteral("2026-02-01T09:59:59.999999Z");
    }
    void localDaysBecomeInclusiveUtcBounds()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(QString, start);
        QFETCH(QString, end);
        const QTimeZone tz(zone);
        QVERIFY(tz.isValid());
        const UtcRange range = UtcRange::forDays(first, last, tz);
        QCOMPARE(formatIsoUtc(*range.startMicros), start);
        QCOMPARE(formatIsoUtc(*range.endMicros), end);
    }

    void openRanges()
    {
        const UtcRange range = UtcRange::forDays(QDate(), QDate(2026, 1, 1), QTimeZone::utc());
        QVERIFY(!range.startMicros);
        QVERIFY(range.endMicros);
    }

    void parseIso_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty = invalid
        QTest::newRow("z") << QStringLiteral("2026-05-28T14:23:48Z")
                           << QStringLiteral("2026-05-28T14:23:48Z");
        QTest::newRow("micros") << QStringLiteral("2026-05-28T14:23:48.123456Z")
                                << QStringLiteral("2026-05-28T14:23:48.123456Z");
        QTest::newRow("millis") << QStringLiteral("2026-05-28T14:23:48.5Z")
                                << QStringLiteral("2026-05-28T14:23:48.500000Z");
        QTest::newRow("nanos truncated") << QStringLiteral("2026-05-28T14:23:48.999999999Z")
                                         << QStringLiteral("2026-05-28T14:23:48.999999Z");
        QTest::newRow("offset") << QStringLiteral("2026-05-28T16:23:48+02:00")
                                << QStringLiteral("2026-05-28T14:23:48Z");
        QTest::newRow("negative offset")
            << QStringLiteral("2026-05-28T09:23:48-0500") << QStringLiteral("2026-05-28T14:23:48Z");
        QTest::newRow("no seconds")
            << QStringLiteral("2026-05-28T14:23Z") << QStringLiteral("2026-05-28T14:23:00Z");
        QTest::newRow("date only")
            << QStringLiteral("2026-05-28") << QStringLiteral("2026-05-28T00:00:00Z");
        QTest::newRow("no zone") << QStringLiteral("2026-05-28T14:23:48") << QString();
        QTest::newRow("bad month") << QStringLiteral("2026-13-01T00:00:00Z") << QString();
        QTest::newRow("feb 30") << QStringLiteral("2026-02-30T00:00:00Z") << QString();
        QTest::newRow("hour 24") << QStringLiteral("2026-02-01T24:00:00Z") << QString();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QString();
        QTest::newRow("trailing") << QStringLiteral("2026-05-28T14:23:48Zjunk") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void parseIso()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto micros = parseIsoDateTime(QStringView(text));
        QCOMPARE(micros.has_value(), !normalised.isEmpty());
        if (micros)
            QCOMPARE(formatIsoUtc(*micros), normalised);
    }

    void beforeEpoch()
    {
        const auto micros = parseIsoDateTime(QStringView(u"1969-12-31T23:59:59.5Z"));
        QVERIFY(micros);
        QCOMPARE(*micros, qint64(-500000));
        QCOMPARE(formatIsoUtc(*micros), QStringLiteral("1969-12-31T23:59:59.500000Z"));
    }
};

QTEST_GUILESS_MAIN(TestUsageQuery)
#include "tst_usagequery.moc"
