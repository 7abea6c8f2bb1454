#pragma once

#include "apierror.h"
#include "keepaliveconnection.h"
#include "usagepage.h"

#include <QHash>
#include <QHostInfo>
#include <QObject>
#include <QSet>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

/// Reads usage pages over a few kept-alive connections, one worker thread each, and decodes
/// every page on the thread that read it. It is the bulk path of UsageCollector: it avoids the
/// hand-over of every chunk from Qt's network thread to the GUI thread, a copy of every byte
/// there, and the hand-over of the whole page to a decoding thread.
///
/// A page comes back decoded (its decoder error included) or unreadable; the caller asks
/// ApiClient for an unreadable page, so that retries, redirects, error bodies and the 401 flow
/// stay in one place. Results arrive on the thread this object lives in. Pages are taken in the
/// order they were queued, each by the first idle worker.
///
/// Host names are resolved here, asynchronously (and through Qt's cache), before a page is
/// queued: a worker never blocks in a name lookup, so every wait it makes is one a cancel can
/// interrupt, and destroying the reader never waits on the network.
class ParallelPageReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParallelPageReader)

public:
    explicit ParallelPageReader(int connections, QObject *parent = nullptr);
    /// Abandons what is being read and waits for the workers: at most one wait slice (50 ms)
    /// plus the decoding of a page under way.
    ~ParallelPageReader() override;

    [[nodiscard]] int connections() const { return int(m_workers.size()); }
    /// Queues one page; pageRead or pageUnreadable follows, unless cancelAll() comes first.
    void read(int page, DirectRequest request);
    /// Drops queued pages and abandons those being read: nothing more is reported for them.
    void cancelAll();

Q_SIGNALS:
    void pageRead(int page, const Result<UsagePage> &result);
    /// `status` is the HTTP status when the server answered, 0 when no answer arrived.
    void pageUnreadable(int page, int status, const QString &problem);

private:
    struct Job
    {
        quint64 generation = 0;
        int page = 0;
        DirectRequest request;
    };
    void work();
    void enqueue(Job job);
    void onLookedUp(const QString &host, const QHostInfo &info);

    // GUI-thread state: names resolved so far, and pages waiting for a lookup.
    QHash<QString, QList<QHostAddress>> m_addresses;
    QSet<QString> m_lookingUp;
    QList<Job> m_awaitingLookup;

    std::mutex m_lock;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    /// Bumped by cancelAll(): a job of an older generation is abandoned and not reported.
    std::atomic<quint64> m_generation{1};
    std::atomic<bool> m_abandon{false};
    std::vector<std::thread> m_workers;
};
