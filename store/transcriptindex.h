#pragma once

#include "api/usagequery.h"

#include <QList>
#include <QString>
#include <QStringList>

class SessionStore;

/// One turn that a search found.
struct TranscriptHit
{
    QString sessionId;
    QString characterSlug;
    QString createdAt; ///< as stored: UTC ISO-8601
    qint64 turnIndex = 0;
    QString role;
    double ts = 0; ///< seconds since the session started
    QString text;  ///< the whole turn, as the API sent it (plain text, never markup)
    QString snippet;
    qsizetype matchStart = -1; ///< in snippet
    qsizetype matchLength = 0;
};

/// Full-text search over every stored transcript turn: FTS5 on SQLite, a GIN index over
/// to_tsvector('simple', …) on PostgreSQL, both over the same folded text (see SearchText), so
/// that both find the same turns: every word of the query, each word's pieces in order.
namespace TranscriptIndex {
/// Newest sessions first, turns in order; at most `limit` hits. False with a message when the
/// query has nothing to search for or the database fails. `statementsRun`, when given,
/// receives each statement the search ran, in order, its values written in: the same
/// question can then be put to the database's own tool.
bool search(const SessionStore &store, const QString &text, const UsageQuery &filter, int limit,
            QList<TranscriptHit> *hits, QString *error, QStringList *statementsRun = nullptr);
} // namespace TranscriptIndex
