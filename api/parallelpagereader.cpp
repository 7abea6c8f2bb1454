#include "parallelpagereader.h"
#include "usagedecoder.h"

#include <utility>

ParallelPageReader::ParallelPageReader(int connections, QObject *parent)
    : QObject(parent)
{
    const int count = qMax(1, connections);
    m_workers.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        m_workers.emplace_back([this] { work(); });
}

ParallelPageReader::~ParallelPageReader()
{
    {
        const std::lock_guard guard(m_lock);
        m_stopping = true;
        m_jobs.clear();
    }
    m_abandon = true;
    m_wake.notify_all();
    for (std::thread &worker : m_workers)
        worker.join();
}

void ParallelPageReader::read(int page, DirectRequest request)
{
    {
        const std::lock_guard guard(m_lock);
        m_jobs.push_back({m_generation.load(), page, std::move(request)});
    }
    m_wake.notify_one();
}

void ParallelPageReader::cancelAll()
{
    const std::lock_guard guard(m_lock);
    m_jobs.clear();
    ++m_generation;
}

void ParallelPageReader::work()
{
    // A worker keeps its connection for as long as the reader lives.
    KeepAliveConnection connection;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_lock);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        const quint64 generation = job.generation;
        const auto cancelled = [this, generation] {
            return m_abandon.load() || m_generation.load() != generation;
        };
        KeepAliveConnection::Reply reply = connection.get(job.request, cancelled);
        if (cancelled())
            continue;
        if (!reply.isUsable()) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, page = job.page, status = reply.status,
                 problem = std::move(reply.problem)] {
                    if (generation == m_generation.load())
                        Q_EMIT pageUnreadable(page, status, problem);
                },
                Qt::QueuedConnection);
            continue;
        }
        Result<UsagePage> decoded = UsageDecoder::decodeUsagePage(reply.body);
        reply.body = {}; // this page's bytes go before the next page's arrive
        QMetaObject::invokeMethod(
            this,
            [this, generation, page = job.page, decoded = std::move(decoded)] {
                if (generation == m_generation.load())
                    Q_EMIT pageRead(page, decoded);
            },
            Qt::QueuedConnection);
    }
}
