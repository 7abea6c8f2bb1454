#include "models/playbackcontroller.h"
#include "models/playerbackend.h"
#include "models/transcriptmodel.h"
#include "tests/ui/accessibilitycheck.h"
#include "tests/ui/silentbackend.h"
#include "ui/charts/hourlychart.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/sessions/statusbanner.h"
#include "ui/sessions/totalsbar.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptdelegate.h"
#include "ui/transcript/transcriptview.h"

#include <QAbstractAxis>
#include <QAccessible>
#include <QApplication>
#include <QChart>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
SessionSummary session()
{
    SessionSummary s;
    s.sessionId = u"sess_a11y"_s;
    s.characterSlug = u"support-bot"_s;
    s.createdAt = QDateTime(QDate(2026, 5, 1), QTime(9, 0), QTimeZone::utc());
    s.durationSeconds = 60;
    const QStringList texts = {u"Hello, how can I help?"_s, u"My order has not arrived."_s,
                               u"Let me look that up for you."_s, u"Thank you."_s};
    for (int i = 0; i < texts.size(); ++i)
        s.transcript.append({i % 2 ? TranscriptTurn::Role::User : TranscriptTurn::Role::Assistant,
                             i, double(i * 12), texts.at(i)});
    s.turnCount = int(s.transcript.size());
    return s;
}

/// The accessibility events Qt sends, as (type, child) pairs; QAccessible's update handler
/// is global, so a test installs it for its own duration only.
QList<std::pair<QAccessible::Event, int>> g_events;
void record(QAccessibleEvent *event)
{
    g_events.append({event->type(), event->child()});
}

double contrastOf(const QLabel *label)
{
    return AccessibilityCheck::contrast(label->palette().color(QPalette::WindowText),
                                        label->palette().color(QPalette::Window));
}
} // namespace

/// The transcript read by a screen reader, turn by turn; text drawn by the widgets themselves
/// legible on a dark palette; bubbles that grow with the system font.
class TestTranscriptAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionPane> makePane()
    {
        auto pane = std::make_unique<SessionPane>(
            new PlaybackController(new SilentBackend, nullptr, nullptr));
        pane->resize(700, 600);
        pane->show();
        pane->showSession(session());
        return pane;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cleanup()
    {
        QAccessible::installUpdateHandler(nullptr);
        g_events.clear();
        QApplication::setPalette(QPalette());
        QApplication::setFont(QFont());
    }

    void eachTurnIsAnItemWithSpeakerTimeAndText()
    {
        auto pane = makePane();
        TranscriptView *view = pane->view();
        const SessionSummary s = session();
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), u"Transcript"_s);
        QVERIFY(!iface->text(QAccessible::Description).isEmpty());
        QCOMPARE(iface->childCount(), int(s.transcript.size()));
        for (int i = 0; i < iface->childCount(); ++i) {
            const QString text = iface->child(i)->text(QAccessible::Name);
            const TranscriptTurn &turn = s.transcript.at(i);
            QVERIFY2(text.contains(TranscriptModel::speakerName(turn.role)), qPrintable(text));
            QVERIFY2(text.contains(turn.text), qPrintable(text));
            QVERIFY2(text.contains(TranscriptModel::formatTime(turn.ts)), qPrintable(text));
            QCOMPARE(iface->indexOfChild(iface->child(i)), i);
        }
    }

    void downMovesToTheNextTurnAndSaysSo()
    {
        auto pane = makePane();
        TranscriptView *view = pane->view();
        pane->activateWindow();
        view->setFocus(Qt::TabFocusReason);
        QVERIFY(QTest::qWaitForWindowActive(pane.get()));
        QTRY_VERIFY(view->hasFocus());
        view->setCurrentIndex(view->model()->index(0, 0));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
        const auto focusedText = [iface] {
            QAccessibleInterface *focused = iface->focusChild();
            return focused ? focused->text(QAccessible::Name) : QString();
        };
        QVERIFY2(focusedText().contains(session().transcript.at(0).text),
                 qPrintable(focusedText()));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        // The turn reached is the one a screen reader is told has the focus.
        QVERIFY2(focusedText().contains(session().transcript.at(1).text),
                 qPrintable(focusedText()));
        QVERIFY(iface->child(1)->state().focused);
        QVERIFY(!iface->child(0)->state().focused);
        // When an assistive technology listens, Qt sends it the focus event for that turn:
        // QListView does so once the platform reports one (never under the offscreen plugin).
        if (QAccessible::isActive()) {
            QAccessible::installUpdateHandler(record);
            QTest::keyClick(view, Qt::Key_Down);
            QVERIFY(std::any_of(g_events.cbegin(), g_events.cend(), [](const auto &e) {
                return e.first == QAccessible::Focus && e.second == 2;
            }));
        }
        // Enter plays from the turn reached, as a click does.
        QSignalSpy activated(view, &TranscriptView::turnActivated);
        const int row = view->currentIndex().row();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toInt(), row);
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(view->currentIndex().row(), row - 1);
    }

    void ownTextReadsOnADarkPalette()
    {
        const QPalette dark = AccessibilityCheck::darkPalette();
        QApplication::setPalette(dark);
        const QPalette light = QPalette(Qt::white);
        for (const QPalette &palette : {dark, light}) {
            for (const bool assistant : {true, false}) {
                const double c = AccessibilityCheck::contrast(
                    TranscriptDelegate::bubbleTextColour(assistant, palette),
                    TranscriptDelegate::bubbleColour(assistant, palette));
                QVERIFY2(c >= 4.5, qPrintable(QString::number(c)));
            }
            const double caption = AccessibilityCheck::contrast(
                TranscriptDelegate::captionColour(palette), palette.color(QPalette::Base));
            QVERIFY2(caption >= 4.5, qPrintable(QString::number(caption)));
        }
        TotalsBar totals;
        totals.show();
        for (QLabel *label : totals.findChildren<QLabel *>())
            QVERIFY2(contrastOf(label) >= 4.5, qPrintable(label->text()));

        StatusBanner banner;
        banner.show();
        for (const auto kind :
             {StatusBanner::Kind::Info, StatusBanner::Kind::Warning, StatusBanner::Kind::Error}) {
            banner.showMessage(kind, u"Something happened"_s);
            const double c =
                AccessibilityCheck::contrast(banner.palette().color(QPalette::WindowText),
                                             banner.palette().color(QPalette::Window));
            QVERIFY2(c >= 4.5, qPrintable(QString::number(c)));
            QVERIFY(banner.palette().color(QPalette::Window).lightness() < 128);
        }

        FilterBar filters;
        auto *error = filters.findChild<QLabel *>(u"dateError"_s);
        QVERIFY(error);
        QVERIFY2(contrastOf(error) >= 4.5, qPrintable(QString::number(contrastOf(error))));

        HourlyChart chart;
        chart.show();
        std::array<DayFigures, 24> hours{};
        hours[9].sessions = 12;
        chart.setHours(hours, chart.palette().color(QPalette::Highlight));
        const QColor background = chart.chart()->backgroundBrush().color();
        QVERIFY(background.lightness() < 128);
        QVERIFY(AccessibilityCheck::contrast(chart.chart()->titleBrush().color(), background) >=
                4.5);
        const auto axes = chart.chart()->axes();
        QVERIFY(!axes.isEmpty());
        for (const QAbstractAxis *axis : axes)
            QVERIFY(AccessibilityCheck::contrast(axis->labelsColor(), background) >= 4.5);
        QVERIFY2(chart.accessibleDescription().contains(u"24 bars"_s),
                 qPrintable(chart.accessibleDescription()));

        // Back to light: the chart follows the palette when it changes.
        QApplication::setPalette(light);
        QTRY_VERIFY(chart.chart()->backgroundBrush().color().lightness() >= 128);
        QVERIFY(AccessibilityCheck::contrast(chart.chart()->titleBrush().color(),
                                             chart.chart()->backgroundBrush().color()) >= 4.5);
    }

    void bubblesGrowWithTheFont()
    {
        auto pane = makePane();
        TranscriptView *view = pane->view();
        QTRY_VERIFY(view->visualRect(view->model()->index(0, 0)).height() > 0);
        const int before = view->visualRect(view->model()->index(0, 0)).height();
        SessionTableView table;
        const int rowBefore = table.verticalHeader()->defaultSectionSize();
        QFont bigger = QApplication::font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        QApplication::setFont(bigger);
        QTRY_VERIFY2(view->visualRect(view->model()->index(0, 0)).height() > before,
                     qPrintable(QStringLiteral("%1 -> %2")
                                    .arg(before)
                                    .arg(view->visualRect(view->model()->index(0, 0)).height())));
        // The session list's rows are one line of the font.
        QVERIFY2(table.verticalHeader()->defaultSectionSize() > rowBefore,
                 qPrintable(QStringLiteral("%1 -> %2")
                                .arg(rowBefore)
                                .arg(table.verticalHeader()->defaultSectionSize())));
    }
};

QTEST_MAIN(TestTranscriptAccessibility)
#include "tst_transcriptaccessibility.moc"
