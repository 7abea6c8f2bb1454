// A chart's export is whole or refused: the totals, the per-day lines, the comparison and the
// daily report's hours are not written while their figures are still coming or after a part of them
// failed, and the page says what is missing; once whole, the same export writes every row.
#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/charactertotalsmodel.h"
#include "models/dailyseriesmodel.h"
#include "tests/models/analyticsfixture.h"
#include "ui/charts/analyticspage.h"
#include "ui/charts/characterbarchart.h"
#include "ui/charts/chartpanel.h"
#include "ui/charts/dailyserieschart.h"
#include "ui/comparison/comparisonview.h"
#include "ui/report/dailyreportview.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AnalyticsFixture;

namespace {
constexpr int Timeout = 120000;

/// The lines of a CSV file; empty when there is no file.
QList<QByteArray> csvLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeLast(); // after the last CRLF
    return lines;
}
} // namespace

class TestChartPanel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    CharacterPalette m_palette;
    QTemporaryDir m_dir;

    /// The panel of `page` around a chart of type T.
    template<typename T> static ChartPanel *panelOf(const QWidget &page)
    {
        const auto panels = page.findChildren<ChartPanel *>();
        for (ChartPanel *panel : panels)
            if (qobject_cast<T *>(panel->chartView()))
                return panel;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_stack = std::make_unique<ClientStack>(*m_server);
        QVERIFY(m_dir.isValid());
    }

    void init() { m_server->faults().clear(); }

    void analyticsChartsExportOnlyWholeFigures()
    {
        AnalyticsServices services(&m_stack->client);
        AnalyticsPage page(&services, &m_palette);
        page.setTimeZone(QTimeZone::utc());
        const QDate last = Now.date();
        page.setFilter({}, {}, last.addDays(-29), last);
        ChartPanel *totals = panelOf<CharacterBarChart>(page);
        ChartPanel *days = panelOf<DailySeriesChart>(page);
        QVERIFY(totals && days);
        auto *banner = page.findChild<QLabel *>(QStringLiteral("analyticsBanner"));
        QVERIFY(banner);

        // Not loaded yet: nothing is written, and the banner says why.
        const QString totalsCsv = m_dir.filePath(QStringLiteral("totals.csv"));
        const QString daysCsv = m_dir.filePath(QStringLiteral("days.csv"));
        QSignalSpy refused(totals, &ChartPanel::exportFailed);
        QVERIFY(!totals->exportTo(QStringLiteral("CSV"), totalsCsv));
        QVERIFY(!totals->exportTo(QStringLiteral("PNG"), m_dir.filePath(QStringLiteral("t.png"))));
        QCOMPARE(refused.size(), 2);
        QVERIFY(refused.first().first().toString().startsWith(QStringLiteral("Nothing was")));
        QCOMPARE(banner->text(), refused.last().first().toString());
        QVERIFY(!days->exportTo(QStringLiteral("CSV"), daysCsv));
        QVERIFY(banner->text().contains(QStringLiteral("figures of the range")));
        auto *compare = page.findChild<ComparisonView *>();
        QVERIFY(compare);
        const QStringList characters = slugs(m_server->dataset());
        compare->choose(characters.mid(0, 2));
        const QString compareCsv = m_dir.filePath(QStringLiteral("compare.csv"));
        QString error;
        QVERIFY(!compare->exportTo(compareCsv, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Nothing was exported")), qPrintable(error));
        QVERIFY(!QFile::exists(totalsCsv) && !QFile::exists(daysCsv) && !QFile::exists(compareCsv));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("t.png"))));

        // Whole: every character, every day.
        page.ensureLoaded();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.seriesModel()->rowCount() == 30 &&
                                     page.totalsModel()->status() ==
                                         CharacterTotalsModel::Status::Ready,
                                 Timeout);
        QVERIFY(totals->exportTo(QStringLiteral("CSV"), totalsCsv));
        QCOMPARE(csvLines(totalsCsv).size(), 1 + page.totalsModel()->rowCount());
        QVERIFY(!csvLines(totalsCsv).join().contains("\xe2\x80\xa6")); // no "…" placeholder
        QVERIFY(days->exportTo(QStringLiteral("CSV"), daysCsv));
        QCOMPARE(csvLines(daysCsv).size(), 1 + 30);
        QVERIFY2(compare->exportTo(compareCsv, &error), qPrintable(error));
        QVERIFY(csvLines(compareCsv).size() > 5);

        // The per-day figures fail: the lines are emptied and their export is refused.
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("500"));
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), Timeout);
        QVERIFY(!days->exportTo(QStringLiteral("CSV"), m_dir.filePath(QStringLiteral("d2.csv"))));
        QVERIFY2(banner->text().contains(QStringLiteral("could not be loaded")),
                 qPrintable(banner->text()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("d2.csv"))));
        QVERIFY(!compare->exportTo(m_dir.filePath(QStringLiteral("c2.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("could not be loaded")), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("c2.csv"))));
        QVERIFY(!totals->exportTo(QStringLiteral("CSV"), m_dir.filePath(QStringLiteral("t2.csv"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("t2.csv"))));
    }

    void dailyReportHoursExportOnlyAWholeReport()
    {
        AnalyticsServices services(&m_stack->client);
        AnalyticsPage page(&services, &m_palette);
        DailyReportView *report = page.reportView();
        const QStringList all = slugs(m_server->dataset());
        report->setCharacters(all, {});
        ChartPanel *hours = report->findChild<ChartPanel *>();
        QVERIFY(hours);
        const QString csv = m_dir.filePath(QStringLiteral("hours.csv"));
        QSignalSpy refused(hours, &ChartPanel::exportFailed);
        QVERIFY(!hours->exportTo(QStringLiteral("CSV"), csv));
        QCOMPARE(report->statusText(), refused.last().first().toString());
        QVERIFY(!QFile::exists(csv));

        report->showReport(all.first(), Now.date(), Now.date());
        QTRY_VERIFY_WITH_TIMEOUT(report->report().characterSlug == all.first(), Timeout);
        QVERIFY(hours->exportTo(QStringLiteral("CSV"), csv));
        QCOMPARE(csvLines(csv).size(), 1 + 24);

        // A report that fails leaves zeros in the hours: they are not exported as figures.
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("500"));
        report->showReport(all.at(1), Now.date(), Now.date());
        QTRY_VERIFY_WITH_TIMEOUT(report->statusText().startsWith(QStringLiteral("No report")),
                                 Timeout);
        QVERIFY(!hours->exportTo(QStringLiteral("CSV"), m_dir.filePath(QStringLiteral("h2.csv"))));
        QVERIFY(report->statusText().contains(QStringLiteral("no report")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("h2.csv"))));
    }
};

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
