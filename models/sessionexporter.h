#pragma once

#include "api/collectionsummary.h"
#include "api/usagequery.h"
#include "reports/sessionexportwriter.h"

#include <QObject>
#include <QPointer>

#include <memory>

class ApiClient;
class OutputFile;
class UsageCollector;

/// Writes every session of a query to a file, as `sessionscope export` does and with the same
/// writer: the server's own bytes, each session once, the whole set or nothing. The window's
/// File > Export runs it; the walk and the writing happen as pages arrive, so the window never
/// waits.
///
/// The file is written under a temporary name and renamed into place only when the export is
/// whole; a failed or cancelled export leaves no file behind.
class SessionExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionExporter)

public:
    explicit SessionExporter(ApiClient *client, QObject *parent = nullptr);
    ~SessionExporter() override;

    /// Starts writing `query`'s sessions to `path`; false (and failed()) when the file cannot
    /// be opened or an export is already running.
    bool start(const UsageQuery &query, const QString &path, SessionExportWriter::Format format,
               bool keepPresignedQueries = false);
    /// Stops; the file is not written.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(int pagesDone, int pageCount);
    /// The file is in place with `sessions` sessions.
    void finished(const QString &path, qint64 sessions);
    void failed(const QString &message);
    void cancelled();

private:
    void onPage(const QList<SessionSummary> &sessions);
    void onFinished(const CollectionSummary &summary);
    void fail(const QString &message);
    void end();

    ApiClient *m_client;
    UsageCollector *m_collector;
    std::unique_ptr<OutputFile> m_file;
    std::unique_ptr<SessionExportWriter> m_writer;
    bool m_running = false;
    bool m_keptJsonBefore = false;
};
