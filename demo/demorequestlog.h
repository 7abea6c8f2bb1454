#pragma once

#include "demo/demohttpwire.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

/// One request as a demo origin saw it, for tests that check what a client sent where.
struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    DemoHttpHeaders headers;
    QString origin; ///< "api", "recording" or "recorder"
    QDateTime receivedAt;
    quint16 peerPort = 0; ///< the client's port: equal ports = one reused connection

    /// Case-insensitive; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
};

/// Bounded in-memory log: the oldest entries drop out first.
class DemoRequestLog
{
public:
    static constexpr qsizetype Capacity = 5000;

    void record(const DemoHttpRequest &request, const QString &origin);
    [[nodiscard]] QList<RecordedRequest> entries() const { return m_entries; }
    void clear() { m_entries.clear(); }

private:
    QList<RecordedRequest> m_entries;
};
