#pragma once

#include "api/sessionsummary.h"
#include "reports/csvspool.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

class QIODevice;

/// Turns the sessions of each page into the bytes of an export, from each session's JSON as the
/// server sent it (the client must be asked to keep it): JSON Lines are written as they come,
/// CSV rows go to a spool until every column is known. The one export writer, used by
/// `sessionscope export` and by File > Export in the window, so that both write the same bytes.
class SessionExportWriter
{
public:
    enum class Format { JsonLines, Csv };

    SessionExportWriter(QIODevice &out, Format format, bool keepPresignedQueries)
        : m_out(out)
        , m_csv(format == Format::Csv)
        , m_keepPresignedQueries(keepPresignedQueries)
    {}

    /// False when the CSV spool cannot be made; errorString() says why.
    bool open();
    /// False when the output cannot be written (a local failure), or a session came without
    /// the server's JSON (not a local one).
    bool write(const QList<SessionSummary> &sessions);
    /// The CSV header and rows, once every column is known.
    bool finish();

    [[nodiscard]] QString errorString() const { return m_error; }
    /// Whether the failure was this machine's (the output or the spool), not the client's.
    [[nodiscard]] bool failedLocally() const { return !m_error.isEmpty() && !m_notLocal; }

private:
    [[nodiscard]] int columnCount() const;
    bool fail(const QString &error);

    QIODevice &m_out;
    bool m_csv;
    bool m_keepPresignedQueries;
    CsvSpool m_spool;
    QList<QByteArray> m_extra;         ///< unknown scalar fields, in the order first met
    std::vector<CsvSpool::Row> m_rows; ///< the rows of the page being written
    QString m_error;
    bool m_notLocal = false;
};
