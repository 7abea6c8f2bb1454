#include "models/sessioncolumns.h"
#include "models/sessionroworder.h"

#include <QTest>

namespace {
constexpr int PageSize = 4;

/// Pages of PageSize sessions (the last one shorter), newest first, with costs that do not
/// follow the server's order.
SessionSortIndex indexOf(int sessions)
{
    SessionSortIndex index;
    for (int page = 1; (page - 1) * PageSize < sessions; ++page) {
        QList<SessionSummary> rows;
        for (int i = (page - 1) * PageSize; i < qMin(sessions, page * PageSize); ++i) {
            SessionSummary s;
            s.sessionId = QStringLiteral("sess_%1").arg(i);
            s.createdAt = QDateTime::fromSecsSinceEpoch(2000000000 - i * 60, QTimeZone::utc());
            s.estimatedCost = Money::fromMicros((i * 7) % 10 * 1000 + i);
            rows.append(s);
        }
        index.appendPage(page, rows);
    }
    return index;
}
} // namespace

class TestSessionRowOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverOrderIsPageByPage();
    void sortedRowsAndKeysAgree();
    void pagesOfRowsAndRowsOfPagesAgree();
};

void TestSessionRowOrder::serverOrderIsPageByPage()
{
    const SessionSortIndex index = indexOf(10);
    const SessionRowOrder rows(index, PageSize);
    QVERIFY(!rows.isSorted());
    QCOMPARE(rows.position(0).page, 1);
    QCOMPARE(rows.position(5).page, 2);
    QCOMPARE(rows.position(5).index, 1);
    QCOMPARE(rows.keyAt(9), 9);
    QCOMPARE(rows.rowOfKey(6), 6);
    QCOMPARE(rows.pagesForRows(2, 9), (QList<int>{1, 2, 3}));
    QCOMPARE(rows.rowsOfPage(3), (std::pair<int, int>{8, 11})); // the caller bounds the last
}

void TestSessionRowOrder::sortedRowsAndKeysAgree()
{
    const SessionSortIndex index = indexOf(10);
    SessionRowOrder rows(index, PageSize);
    const QList<qint32> order = index.order(SessionColumns::Cost, Qt::AscendingOrder);
    rows.setOrder(order);
    QVERIFY(rows.isSorted());
    QCOMPARE(rows.sortedSize(), 10);
    qint64 previous = -1;
    for (int row = 0; row < rows.sortedSize(); ++row) {
        const int key = rows.keyAt(row);
        QCOMPARE(key, order[row]);
        QCOMPARE(rows.rowOfKey(key), row);
        const auto pos = rows.position(row);
        QCOMPARE(index.keyOf(pos.page, pos.index), key);
        // Costs are (i * 7 % 10) * 1000 + i for session i, i being its key.
        const qint64 cost = (key * 7) % 10 * 1000 + key;
        QVERIFY(cost > previous);
        previous = cost;
    }
    rows.clear();
    QVERIFY(!rows.isSorted());
    QCOMPARE(rows.rowOfKey(7), 7);
}

void TestSessionRowOrder::pagesOfRowsAndRowsOfPagesAgree()
{
    const SessionSortIndex index = indexOf(10);
    SessionRowOrder rows(index, PageSize);
    rows.setOrder(index.order(SessionColumns::Cost, Qt::DescendingOrder));
    for (int page = 1; page <= 3; ++page) {
        const auto [first, last] = rows.rowsOfPage(page);
        QVERIFY(first >= 0 && first <= last);
        // Every row of the page lies within [first, last], and both ends show the page.
        QCOMPARE(rows.position(first).page, page);
        QCOMPARE(rows.position(last).page, page);
        for (int row = 0; row < rows.sortedSize(); ++row) {
            if (rows.position(row).page == page)
                QVERIFY(row >= first && row <= last);
        }
    }
    const QList<int> pages = rows.pagesForRows(0, 9);
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages.first(), rows.position(0).page);
    for (const int page : pages)
        QCOMPARE(pages.count(page), 1);
}

QTEST_GUILESS_MAIN(TestSessionRowOrder)
#include "tst_sessionroworder.moc"
