// The session tables' cells as SessionCellDelegate paints them, against the demo's sessions:
// what Qt's general delegate paints (rows, selection, focus, right to left, disabled, another
// window active), an elided value in a narrow column, the highlight of a selected row and a
// row still loading.
#include "models/sessiontablemodel.h"
#include "tests/models/modeltestfixture.h"
#include "ui/sessions/sessioncelldelegate.h"
#include "ui/sessions/sessiontableview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTest>

namespace {
constexpr int Timeout = 60000;
}

class TestSessionCellDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void paintsWhatTheGeneralDelegatePaints_data();
    void paintsWhatTheGeneralDelegatePaints();
    void narrowColumnIsElided();
    void selectedRowTakesThePalettesHighlight();
    void rowStillLoadingSaysSo();

private:
    /// The table's viewport as painted with `delegate` in place of the view's own.
    [[nodiscard]] QImage paintedWith(QAbstractItemDelegate *delegate) const;
    /// The view's option for a cell, as far as SessionCellDelegate reads it.
    [[nodiscard]] QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    /// Pixels of `image` inside `rect` that are not `colour`.
    [[nodiscard]] static int pixelsOtherThan(const QImage &image, const QRect &rect,
                                             const QColor &colour);
    [[nodiscard]] QPalette::ColorGroup group() const
    {
        return m_view->isActiveWindow() ? QPalette::Active : QPalette::Inactive;
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    std::unique_ptr<SessionTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<SessionTableView> m_view;
    QStyledItemDelegate m_general;
};

void TestSessionCellDelegate::initTestCase()
{
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    m_server = std::make_unique<DemoServer>(demoOptions(now));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_stack = std::make_unique<ClientStack>(*m_server);
    m_model = std::make_unique<SessionTableModel>(&m_stack->fetcher);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
    m_view = std::make_unique<SessionTableView>();
    QVERIFY(qobject_cast<SessionCellDelegate *>(m_view->itemDelegate()));
    m_view->setSessionModel(m_model.get());
    m_view->resize(1100, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_model->setQuery(UsageQuery{});
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isRowLoaded(0), Timeout);
    // The rows on screen are in before any picture is taken.
    QTRY_VERIFY_WITH_TIMEOUT(m_model->isRowLoaded(m_view->rowAt(m_view->viewport()->height())),
                             Timeout);
}

void TestSessionCellDelegate::init()
{
    m_view->setLayoutDirection(Qt::LeftToRight);
    m_view->setEnabled(true);
    m_view->setPalette(QPalette());
    m_view->clearSelection();
    m_view->setCurrentIndex({});
    m_view->clearFocus();
    m_view->scrollToTop();
}

void TestSessionCellDelegate::cleanupTestCase()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
    m_stack.reset();
}

QImage TestSessionCellDelegate::paintedWith(QAbstractItemDelegate *delegate) const
{
    QAbstractItemDelegate *own = m_view->itemDelegate();
    m_view->setItemDelegate(delegate);
    QImage image = m_view->viewport()->grab().toImage();
    m_view->setItemDelegate(own);
    return image;
}

QStyleOptionViewItem TestSessionCellDelegate::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view->viewport());
    option.widget = m_view.get();
    option.rect = m_view->visualRect(index);
    option.font = m_view->font();
    option.textElideMode = m_view->textElideMode();
    return option;
}

int TestSessionCellDelegate::pixelsOtherThan(const QImage &image, const QRect &rect,
                                             const QColor &colour)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            count += image.pixelColor(x, y).rgb() != colour.rgb() ? 1 : 0;
    return count;
}

void TestSessionCellDelegate::paintsWhatTheGeneralDelegatePaints_data()
{
    QTest::addColumn<Qt::LayoutDirection>("direction");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("active");
    QTest::newRow("left to right") << Qt::LeftToRight << true << true;
    QTest::newRow("right to left") << Qt::RightToLeft << true << true;
    QTest::newRow("disabled") << Qt::LeftToRight << false << true;
    QTest::newRow("another window active") << Qt::LeftToRight << true << false;
}

void TestSessionCellDelegate::paintsWhatTheGeneralDelegatePaints()
{
    QFETCH(Qt::LayoutDirection, direction);
    QFETCH(bool, enabled);
    QFETCH(bool, active);
    m_view->setLayoutDirection(direction);
    m_view->setEnabled(enabled);
    // A selection of its own colour while the window is not the active one.
    QPalette palette = m_view->palette();
    palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x2e, 0x7d, 0x32));
    palette.setColor(QPalette::Inactive, QPalette::HighlightedText, QColor(0xff, 0xf5, 0x9d));
    m_view->setPalette(palette);
    QWidget other;
    if (!active) {
        other.show();
        other.activateWindow();
        QTRY_VERIFY(!m_view->isActiveWindow());
    }
    // Alternate rows, and the current row selected with the focus frame on its current cell.
    m_view->setCurrentIndex(m_model->index(4, SessionColumns::Character));
    m_view->setFocus();
    if (enabled && active)
        QTRY_VERIFY(m_view->hasFocus());
    const QImage lean = paintedWith(m_view->itemDelegate());
    const QImage general = paintedWith(&m_general);
    QCOMPARE(lean.size(), general.size());
    QVERIFY(pixelsOtherThan(lean, lean.rect(), lean.pixelColor(0, 0)) > 1000); // not blank
    if (lean != general) {
        lean.save(QDir::temp().filePath(QStringLiteral("sessioncell-lean.png")));
        general.save(QDir::temp().filePath(QStringLiteral("sessioncell-general.png")));
        QFAIL("the cells differ from QStyledItemDelegate's (pictures in the temporary folder)");
    }
    if (!active) {
        const QRect selected = m_view->visualRect(m_model->index(4, SessionColumns::Created));
        QCOMPARE(lean.pixelColor(selected.left() + 1, selected.top()),
                 palette.color(QPalette::Inactive, QPalette::Highlight));
        m_view->activateWindow();
        QTRY_VERIFY(m_view->isActiveWindow());
    }
}

void TestSessionCellDelegate::narrowColumnIsElided()
{
    const int column = SessionColumns::Character;
    m_view->setUserSizedColumns(true);
    const int width = m_view->columnWidth(column);
    m_view->setColumnWidth(column, 40);
    const QModelIndex index = m_model->index(1, column);
    const QString text = index.data().toString();
    const QStyleOptionViewItem option = optionFor(index);
    const QRect room = SessionCellDelegate::textRect(option);
    const QFontMetricsF metrics(option.font);
    QVERIFY2(metrics.horizontalAdvance(text) > room.width(), qPrintable(text));
    const QString shown = SessionCellDelegate::shownText(option, text);
    QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
    QVERIFY(text.startsWith(shown.chopped(1)));
    QVERIFY(metrics.horizontalAdvance(shown) <= room.width());

    // Nothing of the text past its room: the margin beside it is the row's background.
    const QImage lean = paintedWith(m_view->itemDelegate());
    const QRect margin(room.right() + 1, option.rect.top(), option.rect.right() - room.right(),
                       option.rect.height());
    QCOMPARE(pixelsOtherThan(lean, margin, lean.pixelColor(margin.topLeft())), 0);
    QVERIFY(pixelsOtherThan(lean, room, lean.pixelColor(margin.topLeft())) > 0);
    QCOMPARE(lean.copy(option.rect), paintedWith(&m_general).copy(option.rect));
    m_view->setColumnWidth(column, width);
    m_view->setUserSizedColumns(false);
}

void TestSessionCellDelegate::selectedRowTakesThePalettesHighlight()
{
    m_view->selectRow(3);
    const QImage lean = paintedWith(m_view->itemDelegate());
    const QPalette palette = m_view->palette();
    const QColor highlight = palette.color(group(), QPalette::Highlight);
    const QColor highlightedText = palette.color(group(), QPalette::HighlightedText);
    for (int column = 0; column < SessionColumns::Count; ++column) {
        const QRect cell = m_view->visualRect(m_model->index(3, column));
        if (!cell.isValid() || cell.right() >= lean.width())
            continue;
        // The top row of the cell is above its line of text.
        QCOMPARE(lean.pixelColor(cell.left() + 1, cell.top()).rgb(), highlight.rgb());
    }
    // The text in the highlighted-text colour; none in the colour of unselected text.
    const QRect row = m_view->visualRect(m_model->index(3, SessionColumns::Created));
    const QRect line(0, row.top(), m_view->viewport()->width(), row.height());
    int highlighted = 0, plain = 0;
    for (int y = line.top(); y <= line.bottom(); ++y) {
        for (int x = line.left(); x <= line.right(); ++x) {
            const QRgb pixel = lean.pixel(x, y);
            highlighted += pixel == highlightedText.rgb() ? 1 : 0;
            plain += pixel == palette.color(group(), QPalette::Text).rgb() ? 1 : 0;
        }
    }
    QVERIFY(highlighted > 0);
    QCOMPARE(plain, 0);
}

void TestSessionCellDelegate::rowStillLoadingSaysSo()
{
    const int row = 12345;
    QVERIFY(!m_model->isRowLoaded(row));
    // The picture is taken before the view tells the model what it shows (on the next turn of
    // the event loop), so the row is still a placeholder.
    m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    const QModelIndex created = m_model->index(row, SessionColumns::Created);
    QCOMPARE(created.data().toString(), SessionTableModel::tr("Loading…"));
    QCOMPARE(created.data(SessionTableModel::LoadingRole).toBool(), true);
    const QImage lean = paintedWith(m_view->itemDelegate());
    QVERIFY(!m_model->isRowLoaded(row));
    const QRect cell = m_view->visualRect(created);
    const QColor background = lean.pixelColor(cell.topLeft());
    QVERIFY(pixelsOtherThan(lean, SessionCellDelegate::textRect(optionFor(created)), background) >
            0);
    // The other cells of a placeholder row are empty.
    const QRect tenant = m_view->visualRect(m_model->index(row, SessionColumns::Tenant));
    QVERIFY(lean.rect().contains(tenant));
    QCOMPARE(pixelsOtherThan(lean, tenant, background), 0);
    QCOMPARE(lean, paintedWith(&m_general));
}

QTEST_MAIN(TestSessionCellDelegate)
#include "tst_sessioncelldelegate.moc"
