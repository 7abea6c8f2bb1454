// Lines drawn from ShapedLineCache against QStyledItemDelegate's, cell by cell: values of every
// kind a session table shows (figures, times, names, markup, other scripts, white space at the
// ends), aligned three ways, left to right and right to left, on the first paint and on paints
// from kept lines; then what the cache keeps, how much, and when it starts afresh. (A value
// with a line break is drawn on one line, unlike the general delegate: tst_sessioncelldelegate.)
#include "ui/sessions/sessioncelldelegate.h"
#include "ui/sessions/shapedlinecache.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

class TestShapedLineCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cellsAreWhatTheGeneralDelegatePaints_data();
    void cellsAreWhatTheGeneralDelegatePaints();
    void keepsPlainLatinLinesOnly_data();
    void keepsPlainLatinLinesOnly();
    void keptLineIsShapedOnce();
    void boundedLeastRecentlyDrawnFirst();
    void newFontStartsAfresh();
    void elidedLineIsKeptForItsWidth();

private:
    /// Each cell of `view` as painted with `delegate`.
    [[nodiscard]] static QList<QImage> cells(QTableView &view, QAbstractItemDelegate *delegate);

    QStandardItemModel m_values;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

namespace {
const QStringList Values = {
    QStringLiteral("2026-12-01 23:49:12"),
    QStringLiteral("$0.33"),
    QStringLiteral("14,203"),
    QStringLiteral("3:56"),
    QStringLiteral("gpt-4o-mini"),
    QStringLiteral("claude-3-5-sonnet"),
    QStringLiteral("tenant_acme"),
    QStringLiteral("READY"),
    QStringLiteral("yes"),
    QStringLiteral("AV Wa To fi ffl"), // kerning and ligatures
    QStringLiteral("<b>bold</b> &amp;"),
    QStringLiteral("Zoë Ångström"),
    QStringLiteral("  leading"),
    QStringLiteral("trailing  "),
    QStringLiteral("non\u00a0breaking\u00a0"),
    QStringLiteral("soft\u00adhyphen"),
    QStringLiteral("tab\there"),
    QStringLiteral("Здравствуйте"),
    QStringLiteral("你好，世界"),
    QStringLiteral("שלום 123"),
    QStringLiteral("مرحبا بالعالم"),
    QStringLiteral("(1) [2] {3} <4>"),
    QStringLiteral("€ 12 ₿"),
    QStringLiteral("a-very-long-session-identifier-that-does-not-fit-its-column-at-all"),
};
} // namespace

void TestShapedLineCache::initTestCase()
{
    m_values.setColumnCount(3);
    for (const QString &value : Values) {
        QList<QStandardItem *> row;
        for (const Qt::Alignment alignment :
             {Qt::AlignLeft | Qt::AlignVCenter, Qt::AlignRight | Qt::AlignVCenter,
              Qt::AlignHCenter | Qt::AlignVCenter}) {
            auto *item = new QStandardItem(value);
            item->setData(QVariant::fromValue(alignment), Qt::TextAlignmentRole);
            row.append(item);
        }
        m_values.appendRow(row);
    }
    m_tester = std::make_unique<QAbstractItemModelTester>(&m_values);
}

QList<QImage> TestShapedLineCache::cells(QTableView &view, QAbstractItemDelegate *delegate)
{
    view.setItemDelegate(delegate);
    const QImage whole = view.viewport()->grab().toImage();
    QList<QImage> out;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        for (int column = 0; column < view.model()->columnCount(); ++column)
            out.append(whole.copy(view.visualRect(view.model()->index(row, column))));
    return out;
}

void TestShapedLineCache::cellsAreWhatTheGeneralDelegatePaints_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<int>("width");
    QTest::newRow("left to right") << Qt::LeftToRight << 260;
    QTest::newRow("right to left") << Qt::RightToLeft << 260;
    QTest::newRow("narrow, left to right") << Qt::LeftToRight << 70;
    QTest::newRow("narrow, right to left") << Qt::RightToLeft << 70;
}

void TestShapedLineCache::cellsAreWhatTheGeneralDelegatePaints()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(int, width);
    QTableView view;
    view.setModel(&m_values);
    view.setLayoutDirection(direction);
    view.setWordWrap(false);
    view.setShowGrid(false);
    view.setAlternatingRowColors(true);
    view.verticalHeader()->hide();
    view.horizontalHeader()->setDefaultSectionSize(width);
    view.resize(3 * width + 40, 40 * int(Values.size()));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectRow(2);

    SessionCellDelegate lean;
    QStyledItemDelegate general;
    const QList<QImage> expected = cells(view, &general);
    // Every value a line is kept for, and its elided line when it does not fit. (The general
    // delegate places an elided line right to left a fraction of a pixel apart: not compared.)
    QStyleOptionViewItem option;
    option.initFrom(view.viewport());
    option.widget = &view;
    option.rect = view.visualRect(m_values.index(0, 0));
    const int room = SessionCellDelegate::textRect(option).width();
    const QFontMetricsF metrics(view.font());
    int keepable = 0, elided = 0;
    for (const QString &value : Values) {
        if (ShapedLineCache::canKeep(value)) {
            ++keepable;
            elided += metrics.horizontalAdvance(value) > room ? 1 : 0;
        }
    }
    QCOMPARE(keepable, 15);
    QVERIFY(elided >= (width > 100 ? 1 : 8));
    // The first paint shapes and keeps each line; the second draws every kept one.
    for (const char *paint : {"first", "from kept lines"}) {
        const QList<QImage> got = cells(view, &lean);
        QCOMPARE(lean.keptLineCount(), keepable + elided);
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            const QString value = Values.at(i / 3);
            if (direction == Qt::RightToLeft && metrics.horizontalAdvance(value) > room)
                continue;
            QVERIFY2(got.at(i) == expected.at(i),
                     qPrintable(QStringLiteral("%1 paint: \"%2\", alignment %3 differs")
                                    .arg(QLatin1String(paint), value)
                                    .arg(i % 3)));
        }
    }
    view.setItemDelegate(nullptr);
}

void TestShapedLineCache::keepsPlainLatinLinesOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("kept");
    QTest::newRow("figure") << QStringLiteral("1,234.5") << true;
    QTest::newRow("Latin-1 letters") << QStringLiteral("Zoë Ångström") << true;
    QTest::newRow("markup, as text") << QStringLiteral("<b>x</b>") << true;
    QTest::newRow("space first") << QStringLiteral(" x") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space last") << QStringLiteral("x ") << false;
    QTest::newRow("no-break space last") << QStringLiteral("x\u00a0") << false;
    QTest::newRow("tab") << QStringLiteral("a\tb") << false;
    QTest::newRow("line break") << QStringLiteral("a\nb") << false;
    QTest::newRow("line separator") << QStringLiteral("a\u2028b") << false;
    QTest::newRow("soft hyphen") << QStringLiteral("a\u00adb") << false;
    QTest::newRow("C1 control") << QStringLiteral("a\u0085b") << false;
    QTest::newRow("Cyrillic") << QStringLiteral("Да") << false;
    QTest::newRow("Hebrew") << QStringLiteral("שלום") << false;
    QTest::newRow("euro sign") << QStringLiteral("€1") << false;
}

void TestShapedLineCache::keepsPlainLatinLinesOnly()
{
    QFETCH(QString, text);
    QFETCH(bool, kept);
    QCOMPARE(ShapedLineCache::canKeep(text), kept);
    ShapedLineCache cache;
    const ShapedLine *line = cache.line(text, QFont(), Qt::LeftToRight);
    QCOMPARE(line != nullptr, kept);
    QCOMPARE(cache.size(), kept ? 1 : 0);
    if (line) {
        // The width it is placed by is the one the line would be measured at.
        QCOMPARE(line->advance, QFontMetricsF(QFont()).horizontalAdvance(text));
        QCOMPARE(line->ascent, QFontMetricsF(QFont()).ascent());
        QVERIFY(!line->runs.isEmpty());
    }
}

void TestShapedLineCache::keptLineIsShapedOnce()
{
    ShapedLineCache cache;
    const QFont font;
    const ShapedLine *first = cache.line(QStringLiteral("tenant_acme"), font, Qt::LeftToRight);
    QVERIFY(first);
    QVERIFY(cache.contains(QStringLiteral("tenant_acme")));
    QCOMPARE(cache.line(QStringLiteral("tenant_acme"), font, Qt::LeftToRight), first);
    QCOMPARE(cache.size(), 1);
    QVERIFY(cache.line(QStringLiteral("tenant_globex"), font, Qt::LeftToRight) != first);
    QCOMPARE(cache.size(), 2);
}

void TestShapedLineCache::boundedLeastRecentlyDrawnFirst()
{
    ShapedLineCache cache(3);
    const QFont font;
    const auto draw = [&](const char *text) {
        QVERIFY(cache.line(QString::fromLatin1(text), font, Qt::LeftToRight));
    };
    const auto kept = [&](const char *text) {
        return cache.contains(QString::fromLatin1(text));
    };
    draw("a");
    draw("b");
    draw("c");
    draw("a"); // drawn again: now the most recent
    draw("d"); // "b" goes, the least recently drawn
    QCOMPARE(cache.size(), 3);
    QVERIFY(kept("a") && !kept("b") && kept("c") && kept("d"));
    draw("b"); // shaped again, and "c" goes
    QCOMPARE(cache.size(), 3);
    QVERIFY(kept("a") && kept("b") && !kept("c") && kept("d"));
}

void TestShapedLineCache::newFontStartsAfresh()
{
    ShapedLineCache cache;
    QFont small;
    small.setPixelSize(10);
    QFont large;
    large.setPixelSize(30);
    const QString text = QStringLiteral("1,234");
    const ShapedLine *line = cache.line(text, small, Qt::LeftToRight);
    QVERIFY(line);
    const qreal smallWidth = line->advance;
    QVERIFY(cache.line(QStringLiteral("5,678"), small, Qt::LeftToRight));
    QCOMPARE(cache.size(), 2);
    line = cache.line(text, large, Qt::LeftToRight);
    QVERIFY(line);
    QCOMPARE(cache.size(), 1);
    QVERIFY(line->advance > 2 * smallWidth);
    QCOMPARE(line->advance, QFontMetricsF(large).horizontalAdvance(text));
    // So does another direction.
    QVERIFY(cache.line(QStringLiteral("5,678"), large, Qt::LeftToRight));
    QCOMPARE(cache.size(), 2);
    QVERIFY(cache.line(text, large, Qt::RightToLeft));
    QCOMPARE(cache.size(), 1);
    QVERIFY(!cache.contains(QStringLiteral("5,678")));
}

void TestShapedLineCache::elidedLineIsKeptForItsWidth()
{
    ShapedLineCache cache;
    const QFont font;
    const QFontMetricsF metrics(font);
    const QString id = QStringLiteral("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    for (const Qt::TextElideMode mode : {Qt::ElideRight, Qt::ElideLeft, Qt::ElideMiddle}) {
        for (const int width : {40, 90}) {
            const ShapedLine *line = cache.elided(id, font, Qt::LeftToRight, mode, width);
            QVERIFY(line);
            const QString shown = metrics.elidedText(id, mode, width, Qt::TextSingleLine);
            QVERIFY(shown.contains(QChar(0x2026)));
            QCOMPARE(line->advance, metrics.horizontalAdvance(shown));
            QVERIFY(line->advance <= width);
            QCOMPARE(cache.elided(id, font, Qt::LeftToRight, mode, width), line);
        }
    }
    QCOMPARE(cache.size(), 6);
    QVERIFY(!cache.contains(id)); // the whole line is kept apart, when it is drawn
    QVERIFY(
        !cache.elided(QStringLiteral("Здравствуйте"), font, Qt::LeftToRight, Qt::ElideRight, 20));
}

QTEST_MAIN(TestShapedLineCache)
#include "tst_shapedlinecache.moc"
