#include "api/clientconfiguration.h"
#include "models/storebrowser.h"
#include "models/storesynccontroller.h"
#include "store/sessionstore.h"
#include "tests/support/demoprocess.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 300000;

/// An empty store in a temporary folder, opened by a browser as the window opens one.
struct EmptyStore
{
    EmptyStore()
    {
        location.path = folder.filePath(u"sessions.sqlite"_s);
        SessionStore writer; // a reader never creates a store
        QString error;
        created = writer.open(location, SessionStore::Access::Writer, &error);
        QSignalSpy opened(&browser, &StoreBrowser::opened);
        browser.open(location.path);
        created = created && opened.wait(Timeout) && opened.constFirst().constFirst().toBool();
    }

    /// One number from the store, asked directly with SQL.
    [[nodiscard]] qint64 scalar(const QString &sql) const
    {
        SessionStore direct;
        QString error;
        if (!direct.open(location, SessionStore::Access::Reader, &error))
            return -1;
        QSqlQuery query(direct.database());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QTemporaryDir folder;
    StoreLocation location;
    StoreBrowser browser;
    bool created = false;
};

/// The controller as app/gui builds it: a client of its own built on the sync's thread from a
/// copy of this thread's connection. The thread that built the last client is kept.
struct Controller
{
    Controller(const DemoProcess &server, StoreBrowser *browser)
    {
        client.setBaseUrl(server.apiUrl());
        client.setCredentials({server.staffKey(), {}});
        sync = std::make_unique<StoreSyncController>(
            [this] {
                return StoreSyncController::ClientBuilder(
                    [this, configuration = ClientConfiguration::of(client, network)] {
                        builtOn.store(QThread::currentThread());
                        return configuration.makeClient();
                    });
            },
            browser);
    }

    QNetworkAccessManager network;
    ApiClient client{&network};
    std::atomic<QThread *> builtOn{nullptr};
    std::unique_ptr<StoreSyncController> sync;
};

/// The longest wait between two ticks of a 10 ms timer on this (the window's) thread.
class TickGauge
{
public:
    explicit TickGauge(QObject *context)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            const qint64 now = m_clock.elapsed();
            if (m_last >= 0)
                m_longest = qMax(m_longest, now - m_last);
            m_last = now;
            ++m_ticks;
        });
        m_clock.start();
        m_timer.start();
    }
    [[nodiscard]] qint64 longestGapMs() const { return m_longest; }
    [[nodiscard]] qint64 ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    qint64 m_longest = 0;
    qint64 m_ticks = 0;
};

/// The numbers of "Synced: N new, M updated; the store holds T sessions." The counts are in the
/// locale's digits and grouping, and without the window's translator the plural is the
/// source's "session(s)".
QList<qint64> syncedCounts(const QString &message)
{
    static const QRegularExpression counts(u"^Synced: (\\S+) new, (\\S+) updated; the store "
                                           "holds (\\S+) session(?:s|\\(s\\))?\\.$"_s);
    const QRegularExpressionMatch m = counts.match(message);
    if (!m.hasMatch())
        return {};
    QList<qint64> numbers;
    for (int i = 1; i <= 3; ++i) {
        bool ok = false;
        numbers.append(QLocale().toLongLong(m.captured(i), &ok));
        if (!ok)
            return {};
    }
    return numbers;
}
} // namespace

/// The window's Sync runs on a thread of its own: every session arrives, the window's thread
/// keeps ticking, Cancel keeps what was written, and a controller destroyed mid-run (the
/// window closed) neither crashes nor hangs.
class TestStoreSyncController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncWritesEverySessionOffTheWindowThread();
    void cancelledThenSyncedAgainHoldsEachSessionOnce();
    void destroyedMidSyncStopsAndJoins();

private:
    DemoProcess m_large;
    qint64 m_largeTotal = 0;
    DemoProcess m_slow; ///< its last page is late: a run is still going when it is stopped
    qint64 m_slowTotal = 0;
};

void TestStoreSyncController::initTestCase()
{
    // Out of this process, so that this thread runs the client's side alone.
    // A sync as long as a real one (tens of thousands of sessions), except under the
    // sanitizers, which make each session ten times as slow and check the same code on fewer.
#if defined(SESSIONSCOPE_SANITIZED_BUILD)
    constexpr int Large = 4000;
#else
    constexpr int Large = 20000;
#endif
    QString error;
    QVERIFY2(m_large.start(QStringLiteral(DEMO_SERVER_BINARY),
                           {u"--sessions"_s, QString::number(Large)}, &error),
             qPrintable(error));
    m_largeTotal = m_large.value(u"sessions"_s).toLongLong();
    QCOMPARE(m_largeTotal, Large);
    // 6,000 sessions are 30 pages of 200; page 30 answers 5 s late.
    QVERIFY2(m_slow.start(
                 QStringLiteral(DEMO_SERVER_BINARY),
                 {u"--sessions"_s, u"6000"_s, u"--fault"_s, u"re:[?&]page=30(&|$)=latency:5000"_s},
                 &error),
             qPrintable(error));
    m_slowTotal = m_slow.value(u"sessions"_s).toLongLong();
    QCOMPARE(m_slowTotal, 6000);
}

void TestStoreSyncController::syncWritesEverySessionOffTheWindowThread()
{
    EmptyStore store;
    QVERIFY(store.created);
    QAbstractItemModelTester tester(store.browser.model());
    Controller c(m_large, &store.browser);
    QSignalSpy started(c.sync.get(), &StoreSyncController::started);
    QSignalSpy progress(c.sync.get(), &StoreSyncController::progress);
    QSignalSpy finished(c.sync.get(), &StoreSyncController::finished);
    QElapsedTimer clock;
    clock.start();
    TickGauge gauge(this);
    c.sync->start();
    QCOMPARE(started.size(), 1);
    QVERIFY(c.sync->isRunning());
    QVERIFY(finished.wait(Timeout));
    const qint64 longestGap = gauge.longestGapMs();
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    QCOMPARE(syncedCounts(finished.constFirst().at(1).toString()),
             (QList<qint64>{m_largeTotal, 0, m_largeTotal}));
    QVERIFY(!c.sync->isRunning());
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.constLast().at(2).toLongLong(), m_largeTotal);

    // The client was built, the store written, on the sync's thread, not this one.
    QThread *builtOn = c.builtOn.load();
    QVERIFY(builtOn);
    QVERIFY(builtOn != QThread::currentThread());
    QCOMPARE(builtOn, c.sync->workerThread());

    QCOMPARE(store.scalar(u"SELECT COUNT(*) FROM sessions"_s), m_largeTotal);
    QCOMPARE(store.scalar(u"SELECT COUNT(DISTINCT session_id) FROM sessions"_s), m_largeTotal);
    // The browser reads the store again: the table holds what the sync wrote.
    QTRY_COMPARE_WITH_TIMEOUT(store.browser.model()->rowCount(), m_largeTotal, Timeout);
    QSignalSpy lastSync(&store.browser, &StoreBrowser::lastSyncRead);
    store.browser.readLastSync();
    QVERIFY(lastSync.wait(Timeout));
    QVERIFY(lastSync.constFirst().constFirst().toLongLong() > 0);
    qInfo("%lld sessions synced in %lld ms; the window's thread ticked %lld times, its longest "
          "gap %lld ms",
          m_largeTotal, clock.elapsed(), gauge.ticks(), longestGap);
}

void TestStoreSyncController::cancelledThenSyncedAgainHoldsEachSessionOnce()
{
    EmptyStore store;
    QVERIFY(store.created);
    QAbstractItemModelTester tester(store.browser.model());
    Controller c(m_slow, &store.browser);
    QSignalSpy finished(c.sync.get(), &StoreSyncController::finished);
    // Cancelled once the first page is committed: page 30 is still 5 s away.
    connect(c.sync.get(), &StoreSyncController::progress, c.sync.get(),
            [sync = c.sync.get()](int, int, qint64 written) {
                if (written > 0)
                    sync->cancel();
            });
    c.sync->start();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.constFirst().at(0).toBool(), false);
    QVERIFY2(finished.constFirst().at(1).toString().startsWith(u"Sync stopped"_s),
             qPrintable(finished.constFirst().at(1).toString()));
    const qint64 kept = store.scalar(u"SELECT COUNT(*) FROM sessions"_s);
    QVERIFY2(kept > 0 && kept < m_slowTotal, qPrintable(QString::number(kept)));
    QTRY_COMPARE_WITH_TIMEOUT(store.browser.model()->rowCount(), kept, Timeout);

    // The next run completes the store: what was kept is written again, the rest is new.
    disconnect(c.sync.get(), &StoreSyncController::progress, c.sync.get(), nullptr);
    finished.clear();
    c.sync->start();
    QVERIFY(finished.wait(Timeout));
    QVERIFY2(finished.constFirst().at(0).toBool(),
             qPrintable(finished.constFirst().at(1).toString()));
    QCOMPARE(syncedCounts(finished.constFirst().at(1).toString()),
             (QList<qint64>{m_slowTotal - kept, kept, m_slowTotal}));
    QCOMPARE(store.scalar(u"SELECT COUNT(*) FROM sessions"_s), m_slowTotal);
    QCOMPARE(store.scalar(u"SELECT COUNT(DISTINCT session_id) FROM sessions"_s), m_slowTotal);
    QTRY_COMPARE_WITH_TIMEOUT(store.browser.model()->rowCount(), m_slowTotal, Timeout);
}

void TestStoreSyncController::destroyedMidSyncStopsAndJoins()
{
    EmptyStore store;
    QVERIFY(store.created);
    auto c = std::make_unique<Controller>(m_slow, &store.browser);
    QSignalSpy progress(c->sync.get(), &StoreSyncController::progress);
    QSignalSpy destroyed(c->sync.get(), &QObject::destroyed);
    QSignalSpy threadFinished(c->sync->workerThread(), &QThread::finished);
    c->sync->start();
    // Destroyed (the window closed) once a page is committed, with page 30 still on its way.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.constLast().at(2).toLongLong() > 0,
                             Timeout);
    QVERIFY(c->sync->isRunning());
    c.reset();
    QCOMPARE(destroyed.size(), 1);
    QCOMPARE(threadFinished.size(), 1);

    // The run let go of the store: its pages are there, and another writer may open it.
    const qint64 kept = store.scalar(u"SELECT COUNT(*) FROM sessions"_s);
    QVERIFY2(kept > 0 && kept < m_slowTotal, qPrintable(QString::number(kept)));
    SessionStore writer;
    QString error;
    QVERIFY2(writer.open(store.location, SessionStore::Access::Writer, &error), qPrintable(error));
}

QTEST_MAIN(TestStoreSyncController)
#include "tst_storesynccontroller.moc"
