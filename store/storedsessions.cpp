#include "store/storedsessions.h"
#include "store/sessionstore.h"
#include "store/storefilter.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace StoredSessions {

bool forEach(const SessionStore &store, const UsageQuery &filter,
             const std::function<bool(const StoredSession &)> &take, QString *error)
{
    // Tags are few beside the sessions: read once for the filter, then joined in memory.
    QHash<QString, QStringList> tags;
    {
        QVariantList values;
        QSqlQuery query(store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT t.session_id, t.tag FROM tags t JOIN sessions s ON "
                                     "s.session_id = t.session_id WHERE 1 = 1") +
                      StoreFilter::conditions(filter, &values) +
                      QStringLiteral(" ORDER BY t.session_id, t.tag"));
        for (const QVariant &v : std::as_const(values))
            query.addBindValue(v);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next())
            tags[query.value(0).toString()].append(query.value(1).toString());
    }
    QVariantList values;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT s.session_id, s.json, n.body FROM sessions s LEFT JOIN "
                                 "notes n ON n.session_id = s.session_id WHERE 1 = 1") +
                  StoreFilter::conditions(filter, &values) +
                  QStringLiteral(" ORDER BY s.created_at_micros DESC, s.id DESC"));
    for (const QVariant &v : std::as_const(values))
        query.addBindValue(v);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        StoredSession s;
        s.sessionId = query.value(0).toString();
        s.json = query.value(1).toString().toUtf8();
        s.note = query.value(2).toString();
        s.tags = tags.value(s.sessionId);
        if (!take(s))
            break;
    }
    return true;
}

} // namespace StoredSessions
