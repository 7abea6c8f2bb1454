#include "demo/demorequestlog.h"

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void DemoRequestLog::record(const DemoHttpRequest &request, const QString &origin)
{
    if (m_entries.size() >= Capacity)
        m_entries.remove(0, m_entries.size() - Capacity + 1);
    m_entries.append({request.method, request.url, request.headers, origin,
                      QDateTime::currentDateTimeUtc(), request.peerPort});
}
