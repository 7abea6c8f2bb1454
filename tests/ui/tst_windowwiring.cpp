#include "api/recordingfetcher.h"
#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/charactertotalsmodel.h"
#include "models/comparisonmodel.h"
#include "models/dailyseriesmodel.h"
#include "models/playbackcontroller.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "tests/models/analyticsfixture.h"
#include "tests/ui/assembledwindow.h"
#include "ui/charts/analyticspage.h"
#include "ui/charts/characterbarchart.h"
#include "ui/charts/dailyserieschart.h"
#include "ui/mainwindow.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/report/dailyreportview.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/statusbanner.h"
#include "ui/transcript/sessionheader.h"
#include "ui/transcript/sessionpane.h"
#include "ui/windowwiring.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
constexpr int Timeout = 120000;
const QTimeZone Tokyo("Asia/Tokyo");

/// The assembled window on a client without retries, shown.
struct Window : AssembledWindow
{
    Window(ClientStack &stack, const QString &settingsFile)
        : AssembledWindow(stack, settingsFile)
    {
        show();
    }

    [[nodiscard]] FilterBar *filters() const { return window.sessionsPage()->filterBar(); }
    [[nodiscard]] bool analyticsSettled() const
    {
        return !analytics->isLoading() &&
               analytics->totalsModel()->status() != CharacterTotalsModel::Status::Loading;
    }
};

/// Usage requests the demo saw, as their query items.
QList<QUrlQuery> usageRequests(const DemoServer &server)
{
    QList<QUrlQuery> out;
    for (const RecordedRequest &r : server.requestLog()) {
        if (r.url.path().startsWith(QStringLiteral("/api/billing/usage")))
            out.append(QUrlQuery(r.url));
    }
    return out;
}
} // namespace

/// The window's parts wired as the application wires them, against the demo: session links,
/// the chosen time zone, and Analytics showing exactly what the session list shows.
class TestWindowWiring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // 5,000 sessions: 25 pages for all time, and more than two pages per character, so
        // that a fault on page 3 reaches every whole-set read.
        m_server = std::make_unique<DemoServer>(AnalyticsFixture::options(5000));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_server->faults().clear();
        m_server->clearRequestLog();
        m_stack = std::make_unique<ClientStack>(*m_server);
        m_settingsFile = m_dir.filePath(QStringLiteral("%1.ini").arg(++m_run));
    }

    void cleanup() { m_stack.reset(); }

    void sessionLinkOpensOnceConnected()
    {
        // A window closed with no session open, as the link's window starts from.
        {
            Window first(*m_stack, m_settingsFile);
            first.window.saveSettings();
        }
        Window w(*m_stack, m_settingsFile);
        const DemoSession &known = m_server->dataset().sessions().at(42);
        w.opener.open(known.sessionId);
        // Not connected yet: the link waits instead of being lost.
        QCOMPARE(w.opener.pendingId(), known.sessionId);
        QVERIFY(!w.window.isSessionOpen());
        w.opener.setReady(true);
        QTRY_COMPARE_WITH_TIMEOUT(w.pane->session().sessionId, known.sessionId, Timeout);
        QVERIFY(w.window.isSessionOpen());
        QVERIFY(w.pane->isVisible());
        QVERIFY2(w.pane->width() > 0, "the pane is open but has no room");
        QCOMPARE(w.pane->header()->fieldText(QStringLiteral("Session")), known.sessionId);
        QCOMPARE(w.pane->header()->fieldText(QStringLiteral("Character")), known.characterSlug);
        QVERIFY(w.pane->messageText().isEmpty());
    }

    void unknownOrFailedSessionSaysSo()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.opener.open(QStringLiteral("sess_nosuchsession"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.pane->messageText().isEmpty(), Timeout);
        QVERIFY2(
            w.pane->messageText().contains(QStringLiteral("no session \"sess_nosuchsession\"")),
            qPrintable(w.pane->messageText()));
        QVERIFY(w.window.isSessionOpen());
        QCOMPARE(w.window.sessionsPage()->banner()->kind(), StatusBanner::Kind::Error);
        QCOMPARE(w.window.sessionsPage()->banner()->text(), w.pane->messageText());

        // A known session opens over the error; a server failure is said as plainly.
        const DemoSession &known = m_server->dataset().sessions().at(7);
        w.opener.open(known.sessionId);
        QTRY_COMPARE_WITH_TIMEOUT(w.pane->session().sessionId, known.sessionId, Timeout);
        QVERIFY(w.pane->messageText().isEmpty());
        m_server->faults().add(FaultInjector::Kind::Status,
                               QStringLiteral("/api/billing/sessions/"), QStringLiteral("500"));
        w.opener.open(m_server->dataset().sessions().at(8).sessionId);
        QTRY_VERIFY_WITH_TIMEOUT(!w.pane->messageText().isEmpty(), Timeout);
        QVERIFY2(w.pane->messageText().contains(QStringLiteral("could not be opened")),
                 qPrintable(w.pane->messageText()));
        QVERIFY(w.pane->session().sessionId.isEmpty()); // the previous session is not shown
    }

    void analyticsSessionLinkShowsItsError()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        Q_EMIT w.analytics->openSession(QStringLiteral("sess_gone"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.pane->messageText().isEmpty(), Timeout);
        QVERIFY(w.pane->messageText().contains(QStringLiteral("sess_gone")));
    }

    void headerFollowsTheChosenZone()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.window.setTimeZone(Tokyo);
        const DemoSession &known = m_server->dataset().sessions().at(3);
        const QDateTime created =
            QDateTime::fromMSecsSinceEpoch(known.createdAtMs, QTimeZone::utc());
        const auto shown = [&](const QTimeZone &zone) {
            return created.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        };
        QVERIFY(shown(Tokyo) != shown(QTimeZone::utc()));
        w.opener.open(known.sessionId);
        QTRY_COMPARE_WITH_TIMEOUT(w.pane->session().sessionId, known.sessionId, Timeout);
        const QString header = w.pane->header()->fieldText(QStringLiteral("Created"));
        QVERIFY2(header.contains(shown(Tokyo)) && header.contains(QStringLiteral("Asia/Tokyo")),
                 qPrintable(header));
        // A change of zone rewrites the open session's times.
        w.window.setTimeZone(QTimeZone::utc());
        QVERIFY2(w.pane->header()
                     ->fieldText(QStringLiteral("Created"))
                     .contains(shown(QTimeZone::utc())),
                 qPrintable(w.pane->header()->fieldText(QStringLiteral("Created"))));
    }

    void analyticsShowsExactlyTheListsFilter()
    {
        Window w(*m_stack, m_settingsFile);
        w.window.setTimeZone(Tokyo);
        w.filters()->setPreset(FilterBar::Preset::AllTime);
        // Applying the list's filters while Analytics is hidden asks Analytics for nothing.
        for (int i = 0; i < 2; ++i) {
            w.window.sessionsPage()->applyFilters();
            QTRY_COMPARE_WITH_TIMEOUT(w.model.status(), SessionTableModel::Status::Ready, Timeout);
        }
        for (const QUrlQuery &q : usageRequests(*m_server)) {
            QVERIFY2(q.queryItemValue(QStringLiteral("page_size")) != QStringLiteral("1"),
                     qPrintable(q.toString()));
            QVERIFY2(q.queryItemValue(QStringLiteral("page")).toInt() < 5,
                     qPrintable(q.toString()));
        }
        const UsageTotals list = w.model.totals();
        QCOMPARE(list.sessions, qint64(5000));

        // All time is all time, to the micro-dollar, per character and per day.
        w.window.showAnalyticsPage();
        QTRY_VERIFY_WITH_TIMEOUT(w.analyticsSettled() && w.analytics->seriesModel()->rowCount() > 0,
                                 Timeout);
        QCOMPARE(w.analytics->totalsModel()->sum().sessions, list.sessions);
        QCOMPARE(w.analytics->totalsModel()->sum().estimatedCost, list.estimatedCost);
        QCOMPARE(w.analytics->seriesModel()->total().sessions, list.sessions);
        QCOMPARE(w.analytics->seriesModel()->total().cost, list.estimatedCost);
        qint64 firstMs = std::numeric_limits<qint64>::max();
        for (const DemoSession &s : m_server->dataset().sessions())
            firstMs = qMin(firstMs, s.createdAtMs);
        QCOMPARE(w.analytics->seriesModel()->firstDay(),
                 QDateTime::fromMSecsSinceEpoch(firstMs, Tokyo).date());
        QVERIFY(w.analytics->seriesModel()->rowCount() > 90);
        QVERIFY2(w.analytics->caption().contains(QStringLiteral("all time")) &&
                     w.analytics->caption().contains(QStringLiteral("Asia/Tokyo")),
                 qPrintable(w.analytics->caption()));

        // A bar opens that character over the same range: the list counts what the bar showed.
        w.analytics->barChart()->rebuildNow();
        const QString slug = w.analytics->barChart()->categories().first();
        const UsageTotals bar = *w.analytics->totalsModel()->totals(slug);
        Q_EMIT w.analytics->barChart()->series()->barSets().first()->clicked(0);
        QCOMPARE(w.filters()->character(), slug);
        QTRY_COMPARE_WITH_TIMEOUT(w.model.status(), SessionTableModel::Status::Ready, Timeout);
        QCOMPARE(w.model.totals().sessions, bar.sessions);
        QCOMPARE(w.model.totals().estimatedCost, bar.estimatedCost);

        // Analytics now follows the character filter too.
        const UsageTotals character = w.model.totals();
        w.window.showAnalyticsPage();
        QTRY_VERIFY_WITH_TIMEOUT(w.analyticsSettled() &&
                                     w.analytics->seriesModel()->slugs() == QStringList{slug},
                                 Timeout);
        QCOMPARE(w.analytics->totalsModel()->rowCount(), 1);
        QCOMPARE(w.analytics->totalsModel()->sum().sessions, character.sessions);
        QCOMPARE(w.analytics->totalsModel()->sum().estimatedCost, character.estimatedCost);
        QCOMPARE(w.analytics->seriesModel()->total(slug).sessions, character.sessions);
        QCOMPARE(w.analytics->seriesModel()->total(slug).cost, character.estimatedCost);
        QVERIFY2(w.analytics->caption().contains(slug), qPrintable(w.analytics->caption()));

        // A point opens that day in the same zone, with the same count and cost.
        int row = 0;
        while (w.analytics->seriesModel()->figures(row, slug).sessions == 0)
            ++row;
        const DayFigures day = w.analytics->seriesModel()->figures(row, slug);
        const QDate date = w.analytics->seriesModel()->firstDay().addDays(row);
        Q_EMIT w.analytics->seriesChart()->dayActivated(slug, date);
        QVERIFY(w.filters()->days() == std::make_pair(date, date));
        QTRY_COMPARE_WITH_TIMEOUT(w.model.status(), SessionTableModel::Status::Ready, Timeout);
        QCOMPARE(w.model.totals().sessions, day.sessions);
        QCOMPARE(w.model.totals().estimatedCost, day.cost);
    }

    void failedWholeSetReadsAreNotShownAsWhole()
    {
        Window w(*m_stack, m_settingsFile);
        w.window.setTimeZone(QTimeZone::utc());
        w.filters()->setPreset(FilterBar::Preset::AllTime);
        w.window.sessionsPage()->applyFilters();
        w.window.showAnalyticsPage();
        QTRY_VERIFY_WITH_TIMEOUT(w.analyticsSettled() && w.analytics->seriesModel()->rowCount() > 0,
                                 Timeout);
        QVERIFY(w.analytics->errorText().isEmpty());

        // Page 3 of every walk is gone for good: no per-day figure may stand for the whole set.
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("[?&]page=3(&|$)"),
                               QStringLiteral("404"), -1, true);
        w.analytics->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(w.analyticsSettled() && !w.analytics->errorText().isEmpty(),
                                 Timeout);
        QCOMPARE(w.analytics->seriesModel()->rowCount(), 0);
        for (int column = 0; column < w.analytics->comparisonModel()->columnCount(); ++column)
            QCOMPARE(w.analytics->comparisonModel()->stats(column).totals.sessions, qint64(0));

        // The daily report of a character's whole range fails visibly as well.
        QHash<QString, int> perCharacter;
        for (const DemoSession &s : m_server->dataset().sessions())
            ++perCharacter[s.characterSlug];
        QString slug = perCharacter.constBegin().key();
        for (auto it = perCharacter.constBegin(); it != perCharacter.constEnd(); ++it) {
            if (it.value() > perCharacter.value(slug))
                slug = it.key();
        }
        QVERIFY(perCharacter.value(slug) > 2 * UsageQuery::MaxPageSize);
        w.analytics->reportView()->showReport(slug, QDate(2025, 1, 1), QDate(2026, 5, 28));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.analytics->reportView()->statusText().startsWith(QStringLiteral("No report")),
            Timeout);
        QVERIFY(w.analytics->reportView()->report().costliest.isEmpty());
    }

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    QTemporaryDir m_dir;
    QString m_settingsFile;
    int m_run = 0;
};

QTEST_MAIN(TestWindowWiring)
#include "tst_windowwiring.moc"
