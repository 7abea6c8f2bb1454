// The charts read their models: bar heights and order, line points per day, small multiples,
// clicks and keys turned into "open these sessions", and exports (PNG, SVG, CSV) rendered
// offscreen.

#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/charactertotalsfetcher.h"
#include "models/charactertotalsmodel.h"
#include "models/comparisonmodel.h"
#include "models/dailyseriesmodel.h"
#include "reports/rangeaggregator.h"
#include "tests/models/analyticsfixture.h"
#include "ui/charts/analyticspage.h"
#include "ui/charts/characterbarchart.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/comparisoncharts.h"
#include "ui/charts/dailyserieschart.h"
#include "ui/charts/hourlychart.h"
#include "ui/charts/nicescale.h"
#include "ui/comparison/comparisonview.h"
#include "ui/report/dailyreportview.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBuffer>
#include <QCategoryAxis>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTranslator>
#include <QValueAxis>

using namespace AnalyticsFixture;

namespace {
constexpr int Timeout = 120000;

/// Tick labels written as "0|1,000|2,000".
QStringList ticks(const char *joined)
{
    return QString::fromUtf8(joined).split(QLatin1Char('|'));
}

/// A language of its own: every translated text in capitals, so that what is translated shows.
class UpperCaseTranslator final : public QTranslator
{
public:
    [[nodiscard]] bool isEmpty() const override { return false; }
    [[nodiscard]] QString translate(const char *, const char *sourceText, const char *,
                                    int) const override
    {
        return QString::fromUtf8(sourceText).toUpper();
    }
};
} // namespace

class TestCharts final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    std::unique_ptr<CharacterTotalsFetcher> m_fetcher;
    std::unique_ptr<CharacterTotalsModel> m_totals;
    std::optional<RangeAggregate> m_aggregate;
    CharacterPalette m_palette;
    UtcRange m_range;
    QDate m_first;
    QDate m_last;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_stack = std::make_unique<ClientStack>(*m_server);
        m_last = Now.date();
        m_first = m_last.addDays(-29);
        m_range = UtcRange::forDays(m_first, m_last, QTimeZone::utc());
        m_fetcher = std::make_unique<CharacterTotalsFetcher>(&m_stack->client);
        m_totals = std::make_unique<CharacterTotalsModel>(m_fetcher.get());
        m_totals->setFilter({}, m_range);
        m_totals->addCharacters(slugs(m_server->dataset()));
        QTRY_COMPARE_WITH_TIMEOUT(m_totals->status(), CharacterTotalsModel::Status::Ready, Timeout);

        RangeAggregator aggregator(&m_stack->client);
        connect(
            &aggregator, &RangeAggregator::finished, this,
            [&](quint64, const RangeAggregate &a, const CollectionSummary &) { m_aggregate = a; });
        UsageQuery query;
        query.range = m_range;
        aggregator.start(query, QTimeZone::utc());
        QTRY_VERIFY_WITH_TIMEOUT(m_aggregate.has_value(), Timeout);
    }

    void barsFollowTheModelSortedByValue_data()
    {
        QTest::addColumn<CharacterBarChart::Metric>("metric");
        QTest::addColumn<int>("setsPerCharacter");
        QTest::newRow("sessions") << CharacterBarChart::Metric::Sessions << 1;
        QTest::newRow("cost") << CharacterBarChart::Metric::Cost << 1;
        QTest::newRow("llm tokens") << CharacterBarChart::Metric::LlmTokens << 2;
        QTest::newRow("stt minutes") << CharacterBarChart::Metric::SttMinutes << 1;
        QTest::newRow("tts characters") << CharacterBarChart::Metric::TtsCharacters << 1;
    }

    void barsFollowTheModelSortedByValue()
    {
        QFETCH(CharacterBarChart::Metric, metric);
        QFETCH(int, setsPerCharacter);
        CharacterBarChart chart(m_totals.get(), &m_palette);
        chart.setMetric(metric);
        QCOMPARE(chart.categories().size(), 8);
        QCOMPARE(chart.series()->barSets().size(), 8 * setsPerCharacter);
        for (int i = 0; i < chart.categories().size(); ++i) {
            const UsageTotals t = *m_totals->totals(chart.categories().at(i));
            double want = 0;
            switch (metric) {
            case CharacterBarChart::Metric::Sessions:
                want = double(t.sessions);
                break;
            case CharacterBarChart::Metric::Cost:
                want = t.estimatedCost.toDouble();
                break;
            case CharacterBarChart::Metric::LlmTokens:
                want = double(t.llmInputTokens + t.llmOutputTokens);
                break;
            case CharacterBarChart::Metric::SttMinutes:
                want = t.sttAudioSeconds / 60.0;
                break;
            case CharacterBarChart::Metric::TtsCharacters:
                want = double(t.ttsCharacters);
                break;
            }
            QVERIFY(qAbs(chart.valueAt(i) - want) <= 1e-9 * qMax(1.0, want));
            if (i > 0)
                QVERIFY(chart.valueAt(i - 1) >= chart.valueAt(i));
        }
        // One colour per character, the palette's.
        const QString top = chart.categories().first();
        QCOMPARE(chart.series()->barSets().first()->color(), m_palette.color(top, chart.palette()));
        const auto axes = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        QCOMPARE(axes.first()->titleText(), CharacterBarChart::metricUnit(metric));
    }

    void clickingABarOpensThatCharacter()
    {
        CharacterBarChart chart(m_totals.get(), &m_palette);
        QSignalSpy activated(&chart, &CharacterBarChart::characterActivated);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QBarSet *second = chart.series()->barSets().at(1);
        // Hovering shows the bar's figure; the click that leads away takes the tooltip down.
        Q_EMIT second->hovered(true, 1);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY(QToolTip::text().startsWith(m_totals->displayName(chart.categories().at(1))));
        QVERIFY(QToolTip::text().contains(QRegularExpression(QStringLiteral("[0-9]"))));
        Q_EMIT second->clicked(1);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), chart.categories().at(1));
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    void keyboardWalksTheBarsAndOpensOne()
    {
        CharacterBarChart chart(m_totals.get(), &m_palette);
        chart.setMetric(CharacterBarChart::Metric::Cost);
        chart.rebuildNow();
        QSignalSpy activated(&chart, &CharacterBarChart::characterActivated);
        const QString summary = chart.accessibleDescription();
        QVERIFY(!chart.figureLabel()->isVisible());
        chart.show();
        QVERIFY(QTest::qWaitForWindowActive(&chart));
        QCOMPARE(chart.focusPolicy(), Qt::StrongFocus);
        chart.setFocus();
        QTRY_VERIFY(chart.hasFocus());
        // The keyboard starts on the tallest bar: outlined, its value shown and said.
        const QStringList bars = chart.categories();
        QCOMPARE(chart.currentCharacter(), bars.first());
        const auto outlined = [&] {
            QStringList slugs;
            const auto sets = chart.series()->barSets();
            for (const QBarSet *set : sets)
                if (set->pen().width() == 3)
                    slugs.append(set->property("slug").toString());
            return slugs;
        };
        QCOMPARE(outlined(), QStringList{bars.first()});
        QVERIFY(chart.figureLabel()->isVisible());
        const QString second = m_totals->displayName(bars.at(1));
        QTest::keyClick(&chart, Qt::Key_Right);
        QCOMPARE(chart.currentCharacter(), bars.at(1));
        QCOMPARE(outlined(), QStringList{bars.at(1)});
        QVERIFY(chart.figureLabel()->text().startsWith(second + QLatin1Char(':')));
        QVERIFY(chart.accessibleDescription().startsWith(summary + QStringLiteral(". ") + second));
        QVERIFY(chart.accessibleDescription().contains(
            m_totals->totals(bars.at(1))->estimatedCost.toDecimalString()));
        QTest::keyClick(&chart, Qt::Key_End);
        QCOMPARE(chart.currentCharacter(), bars.last());
        QTest::keyClick(&chart, Qt::Key_Right); // stays on the last bar
        QCOMPARE(chart.currentCharacter(), bars.last());
        QTest::keyClick(&chart, Qt::Key_Home);
        QTest::keyClick(&chart, Qt::Key_Left); // stays on the first
        QTest::keyClick(&chart, Qt::Key_Right);
        QCOMPARE(activated.size(), 0);
        QTest::keyClick(&chart, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), bars.at(1));
        QTest::keyClick(&chart, Qt::Key_Space);
        QCOMPARE(activated.size(), 2);
        // An export leaves the outline out, and the keyboard where it was.
        const QImage exported = ChartExport::renderImage(&chart, QSize(480, 320));
        QVERIFY(chart.hasFocus());
        QCOMPARE(outlined(), QStringList{bars.at(1)});
        chart.clearFocus();
        QCOMPARE(ChartExport::renderImage(&chart, QSize(480, 320)), exported);
        chart.setFocus();
        QCOMPARE(chart.currentCharacter(), bars.at(1));
        // Right to left, Left goes on to the next bar.
        chart.setLayoutDirection(Qt::RightToLeft);
        QTest::keyClick(&chart, Qt::Key_Left);
        QCOMPARE(chart.currentCharacter(), bars.at(2));
        // Without the focus, no outline and no figure; the description is the chart's again.
        chart.clearFocus();
        QTRY_VERIFY(!chart.hasFocus());
        QVERIFY(outlined().isEmpty());
        QVERIFY(!chart.figureLabel()->isVisible());
        QCOMPARE(chart.accessibleDescription(), summary);
    }

    void keyboardWalksTheDaysAndOpensOne()
    {
        DailySeriesModel model;
        QAbstractItemModelTester tester(&model);
        const QStringList characters = slugs(m_server->dataset());
        model.setAggregate(*m_aggregate, m_first, m_last, characters);
        DailySeriesChart chart(&model, &m_palette);
        chart.rebuildNow();
        QSignalSpy activated(&chart, &DailySeriesChart::dayActivated);
        const QString summary = chart.accessibleDescription();
        QCOMPARE(chart.ring()->count(), 0);
        chart.show();
        QVERIFY(QTest::qWaitForWindowActive(&chart));
        chart.setFocus();
        QTRY_VERIFY(chart.hasFocus());
        // The keyboard starts on the last day of the first line, ringed.
        QCOMPARE(chart.currentCharacter(), characters.first());
        QCOMPARE(chart.currentDay(), m_last);
        QCOMPARE(chart.ring()->count(), 1);
        QCOMPARE(chart.ring()->at(0), chart.lines().first()->at(29));
        QTest::keyClick(&chart, Qt::Key_Left);
        QTest::keyClick(&chart, Qt::Key_Down);
        QTest::keyClick(&chart, Qt::Key_Down);
        QCOMPARE(chart.currentCharacter(), characters.at(2));
        QCOMPARE(chart.currentDay(), m_last.addDays(-1));
        QCOMPARE(chart.ring()->at(0), chart.lines().at(2)->at(28));
        const DayFigures day = model.figures(28, characters.at(2));
        QVERIFY(chart.accessibleDescription().startsWith(summary + QStringLiteral(". ") +
                                                         characters.at(2)));
        QVERIFY(chart.accessibleDescription().contains(QLocale().toString(day.sessions)));
        QVERIFY(chart.figureLabel()->isVisible());
        QVERIFY(chart.figureLabel()->text().startsWith(characters.at(2)));
        QVERIFY(chart.viewport()->rect().contains(chart.figureLabel()->geometry()));
        // Laid out again, the figure follows its point.
        chart.resize(900, 500);
        const auto near = [&] {
            const QPointF point = chart.chart()->mapToPosition(chart.ring()->at(0), chart.ring());
            const QPoint at = chart.mapFromScene(chart.chart()->mapToScene(point));
            return chart.figureLabel()->geometry().adjusted(-40, -40, 40, 40).contains(at);
        };
        QTRY_VERIFY(near());
        QTest::keyClick(&chart, Qt::Key_Up);
        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.currentDay(), m_first);
        QTest::keyClick(&chart, Qt::Key_Left); // stays on the first day
        QCOMPARE(chart.currentDay(), m_first);
        QTest::keyClick(&chart, Qt::Key_Enter);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), characters.at(1));
        QCOMPARE(activated.first().at(1).toDate(), m_first);
        // Another metric redraws the chart; the keyboard stays on its point.
        model.setMetric(DailySeriesModel::Metric::Cost);
        chart.rebuildNow();
        QCOMPARE(chart.currentCharacter(), characters.at(1));
        QCOMPARE(chart.ring()->count(), 1);
        QCOMPARE(chart.ring()->at(0), chart.lines().at(1)->at(0));
        chart.clearFocus();
        QTRY_VERIFY(!chart.hasFocus());
        QCOMPARE(chart.ring()->count(), 0);
        QVERIFY(!chart.figureLabel()->isVisible());
        QVERIFY(!chart.accessibleDescription().contains(characters.at(1)));
    }

    void linesPerCharacterPerDay()
    {
        DailySeriesModel model;
        model.setAggregate(*m_aggregate, m_first, m_last, slugs(m_server->dataset()));
        DailySeriesChart chart(&model, &m_palette);
        chart.rebuildNow();
        QCOMPARE(chart.lines().size(), 8);
        for (QLineSeries *line : chart.lines()) {
            QCOMPARE(line->count(), 30);
            qint64 sum = 0;
            for (const QPointF &p : line->points())
                sum += qint64(p.y());
            QCOMPARE(sum, m_totals->totals(line->name())->sessions);
            QCOMPARE(chart.dayAt(line->at(3).x()), m_first.addDays(3));
        }
        model.setMetric(DailySeriesModel::Metric::Cost);
        chart.rebuildNow();
        QLineSeries *line = chart.lines().first();
        const DayFigures day = model.figures(5, line->name());
        QCOMPARE(line->at(5).y(), day.cost.toDouble());

        // Its CSV: the day, then each character's figure of the metric shown, exactly.
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        ChartExport::writeCsv(&model, &csv, DailySeriesModel::ExportRole);
        const QList<QByteArray> rows = csv.data().split('\n');
        QCOMPARE(rows.size(), 30 + 2);
        const QStringList characters = slugs(m_server->dataset());
        QByteArray header = "day";
        for (const QString &slug : characters)
            header += ',' + slug.toUtf8() + "_cost_usd";
        QCOMPARE(rows.first(), header + '\r');
        const QList<QByteArray> sixth = rows.at(1 + 5).chopped(1).split(',');
        QCOMPARE(sixth.first(), m_first.addDays(5).toString(Qt::ISODate).toUtf8());
        const qsizetype column = characters.indexOf(line->name()) + 1;
        QCOMPARE(sixth.at(column), day.cost.toDecimalString().toUtf8());
        QSignalSpy renamed(&model, &QAbstractItemModel::headerDataChanged);
        model.setMetric(DailySeriesModel::Metric::Sessions);
        QCOMPARE(renamed.size(), 1);
        QCOMPARE(model.headerData(1, Qt::Horizontal, DailySeriesModel::ExportRole).toString(),
                 characters.first() + QStringLiteral("_sessions"));
        model.setMetric(DailySeriesModel::Metric::Cost);

        QSignalSpy activated(&chart, &DailySeriesChart::dayActivated);
        Q_EMIT line->clicked(line->at(5));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), line->name());
        QCOMPARE(activated.first().at(1).toDate(), m_first.addDays(5));
    }

    void barsReachTheirValueOnTheAxis()
    {
        // A one-session and a four-session hour: the axis ends on a whole number at or above
        // the top bar, so a 4-session bar reaches the tick labelled 4.
        std::array<DayFigures, 24> hours{};
        hours[9].sessions = 1;
        hours[14].sessions = 4;
        HourlyChart chart;
        chart.setHours(hours, Qt::blue);
        const auto axes = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto *y = qobject_cast<QCategoryAxis *>(axes.first());
        QVERIFY(y);
        QCOMPARE(y->max(), 4.0);
        QCOMPARE(y->categoriesLabels(), (ticks("0|1|2|3|4")));
        QCOMPARE(chart.sessionsAt(14), 4.0);
    }

    void comparisonChartsNameTheirCharacters()
    {
        ComparisonModel model;
        model.setAggregate(*m_aggregate);
        ComparisonView view(&model, &m_palette);
        view.setAvailableCharacters(slugs(m_server->dataset()));
        // Before two characters are chosen: a sentence, not twelve empty charts.
        QVERIFY(view.isShowingEmptyState());
        const QStringList chosen = slugs(m_server->dataset()).mid(0, 3);
        view.choose(chosen);
        QVERIFY(!view.isShowingEmptyState());
        view.charts()->rebuildNow();
        QSet<QRgb> colours;
        for (QChartView *chartView : view.charts()->views()) {
            const auto axes = chartView->chart()->axes(Qt::Horizontal);
            QCOMPARE(axes.size(), 1);
            auto *x = qobject_cast<QBarCategoryAxis *>(axes.first());
            QVERIFY(x);
            QCOMPARE(x->categories(), chosen);
            QVERIFY(qobject_cast<QCategoryAxis *>(chartView->chart()->axes(Qt::Vertical).first()));
        }
        for (const QString &slug : chosen)
            colours.insert(m_palette.color(slug).rgb());
        QCOMPARE(colours.size(), chosen.size());
        // Compare exports like every chart view: its figures as CSV, its charts as a picture.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("comparison.csv"));
        QString error;
        QVERIFY2(view.exportTo(csv, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csvFile.readAll();
        QCOMPARE(csvBytes.count("\r\n"), ComparisonMetrics::Count + 1);
        QVERIFY(csvBytes.startsWith("\"metric\",\"" + chosen.first().toUtf8() + '"'));
        QVERIFY(csvBytes.contains("\"total_cost_usd\""));
        const QString png = dir.filePath(QStringLiteral("comparison.png"));
        view.resize(1200, 900);
        QVERIFY2(view.exportTo(png, &error), qPrintable(error));
        QVERIFY(!QImage(png).isNull());
        // A name the server gives replaces the slug under the bars.
        model.setDisplayNames({{chosen.first(), QStringLiteral("First Character")}});
        view.charts()->rebuildNow();
        auto *x = qobject_cast<QBarCategoryAxis *>(
            view.charts()->views().first()->chart()->axes(Qt::Horizontal).first());
        QCOMPARE(x->categories().first(), QStringLiteral("First Character"));
    }

    void smallMultiplesAndHours()
    {
        ComparisonModel model;
        model.setAggregate(*m_aggregate);
        model.setCharacters(slugs(m_server->dataset()).mid(0, 3));
        ComparisonCharts charts(&model, &m_palette);
        charts.rebuildNow();
        QCOMPARE(charts.views().size(), ComparisonMetrics::Count);
        for (int row = 0; row < ComparisonMetrics::Count; ++row) {
            for (int column = 0; column < 3; ++column)
                QCOMPARE(charts.plotted(row, column),
                         model.index(row, column).data(ComparisonModel::SortRole).toDouble());
        }
        HourlyChart hours;
        const QString slug = slugs(m_server->dataset()).first();
        hours.setHours(m_aggregate->character(slug)->hours, m_palette.color(slug));
        double sum = 0;
        for (int h = 0; h < 24; ++h)
            sum += hours.sessionsAt(h);
        QCOMPARE(qint64(sum), m_aggregate->stats(slug).totals.sessions);
        // The figures behind the bars, for the daily report's CSV export.
        QStandardItemModel *table = hours.hoursModel();
        QCOMPARE(table->rowCount(), 24);
        qint64 tableSum = 0;
        for (int h = 0; h < 24; ++h)
            tableSum += table->index(h, 1).data().toLongLong();
        QCOMPARE(tableSum, m_aggregate->stats(slug).totals.sessions);
    }

    void exportsPngSvgAndCsv()
    {
        CharacterBarChart chart(m_totals.get(), &m_palette);
        chart.resize(800, 500);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("bars.png"));
        QString error;
        QVERIFY2(ChartExport::savePng(&chart, png, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 500));
        // Not blank: the first bar's colour is somewhere in the picture.
        const QRgb bar = m_palette.color(chart.categories().first(), chart.palette()).rgb();
        bool found = false;
        for (int y = 0; y < image.height() && !found; y += 2) {
            for (int x = 0; x < image.width() && !found; x += 2)
                found = (image.pixel(x, y) & 0xffffff) == (bar & 0xffffff);
        }
        QVERIFY(found);

        const QString svg = dir.filePath(QStringLiteral("bars.svg"));
        QVERIFY2(ChartExport::saveSvg(&chart, svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.size() > 1000);

        // The CSV's header names the columns for scripts: a translation changes the chart's
        // words, not the file's.
        UpperCaseTranslator upper;
        QCoreApplication::installTranslator(&upper);
        QCOMPARE(
            m_totals->headerData(CharacterTotalsModel::CostColumn, Qt::Horizontal, Qt::DisplayRole),
            QStringLiteral("COST (USD)"));
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        ChartExport::writeCsv(m_totals.get(), &csv, CharacterTotalsModel::ExactRole);
        QCoreApplication::removeTranslator(&upper);
        const QList<QByteArray> lines = csv.data().split('\n');
        QCOMPARE(lines.size(), 8 + 2); // header, eight rows, and the empty tail after CRLF
        QCOMPARE(lines.first(), QByteArray("character,sessions,cost_usd,llm_input_tokens,"
                                           "llm_output_tokens,llm_tokens,stt_minutes,"
                                           "tts_characters,cost_per_session_usd\r"));
        const QString first = m_totals->slugs().first();
        QVERIFY(lines.at(1).startsWith(
            first.toUtf8() + ',' + QByteArray::number(m_totals->totals(first)->sessions) + ',' +
            m_totals->totals(first)->estimatedCost.toDecimalString().toUtf8()));
    }

    void analyticsPageLoadsAndRoutesClicks()
    {
        AnalyticsServices services(&m_stack->client);
        AnalyticsPage page(&services, &m_palette);
        page.setTimeZone(QTimeZone::utc());
        page.addKnownCharacters({slugs(m_server->dataset()).first()});
        page.setFilter({}, {}, m_first, m_last);
        page.ensureLoaded(); // the page is not shown: it loads only when asked
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.seriesModel()->rowCount() == 30,
                                 Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(page.totalsModel()->status(), CharacterTotalsModel::Status::Ready,
                                  Timeout);
        QCOMPARE(page.totalsModel()->rowCount(), 8);
        // The days add up to the totals the bars show.
        for (const QString &slug : page.totalsModel()->slugs())
            QCOMPARE(page.seriesModel()->total(slug).cost,
                     page.totalsModel()->totals(slug)->estimatedCost);
        QSignalSpy open(&page, &AnalyticsPage::openSessions);
        page.barChart()->rebuildNow();
        Q_EMIT page.barChart()->series()->barSets().first()->clicked(0);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), page.barChart()->categories().first());
        // A bar stands for the whole range of the filter.
        QCOMPARE(open.first().at(2).toDate(), m_first);
        QCOMPARE(open.first().at(3).toDate(), m_last);

        // The totals table lists the characters in the chart's order.
        auto *table = page.findChild<QTableView *>(QStringLiteral("totalsTable"));
        QVERIFY(table);
        QStringList tableOrder;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            tableOrder.append(
                table->model()->index(row, 0).data(CharacterTotalsModel::SlugRole).toString());
        QCOMPARE(tableOrder, page.barChart()->categories());

        // Tokens are stacked input and output bars: the table follows their sum.
        auto *metric = page.findChild<QComboBox *>(QStringLiteral("totalsMetric"));
        QVERIFY(metric);
        metric->setCurrentIndex(metric->findData(int(CharacterBarChart::Metric::LlmTokens)));
        page.barChart()->rebuildNow();
        tableOrder.clear();
        for (int row = 0; row < table->model()->rowCount(); ++row)
            tableOrder.append(
                table->model()->index(row, 0).data(CharacterTotalsModel::SlugRole).toString());
        QCOMPARE(tableOrder, page.barChart()->categories());
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
                 int(CharacterTotalsModel::LlmTokensColumn));
    }

    void dailyReportPicksCharactersByName()
    {
        AnalyticsServices services(&m_stack->client);
        AnalyticsPage page(&services, &m_palette);
        DailyReportView *report = page.reportView();
        const QStringList all = slugs(m_server->dataset());
        report->setCharacters(all, {{all.at(0), QStringLiteral("First <b>Character</b>")}});
        auto *picker = report->findChild<QComboBox *>(QStringLiteral("reportCharacter"));
        QVERIFY(picker);
        // The name where the server gives one, the slug otherwise; the slug is what is asked.
        QCOMPARE(picker->itemText(0), QStringLiteral("First <b>Character</b>"));
        QCOMPARE(picker->itemData(0).toString(), all.at(0));
        QCOMPARE(picker->itemText(1), all.at(1));
        report->showReport(all.at(0), m_last, m_last);
        QCOMPARE(picker->currentIndex(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            report->statusText().startsWith(QStringLiteral("First <b>Character</b>: ")), Timeout);
        QCOMPARE(report->report().characterSlug, all.at(0));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
