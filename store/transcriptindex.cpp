#include "store/transcriptindex.h"
#include "store/searchtext.h"
#include "store/sessionstore.h"
#include "store/storefilter.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cmath>

namespace {

/// `sql` with each placeholder replaced by its value as an SQL literal.
QString withValues(QString sql, const QVariantList &values)
{
    qsizetype from = 0;
    for (const QVariant &v : values) {
        const qsizetype mark = sql.indexOf(QLatin1Char('?'), from);
        if (mark < 0)
            break;
        QString literal = v.toString();
        if (v.typeId() == QMetaType::QString)
            literal = QLatin1Char('\'') + literal.replace(QLatin1Char('\''), QStringLiteral("''")) +
                      QLatin1Char('\'');
        sql.replace(mark, 1, literal);
        from = mark + literal.size();
    }
    return sql;
}

/// Runs the statements of one search on the store's connection, and notes each for the caller
/// who asked for them.
class Statements
{
public:
    Statements(const SessionStore &store, QStringList *trace)
        : m_store(store)
        , m_trace(trace)
    {}

    [[nodiscard]] QSqlDatabase database() const { return m_store.database(); }

    /// `query` is on database().
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
    {
        if (m_trace)
            m_trace->append(withValues(sql, values));
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant &v : values)
            query.addBindValue(v);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    /// The first row's values, or an empty list when the statement answered no row.
    bool firstRow(const QString &sql, const QVariantList &values, QVariantList *row, QString *error)
    {
        QSqlQuery query(database());
        if (!run(query, sql, values, error))
            return false;
        row->clear();
        if (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                row->append(query.value(i));
        }
        return true;
    }

private:
    const SessionStore &m_store;
    QStringList *m_trace;
};

/// The filter's conditions for a walk of the sessions newest first. The character and the
/// tenant are checked on each row as it comes: with their indexes, SQLite would read every
/// session of the character to order them by age (a unary + keeps it from those indexes). Only
/// the speed of the walk depends on these; the hits are filtered by StoreFilter::conditions.
QString newestFirstConditions(const UsageQuery &filter, QVariantList *values)
{
    QString sql;
    if (!filter.characterSlug.isEmpty()) {
        sql += QStringLiteral(" AND +s.character_slug = ?");
        values->append(filter.characterSlug);
    }
    if (!filter.tenantId.isEmpty()) {
        sql += QStringLiteral(" AND +s.tenant_id = ?");
        values->append(filter.tenantId);
    }
    if (filter.range.startMicros) {
        sql += QStringLiteral(" AND s.created_at_micros >= ?");
        values->append(*filter.range.startMicros);
    }
    if (filter.range.endMicros) {
        sql += QStringLiteral(" AND s.created_at_micros <= ?");
        values->append(*filter.range.endMicros);
    }
    return sql;
}

/// The hits of `words` among the sessions of `filter`, newest sessions first; `window`, when
/// not empty, is SQL that narrows them further (its values follow the filter's).
bool findHits(Statements &statements, const SqlDialect &dialect, const QList<QStringList> &words,
              const UsageQuery &filter, int limit, const QString &window,
              const QVariantList &windowValues, QList<TranscriptHit> *hits, QString *error)
{
    QVariantList values{dialect.searchQueryText(words)};
    const QString sql =
        QStringLiteral("SELECT t.session_id, s.character_slug, s.created_at, t.turn_index, "
                       "t.role, t.ts, t.text") +
        dialect.searchFromWhere() + StoreFilter::conditions(filter, &values) + window +
        QStringLiteral(" ORDER BY s.created_at_micros DESC, s.session_id, t.position LIMIT ?");
    values += windowValues;
    values.append(limit);
    QSqlQuery query(statements.database());
    if (!statements.run(query, sql, values, error))
        return false;
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
        hits->append(std::move(hit));
    }
    return true;
}

/// SQLite finds every turn that matches before it can order them by their session's age: a
/// word found in a third of four million turns took seconds, to show the newest 100. A word
/// that common is found first among the newest sessions alone: every hit there comes before
/// any hit in an older session, so when they hold `limit` hits, those are the answer. Those
/// sessions' turns are a range of the index's row IDs that the index can seek to (a sync
/// writes a session's turns together, so the range is narrow; it is only ever too wide, never
/// too narrow). True with `*found` false when the newest sessions did not hold enough hits
/// or the word is rare (then the whole index is asked, which is quick for a rare word).
bool searchNewestSessions(Statements &statements, const SqlDialect &dialect,
                          const QList<QStringList> &words, const UsageQuery &filter, int limit,
                          QList<TranscriptHit> *hits, bool *found, QString *error)
{
    *found = false;
    // How common the word is: the first matches in row ID order, and how far they reach.
    const qint64 enough = qint64(limit) * 20;
    QVariantList row;
    if (!statements.firstRow(QStringLiteral("SELECT count(*), max(rowid) FROM (SELECT rowid FROM "
                                            "transcript_search WHERE transcript_search MATCH ? "
                                            "LIMIT ?)"),
                             {dialect.searchQueryText(words), enough}, &row, error))
        return false;
    if (row.size() < 2 || row.at(0).toLongLong() < enough || row.at(1).toLongLong() <= 0)
        return true; // rare enough to order every match
    const double hitsPerTurn = row.at(0).toDouble() / row.at(1).toDouble();
    if (!statements.firstRow(QStringLiteral("SELECT (SELECT max(turn_id) FROM transcript_turns), "
                                            "(SELECT max(rowid) FROM sessions)"),
                             {}, &row, error))
        return false;
    const double sessionsAbout = row.value(1).toDouble();
    const double hitsPerSession =
        sessionsAbout > 0 ? hitsPerTurn * row.value(0).toDouble() / sessionsAbout : 0;
    if (hitsPerSession <= 0)
        return true;
    // Twice the sessions that should hold `limit` hits, then eight times that once.
    qint64 sessions = qMax<qint64>(16, qint64(std::ceil(2.0 * limit / hitsPerSession)));
    for (int round = 0; round < 2; ++round, sessions *= 8) {
        if (double(sessions) * 4 > sessionsAbout)
            return true; // a large part of the store: the whole index is as quick
        QVariantList values;
        const QString conditions = newestFirstConditions(filter, &values);
        values.append(sessions - 1);
        if (!statements.firstRow(QStringLiteral("SELECT s.created_at_micros FROM sessions s "
                                                "WHERE 1 = 1") +
                                     conditions +
                                     QStringLiteral(" ORDER BY s.created_at_micros DESC LIMIT 1 "
                                                    "OFFSET ?"),
                                 values, &row, error))
            return false;
        if (row.isEmpty() || row.constFirst().isNull())
            return true; // fewer sessions than that
        const qint64 oldest = row.constFirst().toLongLong();
        values.clear();
        values.append(oldest);
        const QString turnsSql = QStringLiteral("SELECT min(t.turn_id), max(t.turn_id) FROM "
                                                "sessions s JOIN transcript_turns t ON "
                                                "t.session_id = s.session_id WHERE "
                                                "s.created_at_micros >= ?") +
                                 newestFirstConditions(filter, &values);
        if (!statements.firstRow(turnsSql, values, &row, error))
            return false;
        if (row.size() < 2 || row.at(0).isNull())
            continue; // those sessions have no turns
        if (!findHits(statements, dialect, words, filter, limit,
                      QStringLiteral(" AND transcript_search.rowid BETWEEN ? AND ? AND "
                                     "s.created_at_micros >= ?"),
                      {row.at(0).toLongLong(), row.at(1).toLongLong(), oldest}, hits, error))
            return false;
        if (hits->size() >= limit) {
            *found = true;
            return true;
        }
    }
    return true;
}

} // namespace

namespace TranscriptIndex {

bool search(const SessionStore &store, const QString &text, const UsageQuery &filter, int limit,
            QList<TranscriptHit> *hits, QString *error, QStringList *statementsRun)
{
    const QList<QStringList> words = SearchText::queryWords(text);
    if (words.isEmpty()) {
        *error = QStringLiteral("\"%1\" has no letters or digits to search for.").arg(text);
        return false;
    }
    Statements statements(store, statementsRun);
    bool found = false;
    if (store.dialect().isSqlite() && !searchNewestSessions(statements, store.dialect(), words,
                                                            filter, limit, hits, &found, error))
        return false;
    if (!found && !findHits(statements, store.dialect(), words, filter, limit, {}, {}, hits, error))
        return false;
    for (TranscriptHit &hit : *hits) {
        const SearchText::Snippet snippet = SearchText::snippet(hit.text, words.constFirst());
        hit.snippet = snippet.text;
        hit.matchStart = snippet.matchStart;
        hit.matchLength = snippet.matchLength;
    }
    return true;
}

} // namespace TranscriptIndex
