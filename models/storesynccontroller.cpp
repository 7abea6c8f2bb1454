#include "models/storesynccontroller.h"
#include "models/storebrowser.h"

StoreSyncController::StoreSyncController(ClientSource clientSource, StoreBrowser *browser,
                                         QObject *parent)
    : QObject(parent)
    , m_clientSource(std::move(clientSource))
    , m_browser(browser)
    , m_worker(new StoreSyncWorker)
{
    m_thread.setObjectName(QStringLiteral("store sync"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &StoreSyncWorker::progress, this,
            [this](quint64 run, int pagesDone, int pageCount, qint64 written, qint64 elapsedMs) {
                if (run == m_run && m_running)
                    Q_EMIT progress(pagesDone, pageCount, written, elapsedMs);
            });
    connect(m_worker, &StoreSyncWorker::ended, this, &StoreSyncController::onEnded);
    m_thread.start();
}

StoreSyncController::~StoreSyncController()
{
    // The sync, its store and its client go on their own thread (a SQL connection and a
    // network manager belong to the thread that made them), after what is queued there.
    StoreSyncWorker *worker = m_worker;
    worker->disconnect(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, thread = &m_thread] {
            worker->release();
            thread->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    delete m_worker;
}

void StoreSyncController::start()
{
    if (m_running)
        return;
    if (!m_browser->isOpen())
        return end(false, tr("No store is open: File ▸ Open store… first."));
    StoreLocation location;
    QString error;
    if (!StoreLocation::parse(m_browser->argument(), &location, &error))
        return end(false, error);
    m_running = true;
    const quint64 run = ++m_run;
    // The connection as it is now, copied here on the window's thread.
    ClientBuilder buildClient = m_clientSource ? m_clientSource() : ClientBuilder();
    Q_EMIT started();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, run, location, buildClient = std::move(buildClient)] {
            worker->run(run, location, buildClient);
        },
        Qt::QueuedConnection);
}

void StoreSyncController::cancel()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, run = m_run] { worker->stop(run); }, Qt::QueuedConnection);
}

void StoreSyncController::onEnded(quint64 run, bool ok, const QString &message)
{
    if (run != m_run || !m_running)
        return;
    end(ok, message);
}

void StoreSyncController::end(bool ok, const QString &message)
{
    m_running = false;
    // What was committed shows, whether the run ended whole or not.
    if (m_browser->isOpen()) {
        m_browser->model()->refresh();
        m_browser->readLastSync();
    }
    Q_EMIT finished(ok, message);
}
