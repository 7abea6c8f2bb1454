#include "store/reviewstore.h"
#include "api/usagequery.h"
#include "store/sessionstore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString now()
{
    return formatIsoUtc(QDateTime::currentMSecsSinceEpoch() * 1000);
}

bool run(SessionStore &store, const QString &sql, const QString &sessionId,
         const QStringList &items, QString *error)
{
    if (!store.begin(error))
        return false;
    QSqlQuery query(store.database());
    query.prepare(sql);
    for (const QString &item : items) {
        query.bindValue(0, sessionId);
        query.bindValue(1, item);
        if (sql.count(QLatin1Char('?')) > 2)
            query.bindValue(2, now());
        if (!query.exec()) {
            *error = query.lastError().text();
            query.finish();
            store.rollback();
            return false;
        }
    }
    query.finish();
    return store.commit(error);
}
} // namespace

namespace ReviewStore {

bool addTags(SessionStore &store, const QString &sessionId, const QStringList &tags, QString *error)
{
    return run(store,
               QStringLiteral("INSERT INTO tags (session_id, tag, created_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (session_id, tag) DO NOTHING"),
               sessionId, tags, error);
}

bool removeTags(SessionStore &store, const QString &sessionId, const QStringList &tags,
                QString *error)
{
    return run(store, QStringLiteral("DELETE FROM tags WHERE session_id = ? AND tag = ?"),
               sessionId, tags, error);
}

bool setNote(SessionStore &store, const QString &sessionId, const QString &text, QString *error)
{
    if (text.isEmpty())
        return run(store, QStringLiteral("DELETE FROM notes WHERE session_id = ? AND ? = ''"),
                   sessionId, {QString()}, error);
    return run(store,
               QStringLiteral("INSERT INTO notes (session_id, body, updated_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, "
                              "updated_at = excluded.updated_at"),
               sessionId, {text}, error);
}

QStringList tags(const SessionStore &store, const QString &sessionId)
{
    QStringList result;
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT tag FROM tags WHERE session_id = ? ORDER BY tag"));
    query.addBindValue(sessionId);
    if (query.exec()) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    return result;
}

QString note(const SessionStore &store, const QString &sessionId)
{
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT body FROM notes WHERE session_id = ?"));
    query.addBindValue(sessionId);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool hasSession(const SessionStore &store, const QString &sessionId)
{
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE session_id = ?"));
    query.addBindValue(sessionId);
    return query.exec() && query.next();
}

} // namespace ReviewStore
