#pragma once

#include "api/sessionsummary.h"

#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/// A local SQLite copy of sessions, for `sessionscope sync`: one row per session_id (upserted),
/// the summary columns people query, and the whole session as JSON. Remembers the filter it was
/// made for and the newest `created_at` seen (the high-water mark).
class SessionStore
{
public:
    SessionStore();
    ~SessionStore();
    Q_DISABLE_COPY_MOVE(SessionStore)

    /// Opens (creating) the database and takes its writer lock: one sync writes a database at
    /// a time, and a second one is refused with a message that names the first.
    bool open(const QString &path, QString *error);
    [[nodiscard]] std::optional<QString> value(const QString &key) const;
    bool setValue(const QString &key, const QString &value, QString *error);
    /// Inserts or replaces by session_id; returns false with a message on a database error.
    /// `inserted` tells whether the session was new.
    bool upsert(const SessionSummary &session, bool *inserted, QString *error);
    [[nodiscard]] QStringList inProgressSessionIds() const;
    [[nodiscard]] qint64 count() const;
    bool begin(QString *error);
    bool commit(QString *error);

private:
    QString m_connection;
    std::unique_ptr<QLockFile> m_lock;
    // Prepared once in open(): a sync upserts thousands of sessions with the same two
    // statements. Reset before the connection is removed.
    std::optional<QSqlQuery> m_exists;
    std::optional<QSqlQuery> m_upsert;
};
