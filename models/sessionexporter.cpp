#include "models/sessionexporter.h"
#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "reports/outputfile.h"

SessionExporter::SessionExporter(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_collector(new UsageCollector(client, this))
{
    connect(m_collector, &UsageCollector::pageReady, this,
            [this](int, const QList<SessionSummary> &sessions) { onPage(sessions); });
    connect(m_collector, &UsageCollector::recovered, this, &SessionExporter::onPage);
    connect(m_collector, &UsageCollector::progress, this, &SessionExporter::progress);
    connect(m_collector, &UsageCollector::finished, this, &SessionExporter::onFinished);
    connect(m_collector, &UsageCollector::failed, this,
            [this](const ApiError &error) { fail(error.toDisplayString()); });
}

SessionExporter::~SessionExporter()
{
    if (m_running) {
        m_collector->cancel();
        end();
    }
}

bool SessionExporter::start(const UsageQuery &query, const QString &path,
                            SessionExportWriter::Format format, bool keepPresignedQueries)
{
    if (m_running) {
        Q_EMIT failed(tr("An export is already running."));
        return false;
    }
    m_file = std::make_unique<OutputFile>(path);
    if (!m_file->open()) {
        const QString message = tr("Cannot write %1: %2").arg(path, m_file->errorString());
        m_file.reset();
        Q_EMIT failed(message);
        return false;
    }
    m_writer =
        std::make_unique<SessionExportWriter>(m_file->device(), format, keepPresignedQueries);
    if (!m_writer->open()) {
        const QString message = m_writer->errorString();
        m_file->cancel();
        m_file.reset();
        m_writer.reset();
        Q_EMIT failed(message);
        return false;
    }
    m_running = true;
    // The export writes what the server sent, so the client keeps each session's JSON while it
    // runs (the list's own pages then keep it too, for as long: memory, not a difference in
    // what they show).
    m_keptJsonBefore = m_client->keepsSessionJson();
    m_client->setKeepSessionJson(true);
    UsageQuery whole = query;
    whole.pageSize = UsageQuery::MaxPageSize;
    m_collector->start(whole);
    return true;
}

void SessionExporter::cancel()
{
    if (!m_running)
        return;
    m_collector->cancel();
    m_file->cancel();
    end();
    Q_EMIT cancelled();
}

void SessionExporter::onPage(const QList<SessionSummary> &sessions)
{
    if (!m_running || m_writer->write(sessions))
        return;
    m_collector->cancel();
    fail(tr("%1: %2").arg(m_file->fileName(), m_writer->errorString()));
}

void SessionExporter::onFinished(const CollectionSummary &summary)
{
    if (!m_running)
        return;
    if (!m_writer->finish()) {
        fail(tr("%1: %2").arg(m_file->fileName(), m_writer->errorString()));
        return;
    }
    const QString path = m_file->fileName();
    if (!m_file->commit()) {
        const QString message = tr("Cannot write %1: %2").arg(path, m_file->errorString());
        end();
        Q_EMIT failed(message);
        return;
    }
    end();
    Q_EMIT finished(path, summary.delivered);
}

void SessionExporter::fail(const QString &message)
{
    if (!m_running)
        return;
    m_file->cancel();
    end();
    Q_EMIT failed(message);
}

void SessionExporter::end()
{
    m_running = false;
    m_client->setKeepSessionJson(m_keptJsonBefore);
    m_writer.reset();
    m_file.reset();
}
