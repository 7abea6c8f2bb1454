#include "reports/sessionexportwriter.h"
#include "api/sessionserializer.h"

#include <QCoreApplication>
#include <QIODevice>

bool SessionExportWriter::open()
{
    return !m_csv || m_spool.open() || fail(m_spool.errorString());
}

bool SessionExportWriter::write(const QList<SessionSummary> &sessions)
{
    // The page's lines are measured first, so that they go into one buffer of the right size
    // (no growing copies) and to the device in one write (which a file device passes straight
    // to the system when it is larger than its own buffer).
    qsizetype size = 0;
    for (const SessionSummary &s : sessions) {
        if (!s.sourceJson) {
            // The client was asked to keep it: a page that comes without it was read by some
            // other path, and writing a re-formatting instead would be a silent lie.
            m_notLocal = true;
            return fail(
                QCoreApplication::translate("SessionExportWriter",
                                            "session %1 arrived without the JSON the server sent")
                    .arg(s.sessionId));
        }
        size += s.sourceJson->lineSize(m_keepPresignedQueries) + 1;
    }
    // A CSV row is shorter than its session's JSON unless it has many quotes to double.
    QByteArray lines;
    lines.reserve(size);
    if (m_csv)
        m_rows.clear();
    for (const SessionSummary &s : sessions) {
        const SessionJson &json = *s.sourceJson;
        if (!m_csv) {
            json.appendLine(lines, m_keepPresignedQueries);
            lines += '\n';
            continue;
        }
        const qsizetype before = lines.size();
        const int columns =
            SessionSerializer::appendCsvRowAsSent(lines, json, m_extra, m_keepPresignedQueries);
        m_rows.push_back({lines.size() - before, columns});
    }
    if (m_csv)
        return m_spool.append(lines, m_rows) || fail(m_spool.errorString());
    if (!lines.isEmpty() && m_out.write(lines) != lines.size())
        return fail(QCoreApplication::translate("SessionExportWriter", "cannot write: %1")
                        .arg(m_out.errorString()));
    return true;
}

bool SessionExportWriter::finish()
{
    if (!m_csv)
        return true;
    QByteArray header = SessionSerializer::csvHeader().trimmed();
    for (const QByteArray &key : std::as_const(m_extra))
        header += ',' + SessionSerializer::csvFieldUtf8(key);
    return m_spool.writeTo(m_out, header, columnCount()) || fail(m_spool.errorString());
}

int SessionExportWriter::columnCount() const
{
    return int(SessionSerializer::csvColumns().size() + m_extra.size());
}

bool SessionExportWriter::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}
