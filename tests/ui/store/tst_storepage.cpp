#include "api/clientconfiguration.h"
#include "api/recordingfetcher.h"
#include "models/pagefetcher.h"
#include "models/playbackcontroller.h"
#include "models/sessiontablemodel.h"
#include "models/storebrowser.h"
#include "models/storesearchmodel.h"
#include "models/storesynccontroller.h"
#include "models/transcriptmodel.h"
#include "store/reviewstore.h"
#include "tests/models/storefixture.h"
#include "tests/ui/silentbackend.h"
#include "ui/mainwindow.h"
#include "ui/sessions/totalsbar.h"
#include "ui/store/openstoredialog.h"
#include "ui/store/reviewpanel.h"
#include "ui/store/searchhitdelegate.h"
#include "ui/store/storefilterbar.h"
#include "ui/store/storepage.h"
#include "ui/store/storesearchpanel.h"
#include "ui/store/storesyncbar.h"
#include "ui/store/storewiring.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 60000;
constexpr int Sessions = 1500;

/// The window as the application assembles it, with the store's page installed.
struct Window
{
    Window(SyncedStore &store, const QString &settingsFile)
        : settings(settingsFile, QSettings::IniFormat)
        , model(&store.stack->fetcher)
        , window(&model, settings)
        , sync(
              [&store] {
                  return StoreSyncController::ClientBuilder(
                      [configuration =
                           ClientConfiguration::of(store.stack->client, store.stack->network)] {
                          return configuration.makeClient();
                      });
              },
              &browser)
        , page(new StorePage(&browser))
    {
        page->setSessionPane(new SessionPane(
            new PlaybackController(new SilentBackend, &recordings, &store.stack->client)));
        StoreWiring::install(window, page, settings, &sync);
    }
    QSettings settings;
    SessionTableModel model;
    RecordingFetcher recordings;
    StoreBrowser browser;
    MainWindow window;
    StoreSyncController sync;
    StorePage *page;
};

/// One number from the store, asked directly with SQL.
qint64 scalar(const SyncedStore &store, const QString &sql)
{
    SessionStore direct;
    QString error;
    if (!direct.open(store.location, SessionStore::Access::Reader, &error))
        return -1;
    QSqlQuery query(direct.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 countWhere(const SyncedStore &store, const QString &condition)
{
    return scalar(store, QStringLiteral("SELECT COUNT(*) FROM sessions WHERE ") + condition);
}
} // namespace

class TestStorePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensAStoreWithItsTotalsAndLastSync();
    void aHeaderClickSortsInTheStore();
    void storeOnlyFiltersApply();
    void openedRowNeedsAConnectionForItsRecording();
    void onlineTheRecordingGetsAFreshAddress();
    void theStoreChosenIsOpenedAgainAtTheNextStart();
    void aStoreThatDoesNotOpenSaysWhy();
    void openDialogGivesTheDatabaseArgument();
    void searchOpensAHitAtItsTurnAndMoment();
    void highlightEscapesTheTranscriptsText();
    void syncFillsAnEmptyStoreAndCancelKeepsWhatIsWritten();
    void reviewQueueWorksWithTheKeyboard();

private:
    void openAndWait(Window &w, const QString &argument);

    SyncedStore m_store;
    QString m_settingsFile;
    QTemporaryDir m_settingsDir;
};

void TestStorePage::initTestCase()
{
    QString error;
    QVERIFY2(m_store.fill(Sessions, &error), qPrintable(error));
}

void TestStorePage::init()
{
    m_settingsFile = m_settingsDir.filePath(
        QStringLiteral("%1.ini").arg(QString::fromLatin1(QTest::currentTestFunction())));
}

void TestStorePage::openAndWait(Window &w, const QString &argument)
{
    StoreWiring::openStore(w.window, w.page, argument);
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->status(), StoreSessionTableModel::Status::Ready,
                              Timeout);
}

void TestStorePage::opensAStoreWithItsTotalsAndLastSync()
{
    Window w(m_store, m_settingsFile);
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    openAndWait(w, m_store.location.path);
    QCOMPARE(w.page->table()->model()->rowCount(), Sessions);
    QCOMPARE(w.page->totalsBar()->text(TotalsBar::Field::Sessions), QLocale().toString(Sessions));
    QCOMPARE(w.page->totalsBar()->text(TotalsBar::Field::Cost),
             m_store.outcome.summary.serverTotals.estimatedCost.toDisplayString());
    // The rows on screen are read, not the others.
    QTRY_VERIFY_WITH_TIMEOUT(w.browser.model()->isRowLoaded(0), Timeout);
    QVERIFY(w.browser.model()->cachedWindowCount() <= 2);
    QCOMPARE(
        w.browser.model()->data(w.browser.model()->index(0, SessionColumns::Character)).toString(),
        w.browser.model()->session(0)->characterSlug);
    auto *lastSync = w.window.statusBar()->findChild<QLabel *>(QStringLiteral("lastSync"));
    QVERIFY(lastSync);
    QTRY_VERIFY_WITH_TIMEOUT(lastSync->text().startsWith(QStringLiteral("Last sync ")), Timeout);
    QVERIFY(w.page->messageText().contains(m_store.location.path));
}

void TestStorePage::aHeaderClickSortsInTheStore()
{
    Window w(m_store, m_settingsFile);
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    openAndWait(w, m_store.location.path);
    QHeaderView *header = w.page->table()->horizontalHeader();
    w.window.showPage(w.page);
    const QPoint cost(header->sectionViewportPosition(SessionColumns::Cost) + 5,
                      header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, cost);
    QCOMPARE(w.browser.model()->sortColumn(), int(SessionColumns::Cost));
    StoreSessionTableModel *model = w.browser.model();
    model->data(model->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0) && model->isRowLoaded(1), Timeout);
    const qint64 first = model->session(0)->estimatedCost.micros();
    const qint64 second = model->session(1)->estimatedCost.micros();
    QVERIFY(model->sortOrder() == Qt::AscendingOrder ? first <= second : first >= second);
    const QString extreme =
        model->sortOrder() == Qt::AscendingOrder ? QStringLiteral("MIN") : QStringLiteral("MAX");
    QCOMPARE(first,
             scalar(m_store,
                    QStringLiteral("SELECT %1(estimated_cost_micros) FROM sessions").arg(extreme)));
}

void TestStorePage::storeOnlyFiltersApply()
{
    Window w(m_store, m_settingsFile);
    openAndWait(w, m_store.location.path);
    StoreFilterBar *filters = w.page->filterBar();
    filters->inProgressBox()->setCurrentIndex(2); // finished
    filters->recordingBox()->setCurrentIndex(filters->recordingBox()->findData(u"READY"_s));
    filters->minMinutesBox()->setValue(1);
    QTest::keyClick(filters->characterField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->status(), StoreSessionTableModel::Status::Ready,
                              Timeout);
    const qint64 expected =
        countWhere(m_store, QStringLiteral("finalized_at_micros IS NOT NULL AND recording_status "
                                           "= 'READY' AND duration_seconds >= 60"));
    QVERIFY(expected > 0 && expected < Sessions);
    QCOMPARE(w.page->table()->model()->rowCount(), int(expected));

    // A minimum above its maximum is refused with a message, the table unchanged.
    filters->maxMinutesBox()->setValue(0.5);
    QTest::keyClick(filters->characterField(), Qt::Key_Return);
    QVERIFY(w.page->messageText().contains(u"shortest duration"_s));
    QCOMPARE(w.page->table()->model()->rowCount(), int(expected));
}

void TestStorePage::openedRowNeedsAConnectionForItsRecording()
{
    Window w(m_store, m_settingsFile);
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    openAndWait(w, m_store.location.path);
    StoreFilterBar *filters = w.page->filterBar();
    filters->recordingBox()->setCurrentIndex(filters->recordingBox()->findData(u"READY"_s));
    w.page->applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->status(), StoreSessionTableModel::Status::Ready,
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(w.browser.model()->isRowLoaded(0), Timeout);
    const SessionSummary row = *w.browser.model()->session(0);
    QSignalSpy shown(w.page, &StorePage::sessionShown);
    w.page->table()->setCurrentIndex(w.browser.model()->index(0, 0));
    QTest::keyClick(w.page->table(), Qt::Key_Return);
    QVERIFY(shown.wait(Timeout));
    QVERIFY(w.page->isSessionOpen());
    SessionPane *pane = w.page->sessionPane();
    QCOMPARE(pane->session().sessionId, row.sessionId);
    // The transcript comes from the store: every turn of it.
    QVERIFY(row.turnCount > 0);
    QCOMPARE(pane->session().transcript.size(), qsizetype(row.turnCount));
    QCOMPARE(pane->controller()->status(), PlaybackController::Status::NoRecording);
    QVERIFY2(pane->controller()->statusText().contains(u"needs a connection"_s),
             qPrintable(pane->controller()->statusText()));
}

void TestStorePage::onlineTheRecordingGetsAFreshAddress()
{
    Window w(m_store, m_settingsFile);
    w.page->setOnline(true);
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    openAndWait(w, m_store.location.path);
    StoreFilterBar *filters = w.page->filterBar();
    filters->recordingBox()->setCurrentIndex(filters->recordingBox()->findData(u"READY"_s));
    w.page->applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->status(), StoreSessionTableModel::Status::Ready,
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(w.browser.model()->isRowLoaded(0), Timeout);
    QSignalSpy shown(w.page, &StorePage::sessionShown);
    w.page->openCurrent();
    QVERIFY(shown.wait(Timeout));
    PlaybackController *controller = w.page->sessionPane()->controller();
    // The stored address has no signature: the host refuses it, the client asks the API for
    // the session again, and the fresh address plays.
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), PlaybackController::Status::Ready, Timeout);
    QCOMPARE(controller->urlRefreshCount(), 1);
    QVERIFY(!controller->recordingBytes().isEmpty());
}

void TestStorePage::theStoreChosenIsOpenedAgainAtTheNextStart()
{
    {
        Window first(m_store, m_settingsFile);
        QVERIFY(!StoreWiring::openAtStart(first.window, first.page, first.settings, {}));
        QVERIFY(!first.browser.isOpen());
        QVERIFY(StoreWiring::openAtStart(first.window, first.page, first.settings,
                                         m_store.location.path));
        QTRY_VERIFY_WITH_TIMEOUT(first.browser.isOpen(), Timeout);
        first.settings.sync();
    }
    Window second(m_store, m_settingsFile);
    QCOMPARE(second.settings.value(StoreWiring::DatabaseKey).toString(), m_store.location.path);
    QVERIFY(!StoreWiring::openAtStart(second.window, second.page, second.settings, {}));
    QTRY_COMPARE_WITH_TIMEOUT(second.browser.model()->rowCount(), Sessions, Timeout);
}

void TestStorePage::aStoreThatDoesNotOpenSaysWhy()
{
    Window w(m_store, m_settingsFile);
    QSignalSpy opened(&w.browser, &StoreBrowser::opened);
    StoreWiring::openStore(w.window, w.page, QStringLiteral("postgresql://nohost"));
    QVERIFY(opened.size() == 1 || opened.wait(Timeout));
    QCOMPARE(opened.constFirst().constFirst().toBool(), false);
    QVERIFY2(w.page->messageText().startsWith(u"The store could not be opened: "_s),
             qPrintable(w.page->messageText()));
    // Not remembered: a typo is not opened again at every start.
    QVERIFY(w.settings.value(StoreWiring::DatabaseKey).toString().isEmpty());
}

void TestStorePage::openDialogGivesTheDatabaseArgument()
{
    OpenStoreDialog sqlite(m_store.location.path);
    QVERIFY(sqlite.sqliteChoice()->isChecked());
    QCOMPARE(sqlite.argument(), m_store.location.path);
    OpenStoreDialog postgres(u"postgresql://team@db.example:5433/calls"_s);
    QVERIFY(postgres.postgresChoice()->isChecked());
    QVERIFY(!postgres.fileField()->isEnabled());
    QCOMPARE(postgres.argument(), u"postgresql://team@db.example:5433/calls"_s);
    postgres.sqliteChoice()->setChecked(true);
    postgres.fileField()->setText(u" /tmp/x.sqlite "_s);
    QCOMPARE(postgres.argument(), u"/tmp/x.sqlite"_s);
}

void TestStorePage::searchOpensAHitAtItsTurnAndMoment()
{
    Window w(m_store, m_settingsFile);
    w.page->setOnline(true); // so that the recording takes the cue
    w.window.resize(1400, 900);
    w.window.show();
    w.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    openAndWait(w, m_store.location.path);
    w.window.showSessionsPage();

    // A word of a late turn of a session whose recording is ready.
    QString word;
    SessionStore direct;
    QString error;
    QVERIFY(direct.open(m_store.location, SessionStore::Access::Reader, &error));
    QSqlQuery turns(direct.database());
    QVERIFY(turns.exec(u"SELECT t.text FROM transcript_turns t JOIN sessions s ON "
                       "s.session_id = t.session_id WHERE s.recording_status = 'READY' AND "
                       "t.position >= 6 ORDER BY t.turn_id LIMIT 100"_s));
    static const QRegularExpression long_(u"\\b([A-Za-z]{9,})\\b"_s);
    while (word.isEmpty() && turns.next()) {
        const auto match = long_.match(turns.value(0).toString());
        if (match.hasMatch())
            word = match.captured(1);
    }
    QVERIFY(!word.isEmpty());

    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    StoreSearchPanel *panel = w.page->searchPanel();
    QTRY_VERIFY(panel->field()->hasFocus());
    QTest::keyClicks(panel->field(), word);
    QTest::keyClick(panel->field(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(panel->hits()->isVisible(), Timeout);
    QVERIFY(panel->statusText().contains(u"found"_s));
    QAbstractItemModel *hits = panel->hits()->model();
    // The first hit in a session whose recording is ready and past its opening turns.
    int chosen = -1;
    for (int row = 0; row < hits->rowCount() && chosen < 0; ++row) {
        const QString id = hits->index(row, 0).data(StoreSearchModel::SessionIdRole).toString();
        const double at = hits->index(row, 0).data(StoreSearchModel::SecondsRole).toDouble();
        if (at > 20 &&
            countWhere(m_store, u"session_id = '%1' AND recording_status = 'READY'"_s.arg(id)) == 1)
            chosen = row;
    }
    QVERIFY(chosen >= 0);
    const QModelIndex hit = hits->index(chosen, 0);
    const QString sessionId = hit.data(StoreSearchModel::SessionIdRole).toString();
    const double seconds = hit.data(StoreSearchModel::SecondsRole).toDouble();
    QSignalSpy shown(w.page, &StorePage::sessionShown);
    panel->hits()->setFocus();
    panel->hits()->setCurrentIndex(hit);
    QTest::keyClick(panel->hits(), Qt::Key_Return);
    QVERIFY(shown.wait(Timeout));
    SessionPane *pane = w.page->sessionPane();
    QCOMPARE(pane->session().sessionId, sessionId);
    const int row = pane->model()->rowAtTime(seconds);
    QVERIFY(row > 0);
    QVERIFY(pane->model()->turn(row).text.contains(word, Qt::CaseInsensitive));
    // The turn is on screen, and the recording waits at its moment.
    const auto turnOnScreen = [&] {
        const QRect turn = pane->view()->visualRect(pane->model()->index(row));
        return pane->view()->viewport()->rect().intersects(turn);
    };
    QTRY_VERIFY_WITH_TIMEOUT(turnOnScreen(), Timeout);
    QVERIFY(pane->view()->verticalScrollBar()->value() > 0); // it was not there from the start
    QCOMPARE(pane->controller()->position(), qint64(seconds * 1000));
}

void TestStorePage::highlightEscapesTheTranscriptsText()
{
    const QString snippet = u"say <b>refund</b> & \"leave\""_s;
    const qsizetype start = snippet.indexOf(u"refund"_s);
    QCOMPARE(SearchHitDelegate::highlighted(snippet, start, 6),
             u"say &lt;b&gt;<b>refund</b>&lt;/b&gt; &amp; &quot;leave&quot;"_s);
    // A match that was not located: the text alone, escaped.
    QCOMPARE(SearchHitDelegate::highlighted(snippet, -1, 0), snippet.toHtmlEscaped());
    QCOMPARE(SearchHitDelegate::highlighted(snippet, 30, 6), snippet.toHtmlEscaped());
}

void TestStorePage::syncFillsAnEmptyStoreAndCancelKeepsWhatIsWritten()
{
    Window w(m_store, m_settingsFile);
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QAction *syncAction = nullptr;
    for (QAction *action : w.window.fileMenu()->actions()) {
        if (action->text().contains(u"ync"_s))
            syncAction = action;
    }
    QVERIFY(syncAction);
    QVERIFY(!syncAction->isEnabled()); // no store yet
    // A reader never creates a store: the empty one is made as sync makes it, by a writer.
    const QString fresh = m_settingsDir.filePath(u"fresh.sqlite"_s);
    StoreWiring::openStore(w.window, w.page, fresh);
    QTRY_VERIFY_WITH_TIMEOUT(w.page->messageText().contains(u"sessionscope sync makes one"_s),
                             Timeout);
    QVERIFY(!syncAction->isEnabled());
    {
        SessionStore writer;
        StoreLocation location;
        location.path = fresh;
        QString error;
        QVERIFY2(writer.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
    }
    openAndWait(w, fresh);
    QCOMPARE(w.page->table()->model()->rowCount(), 0);
    QVERIFY(syncAction->isEnabled());
    auto *lastSync = w.window.statusBar()->findChild<QLabel *>(u"lastSync"_s);
    QTRY_COMPARE_WITH_TIMEOUT(lastSync->text(), u"Store never synced"_s, Timeout);

    // Cancelled at its first page: what was written stays, the mark does not move.
    auto *bar = w.page->findChild<StoreSyncBar *>();
    QVERIFY(bar);
    QSignalSpy finished(&w.sync, &StoreSyncController::finished);
    QSignalSpy progress(&w.sync, &StoreSyncController::progress);
    connect(&w.sync, &StoreSyncController::progress, bar->cancelButton(), &QPushButton::click,
            Qt::SingleShotConnection);
    syncAction->trigger();
    QVERIFY(bar->isVisible());
    QVERIFY(!syncAction->isEnabled());
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QVERIFY(finished.constFirst().at(1).toString().startsWith(u"Sync stopped"_s));
    QVERIFY(!bar->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->status(), StoreSessionTableModel::Status::Ready,
                              Timeout);
    const int kept = w.page->table()->model()->rowCount();
    QVERIFY2(kept < Sessions, qPrintable(QString::number(kept)));
    QCOMPARE(lastSync->text(), u"Store never synced"_s);

    // The next Sync completes the store: every session once, the server's totals exactly.
    finished.clear();
    syncAction->trigger();
    QVERIFY(finished.wait(Timeout));
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    QVERIFY(w.window.statusBar()->currentMessage().startsWith(u"Synced: "_s));
    QTRY_COMPARE_WITH_TIMEOUT(w.page->table()->model()->rowCount(), Sessions, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(w.browser.model()->totals().estimatedCost.micros(),
                              m_store.outcome.summary.serverTotals.estimatedCost.micros(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(lastSync->text().startsWith(u"Last sync "_s), Timeout);
    QVERIFY(progress.size() >= 2);
}

void TestStorePage::reviewQueueWorksWithTheKeyboard()
{
    QString error;
    QStringList queued;
    {
        SessionStore writer;
        QVERIFY2(writer.open(m_store.location, SessionStore::Access::Writer, &error),
                 qPrintable(error));
        QSqlQuery ids(writer.database());
        QVERIFY(ids.exec(u"SELECT session_id FROM sessions ORDER BY session_id LIMIT 3 OFFSET "
                         "100"_s));
        while (ids.next())
            queued.append(ids.value(0).toString());
        ids.finish();
        for (const QString &id : std::as_const(queued))
            QVERIFY(ReviewStore::addTags(writer, id, {StorePage::NeedsReview}, &error));
    }
    QCOMPARE(queued.size(), 3);
    Window w(m_store, m_settingsFile);
    w.window.resize(1400, 900);
    w.window.show();
    w.window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    openAndWait(w, m_store.location.path);
    QSignalSpy shown(w.page, &StorePage::sessionShown);
    QPushButton *queue = nullptr;
    for (QPushButton *button : w.page->findChildren<QPushButton *>()) {
        if (button->text() == u"Review &queue"_s)
            queue = button;
    }
    QVERIFY(queue);
    QTest::mouseClick(queue, Qt::LeftButton);
    QVERIFY(shown.wait(Timeout));
    StoreSessionTableModel *model = w.browser.model();
    QCOMPARE(model->rowCount(), 3);
    const QString first = w.page->sessionPane()->session().sessionId;
    QVERIFY(queued.contains(first));
    QCOMPARE(w.page->reviewPanel()->tags(), QStringList{StorePage::NeedsReview});

    // N: the next one.
    w.page->table()->setFocus();
    QTest::keyClick(w.page->table(), Qt::Key_N);
    QVERIFY(shown.wait(Timeout));
    QCOMPARE(w.page->openRow(), 1);
    const QString second = w.page->sessionPane()->session().sessionId;
    QVERIFY(second != first && queued.contains(second));
    const QString third = model->session(2)->sessionId;

    // R: reviewed, out of the queue, and the next one opens where it stood.
    QTest::keyClick(w.page->table(), Qt::Key_R);
    QVERIFY(shown.wait(Timeout));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(w.page->sessionPane()->session().sessionId, third);
    SessionStore direct;
    QVERIFY(direct.open(m_store.location, SessionStore::Access::Reader, &error));
    QCOMPARE(ReviewStore::tags(direct, second), QStringList{StorePage::Reviewed});

    // Letters typed in the note stay there; Save keeps the note and the tags.
    ReviewPanel *review = w.page->reviewPanel();
    review->noteField()->setFocus();
    QTest::keyClicks(review->noteField(), u"Refund promised; call back"_s);
    QCOMPARE(w.page->sessionPane()->session().sessionId, third);
    review->tagsField()->setText(u"needs-review, refund"_s);
    QSignalSpy saved(review, &ReviewPanel::saved);
    QTest::mouseClick(review->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(Timeout));
    QCOMPARE(ReviewStore::note(direct, third), u"Refund promised; call back"_s);
    QCOMPARE(ReviewStore::tags(direct, third), (QStringList{StorePage::NeedsReview, u"refund"_s}));

    // The filter by tag.
    w.page->filterBar()->clear();
    w.page->filterBar()->tagField()->setText(u"refund"_s);
    w.page->applyFilters();
    QTRY_COMPARE_WITH_TIMEOUT(model->status(), StoreSessionTableModel::Status::Ready, Timeout);
    QCOMPARE(model->rowCount(), 1);

    // Put the store back as the other tests expect it.
    SessionStore writer;
    QVERIFY(writer.open(m_store.location, SessionStore::Access::Writer, &error));
    for (const QString &id : std::as_const(queued)) {
        QVERIFY(ReviewStore::removeTags(
            writer, id, {StorePage::NeedsReview, StorePage::Reviewed, u"refund"_s}, &error));
        QVERIFY(ReviewStore::setNote(writer, id, {}, &error));
    }
}

QTEST_MAIN(TestStorePage)
#include "tst_storepage.moc"
