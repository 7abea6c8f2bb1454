#include "store/transcriptindex.h"
#include "store/searchtext.h"
#include "store/sessionstore.h"
#include "store/storefilter.h"

#include <QSqlError>
#include <QSqlQuery>

namespace TranscriptIndex {

bool search(const SessionStore &store, const QString &text, const UsageQuery &filter, int limit,
            QList<TranscriptHit> *hits, QString *error)
{
    const QList<QStringList> words = SearchText::queryWords(text);
    if (words.isEmpty()) {
        *error = QStringLiteral("\"%1\" has no letters or digits to search for.").arg(text);
        return false;
    }
    QVariantList values{store.dialect().searchQueryText(words)};
    const QString sql =
        QStringLiteral("SELECT t.session_id, s.character_slug, s.created_at, t.turn_index, "
                       "t.role, t.ts, t.text") +
        store.dialect().searchFromWhere() + StoreFilter::conditions(filter, &values) +
        QStringLiteral(" ORDER BY s.created_at_micros DESC, s.session_id, t.position LIMIT ?");
    values.append(limit);
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        query.addBindValue(v);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    hits->clear();
    while (query.next()) {
        TranscriptHit hit;
        hit.sessionId = query.value(0).toString();
        hit.characterSlug = query.value(1).toString();
        hit.createdAt = query.value(2).toString();
        hit.turnIndex = query.value(3).toLongLong();
        hit.role = query.value(4).toString();
        hit.ts = query.value(5).toDouble();
        hit.text = query.value(6).toString();
        const SearchText::Snippet snippet = SearchText::snippet(hit.text, words.constFirst());
        hit.snippet = snippet.text;
        hit.matchStart = snippet.matchStart;
        hit.matchLength = snippet.matchLength;
        hits->append(std::move(hit));
    }
    return true;
}

} // namespace TranscriptIndex
