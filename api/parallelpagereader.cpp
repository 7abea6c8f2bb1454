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
    Job job{m_generation.load(), page, std::move(request)};
    const QString host = job.request.url.host().toLower();
    if (job.request.addresses.isEmpty() && QHostAddress(host).isNull()) {
        const auto known = m_addresses.constFind(host);
        if (known == m_addresses.cend()) {
            m_awaitingLookup.append(std::move(job));
            if (!m_lookingUp.contains(host)) {
                m_lookingUp.insert(host);
                QHostInfo::lookupHost(
                    host, this, [this, host](const QHostInfo &info) { onLookedUp(host, info); });
            }
            return;
        }
        job.request.addresses = *known;
    }
    enqueue(std::move(job));
}

void ParallelPageReader::enqueue(Job job)
{
    {
        const std::lock_guard guard(m_lock);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void ParallelPageReader::onLookedUp(const QString &host, const QHostInfo &info)
{
    m_lookingUp.remove(host);
    const bool found = info.error() == QHostInfo::NoError && !info.addresses().isEmpty();
    if (found)
        m_addresses.insert(host, info.addresses());
    QList<Job> waiting;
    for (qsizetype i = 0; i < m_awaitingLookup.size();) {
        if (m_awaitingLookup.at(i).request.url.host().toLower() == host)
            waiting.append(m_awaitingLookup.takeAt(i));
        else
            ++i;
    }
    const QString problem =
        QStringLiteral("the name %1 could not be resolved: %2").arg(host, info.errorString());
    for (Job &job : waiting) {
        // A listener may cancel everything while handling one of these.
        if (job.generation != m_generation.load())
            continue;
        if (!found) {
            Q_EMIT pageUnreadable(job.page, 0, problem);
            continue;
        }
        job.request.addresses = info.addresses();
        enqueue(std::move(job));
    }
}

void ParallelPageReader::cancelAll()
{
    m_awaitingLookup.clear();
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
