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
    QByteArray lines;
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
        const SessionJson &json = *s.sourceJson;
        if (!m_csv) {
            lines += json.line(m_keepPresignedQueries);
            lines += '\n';
            continue;
        }
        for (const QByteArray &key : SessionSerializer::extraCsvColumns(json)) {
            if (!m_extraSeen.contains(key)) {
                m_extraSeen.insert(key);
                m_extra.append(key);
            }
        }
        const QByteArray cells =
            SessionSerializer::csvFieldsAsSent(json, m_extra, m_keepPresignedQueries);
        if (!m_spool.append(cells, columnCount()))
            return fail(m_spool.errorString());
    }
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
