#include "models/sessioncolumns.h"
#include "models/sessionsortindex.h"

#include <QTest>

class TestSessionSortIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersByColumn_data();
    void ordersByColumn();
    void findsRowsAgain();
    void staysSmall();

private:
    static QList<SessionSummary> page(int first, int count);
};

QList<SessionSummary> TestSessionSortIndex::page(int first, int count)
{
    QList<SessionSummary> sessions;
    for (int i = first; i < first + count; ++i) {
        SessionSummary s;
        s.id = 1000 - i;
        s.sessionId = QStringLiteral("sess_%1").arg(i);
        s.characterSlug = (i % 3 == 0) ? QStringLiteral("beta") : QStringLiteral("Alpha");
        s.createdAt = QDateTime::fromSecsSinceEpoch(2000000000 - i * 60, QTimeZone::utc());
        s.estimatedCost = Money::fromMicros((i * 7919) % 1000);
        s.turnCount = i % 5;
        sessions.append(s);
    }
    return sessions;
}

void TestSessionSortIndex::ordersByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::newRow("cost asc") << int(SessionColumns::Cost) << int(Qt::AscendingOrder);
    QTest::newRow("cost desc") << int(SessionColumns::Cost) << int(Qt::DescendingOrder);
    QTest::newRow("character asc") << int(SessionColumns::Character) << int(Qt::AscendingOrder);
    QTest::newRow("turns desc") << int(SessionColumns::Turns) << int(Qt::DescendingOrder);
    QTest::newRow("created asc") << int(SessionColumns::Created) << int(Qt::AscendingOrder);
}

void TestSessionSortIndex::ordersByColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    SessionSortIndex index;
    QList<SessionSummary> all;
    for (int p = 1; p <= 3; ++p) {
        const auto sessions = page((p - 1) * 10, 10);
        index.appendPage(p, sessions);
        all += sessions;
    }
    const QList<qint32> sorted = index.order(column, Qt::SortOrder(order));
    QCOMPARE(sorted.size(), 30);
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        const QVariant a = SessionColumns::sortValue(all[sorted[i - 1]], column);
        const QVariant b = SessionColumns::sortValue(all[sorted[i]], column);
        const int cmp = (a.typeId() == QMetaType::QString)
                            ? a.toString().compare(b.toString(), Qt::CaseInsensitive)
                        : QVariant::compare(a, b) == QPartialOrdering::Less    ? -1
                        : QVariant::compare(a, b) == QPartialOrdering::Greater ? 1
                                                                               : 0;
        QVERIFY(order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0);
        if (cmp == 0) // ties keep the server's order
            QVERIFY(sorted[i - 1] < sorted[i]);
    }
}

void TestSessionSortIndex::findsRowsAgain()
{
    SessionSortIndex index;
    index.appendPage(1, page(0, 10));
    index.appendPage(2, page(10, 5));
    QCOMPARE(index.keyOf(2, 3), 13);
    QCOMPARE(index.position(13).page, 2);
    QCOMPARE(index.position(13).index, 3);
    QCOMPARE(index.keyOf(2, 7), -1);
    QCOMPARE(index.keyOf(3, 0), -1);
}

void TestSessionSortIndex::staysSmall()
{
    SessionSortIndex index;
    for (int p = 1; p <= 50; ++p)
        index.appendPage(p, page((p - 1) * 200, 200));
    index.squeeze();
    const double perRow = double(index.bytesUsed()) / index.size();
    QVERIFY2(perRow < 100, qPrintable(QString::number(perRow)));
}

QTEST_GUILESS_MAIN(TestSessionSortIndex)
#include "tst_sessionsortindex.moc"
