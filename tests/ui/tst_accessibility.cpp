#include "api/recordingfetcher.h"
#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/charactertotalsmodel.h"
#include "models/playbackcontroller.h"
#include "models/sessioncolumns.h"
#include "models/sessionexporter.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "models/storebrowser.h"
#include "tests/models/analyticsfixture.h"
#include "tests/ui/accessibilitycheck.h"
#include "tests/ui/assembledwindow.h"
#include "ui/charts/analyticspage.h"
#include "ui/charts/characterbarchart.h"
#include "ui/connection/connectiondialog.h"
#include "ui/mainwindow.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/sessions/exportflow.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/store/openstoredialog.h"
#include "ui/store/storepage.h"
#include "ui/store/storewiring.h"
#include "ui/transcript/sessionheader.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptview.h"
#include "ui/windowwiring.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 120000;

/// The store the window's page browses; a base of Window so that it outlives the window.
struct StoreHolder
{
    StoreBrowser store;
};

/// The assembled window with the store's page, at a size that shows every control.
struct Window : StoreHolder, AssembledWindow
{
    Window(ClientStack &stack, const QString &settingsFile)
        : AssembledWindow(stack, settingsFile)
        , storePage(new StorePage(&store))
    {
        storePage->setSessionPane(
            new SessionPane(new PlaybackController(new MediaPlayerBackend, &recordings, nullptr)));
        StoreWiring::install(window, storePage, settings);
        window.resize(1400, 900);
        window.show();
    }
    StorePage *storePage;

    [[nodiscard]] QTabWidget *pages() const
    {
        return qobject_cast<QTabWidget *>(window.centralWidget());
    }
    [[nodiscard]] SessionTableView *table() const { return window.sessionsPage()->table(); }
};

/// Where `target` comes in the focus chain that starts at `from`: -1 when it never does.
int stepsTo(QWidget *from, QWidget *target)
{
    int steps = 0;
    for (QWidget *w = from->nextInFocusChain(); w != from; w = w->nextInFocusChain()) {
        ++steps;
        if (w == target)
            return steps;
    }
    return -1;
}
} // namespace

/// A screen reader and a keyboard can use the whole window: names and descriptions on every
/// control, the session table as a table, a tab order that reads like the window.
class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_server = std::make_unique<DemoServer>(AnalyticsFixture::options(400));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_stack = std::make_unique<ClientStack>(*m_server);
        m_settingsFile = m_dir.filePath(QStringLiteral("%1.ini").arg(++m_run));
    }

    void cleanup() { m_stack.reset(); }

    void everyControlHasANameAndADescription()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(w.model.rowCount() > 0, Timeout);
        w.opener.open(m_server->dataset().sessions().at(5).sessionId);
        QTRY_VERIFY_WITH_TIMEOUT(!w.pane->session().sessionId.isEmpty(), Timeout);

        QSet<const QWidget *> checked;
        QStringList missing;
        // Each page shown in turn: some build their parts once shown.
        for (int page = 0; page < w.pages()->count(); ++page) {
            w.pages()->setCurrentIndex(page);
            QCoreApplication::processEvents();
            missing += AccessibilityCheck::unnamed(&w.window, &checked);
        }
        // The export's progress, while it runs.
        SessionExporter exporter(&m_stack->client);
        ExportFlow *flow = WindowWiring::connectExporter(w.window, &exporter);
        flow->start(m_dir.filePath(QStringLiteral("export-%1.jsonl").arg(m_run)));
        auto *progress = w.window.findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        QVERIFY(progress);
        missing += AccessibilityCheck::unnamed(progress, &checked);
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.isRunning(), Timeout);

        ConnectionDialog connection;
        missing += AccessibilityCheck::unnamed(&connection, &checked);
        OpenStoreDialog openStore(QString{});
        missing += AccessibilityCheck::unnamed(&openStore, &checked);
        w.window.findChild<QAction *>(QStringLiteral("goToSession"))->trigger();
        auto *goTo = w.window.findChild<QInputDialog *>(QStringLiteral("goToSessionDialog"));
        QVERIFY(goTo);
        missing += AccessibilityCheck::unnamed(goTo, &checked);
        goTo->close();

        // Text fields let Tab through: none keeps the keyboard.
        for (QWidget *root : {static_cast<QWidget *>(&w.window), static_cast<QWidget *>(w.pane)}) {
            for (const QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>())
                QVERIFY2(edit->tabChangesFocus(), qPrintable(AccessibilityCheck::describe(edit)));
        }

        missing.removeDuplicates();
        for (const QString &m : std::as_const(missing))
            qInfo("%s", qPrintable(m));
        qInfo("%d controls checked, %d without a name or a description", int(checked.size()),
              int(missing.size()));
        QVERIFY2(checked.size() > 80, "the walk found too few controls to be the whole window");
        QVERIFY2(missing.isEmpty(), "controls without a name or a description: listed above");
    }

    void sessionTableIsATableToAScreenReader()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(w.model.rowCount() > 0, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(w.model.session(0) != nullptr, Timeout);

        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w.table());
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::Table);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        QAccessibleTableInterface *table = iface->tableInterface();
        QVERIFY(table);
        const QAbstractItemModel *model = w.table()->model();
        QCOMPARE(table->rowCount(), model->rowCount());
        QCOMPARE(table->columnCount(), model->columnCount());
        for (int column = 0; column < model->columnCount(); ++column) {
            QCOMPARE(table->columnDescription(column),
                     model->headerData(column, Qt::Horizontal).toString());
            QAccessibleInterface *cell = table->cellAt(0, column);
            QVERIFY(cell);
            const QModelIndex index = model->index(0, column);
            const QString expected = index.data(Qt::AccessibleTextRole).isValid()
                                         ? index.data(Qt::AccessibleTextRole).toString()
                                         : index.data(Qt::DisplayRole).toString();
            QCOMPARE(cell->text(QAccessible::Name), expected);
            QVERIFY2(!cell->text(QAccessible::Name).isEmpty(),
                     qPrintable(model->headerData(column, Qt::Horizontal).toString()));
            QAccessibleTableCellInterface *cellInfo = cell->tableCellInterface();
            QVERIFY(cellInfo);
            QCOMPARE(cellInfo->rowIndex(), 0);
            QCOMPARE(cellInfo->columnIndex(), column);
        }
        // The text of a cell further down is the one the view shows.
        const int row = int(model->rowCount() / 2);
        QTRY_VERIFY_WITH_TIMEOUT(w.model.session(row) != nullptr ||
                                     (w.table()->scrollTo(model->index(row, 0)), false),
                                 Timeout);
        const int created = 0;
        QCOMPARE(table->cellAt(row, created)->text(QAccessible::Name),
                 model->index(row, created).data().toString());
        // A cell that shows nothing still says something: a finished session's "live" column.
        const int live = SessionColumns::InProgress;
        bool sawFinished = false;
        for (int r = 0; r < model->rowCount() && !sawFinished; ++r) {
            const SessionSummary *s = w.model.session(r);
            if (!s || s->inProgress())
                continue;
            QVERIFY(model->index(r, live).data().toString().isEmpty());
            QCOMPARE(table->cellAt(r, live)->text(QAccessible::Name), u"finished"_s);
            sawFinished = true;
        }
        QVERIFY(sawFinished);
    }

    void chartsSayWhatTheyShow()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(w.model.rowCount() > 0, Timeout);
        w.window.showAnalyticsPage();
        auto *bars = w.analytics->findChild<CharacterBarChart *>();
        QVERIFY(bars);
        QCOMPARE(bars->accessibleName(), u"Totals per character"_s);
        const auto described = [&] {
            return bars->accessibleDescription() ==
                   u"%1 per character, %2 bars"_s.arg(CharacterBarChart::metricName(bars->metric()))
                       .arg(w.analytics->totalsModel()->rowCount());
        };
        QTRY_VERIFY_WITH_TIMEOUT(w.analytics->totalsModel()->status() ==
                                         CharacterTotalsModel::Status::Ready &&
                                     w.analytics->totalsModel()->rowCount() > 1 && described(),
                                 Timeout);
        // Another metric: the description follows.
        auto *metric = w.analytics->findChild<QComboBox *>(u"totalsMetric"_s);
        QVERIFY(metric);
        metric->setCurrentIndex(1);
        QTRY_VERIFY2(described() && bars->accessibleDescription().startsWith(
                                        CharacterBarChart::metricName(bars->metric())),
                     qPrintable(bars->accessibleDescription()));
        QCOMPARE(int(bars->metric()), metric->currentData().toInt());
    }

    void tabGoesFromFiltersToTableToPane()
    {
        Window w(*m_stack, m_settingsFile);
        w.opener.setReady(true);
        w.window.sessionsPage()->applyFilters();
        QTRY_VERIFY_WITH_TIMEOUT(w.model.rowCount() > 0, Timeout);
        w.opener.open(m_server->dataset().sessions().at(9).sessionId);
        QTRY_VERIFY_WITH_TIMEOUT(!w.pane->session().sessionId.isEmpty(), Timeout);

        auto *character = w.window.findChild<QWidget *>(QStringLiteral("characterFilter"));
        QVERIFY(character);
        const int toTable = stepsTo(character, w.table());
        const int toTranscript = stepsTo(character, w.pane->view());
        const auto *slider = w.pane->findChild<QSlider *>(QStringLiteral("positionSlider"));
        QVERIFY(slider);
        const int toPlayer = stepsTo(character, const_cast<QSlider *>(slider));
        const int toHeader = stepsTo(character, w.pane->header());
        qInfo("focus chain from the filters: table %d, header %d, transcript %d, player %d",
              toTable, toHeader, toTranscript, toPlayer);
        QVERIFY(toTable > 0);
        QVERIFY(toTranscript > toTable);
        QVERIFY(toPlayer > toTranscript);
        // The pane's header buttons come before the transcript they describe.
        const QList<QAbstractButton *> headerButtons =
            w.pane->header()->findChildren<QAbstractButton *>();
        QVERIFY(!headerButtons.isEmpty());
        for (QAbstractButton *button : headerButtons) {
            if (button->focusPolicy() == Qt::NoFocus)
                continue;
            const int steps = stepsTo(character, button);
            QVERIFY2(steps > toTable && steps < toTranscript,
                     qPrintable(AccessibilityCheck::describe(button)));
        }

        // The transcript's buttons come after the header and before the transcript.
        for (QAbstractButton *button : w.pane->findChildren<QAbstractButton *>()) {
            if (button->parentWidget() == w.pane->view()->parentWidget()) {
                const int steps = stepsTo(character, button);
                QVERIFY2(steps > toHeader && steps < toTranscript,
                         qPrintable(button->accessibleName()));
            }
        }

        const int toFind = stepsTo(character, w.pane->findChild<QLineEdit *>());
        QVERIFY(toFind < toTranscript);

        // No trap: Tab from the table reaches the pane and comes back round to the filters.
        QWidget *w0 = w.table();
        int hops = 0;
        QWidget *at = w0;
        bool sawPane = false;
        do {
            at = at->nextInFocusChain();
            sawPane = sawPane || w.pane->isAncestorOf(at);
        } while (at != w0 && ++hops < 10000);
        QVERIFY(sawPane);
        QCOMPARE(at, w0);
    }

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<ClientStack> m_stack;
    QTemporaryDir m_dir;
    QString m_settingsFile;
    int m_run = 0;
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
