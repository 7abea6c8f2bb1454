#include "store/storesessionquery.h"
#include "api/usagedecoder.h"
#include "store/reviewstore.h"
#include "store/sessionstore.h"
#include "store/storefilter.h"

#include <QCoreApplication>
#include <QSqlError>

namespace {

// The summary columns a window reads, in the order rowFrom() takes them.
constexpr const char *RowColumns =
    "s.session_id, s.id, s.tenant_id, s.character_slug, s.created_at_micros, "
    "s.finalized_at_micros, s.duration_seconds, s.turn_count, s.interruption_count, "
    "s.llm_input_tokens, s.llm_output_tokens, s.llm_model, s.llm_provider, s.stt_audio_seconds, "
    "s.tts_characters, s.estimated_cost_micros, s.recording_status";

SessionSummary rowFrom(const QSqlQuery &q)
{
    SessionSummary s;
    s.sessionId = q.value(0).toString();
    s.id = q.value(1).toLongLong();
    s.tenantId = q.value(2).toString();
    s.characterSlug = q.value(3).toString();
    if (!q.value(4).isNull())
        s.createdAt = dateTimeFromMicros(q.value(4).toLongLong());
    if (!q.value(5).isNull())
        s.finalizedAt = dateTimeFromMicros(q.value(5).toLongLong());
    s.durationSeconds = q.value(6).toDouble();
    s.turnCount = q.value(7).toInt();
    s.interruptionCount = q.value(8).toInt();
    s.llmInputTokens = q.value(9).toLongLong();
    s.llmOutputTokens = q.value(10).toLongLong();
    s.llmModel = q.value(11).toString();
    s.llmProvider = q.value(12).toString();
    s.sttAudioSeconds = q.value(13).toDouble();
    s.ttsCharacters = q.value(14).toLongLong();
    s.estimatedCost = Money::fromMicros(q.value(15).toLongLong());
    s.recordingStatusText = q.value(16).toString();
    s.recordingStatus = recordingStatusFromName(s.recordingStatusText);
    return s;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace

QString StoreSessionQuery::conditions(const StoreSessionFilter &f, QVariantList *values)
{
    QString sql = StoreFilter::conditions(f.api, values);
    if (!f.recordingStatuses.isEmpty()) {
        QStringList marks;
        for (const QString &status : f.recordingStatuses) {
            marks.append(QStringLiteral("?"));
            values->append(status);
        }
        sql += QStringLiteral(" AND s.recording_status IN (%1)").arg(marks.join(u", "));
    }
    if (f.inProgress)
        sql += *f.inProgress ? QStringLiteral(" AND s.finalized_at_micros IS NULL")
                             : QStringLiteral(" AND s.finalized_at_micros IS NOT NULL");
    const auto bound = [&](const char *condition, const QVariant &value) {
        sql += QLatin1String(condition);
        values->append(value);
    };
    if (f.minCostMicros)
        bound(" AND s.estimated_cost_micros >= ?", *f.minCostMicros);
    if (f.maxCostMicros)
        bound(" AND s.estimated_cost_micros <= ?", *f.maxCostMicros);
    if (f.minDurationSeconds)
        bound(" AND s.duration_seconds >= ?", *f.minDurationSeconds);
    if (f.maxDurationSeconds)
        bound(" AND s.duration_seconds <= ?", *f.maxDurationSeconds);
    if (!f.llmModel.isEmpty())
        bound(" AND s.llm_model = ?", f.llmModel);
    if (!f.tag.isEmpty())
        bound(" AND EXISTS (SELECT 1 FROM tags g WHERE g.session_id = s.session_id AND g.tag = ?)",
              f.tag);
    if (f.hasNote)
        sql += QStringLiteral(" AND %1 EXISTS (SELECT 1 FROM notes n WHERE n.session_id = "
                              "s.session_id)")
                   .arg(*f.hasNote ? QString() : QStringLiteral("NOT"));
    return sql;
}

QString StoreSessionQuery::sortExpression(StoreSortKey key)
{
    // Each one the leading column of an index ending in session_id (StoreSchema's version 3).
    switch (key) {
    case StoreSortKey::Created:
        return QStringLiteral("s.created_at_micros");
    case StoreSortKey::Character:
        return QStringLiteral("s.character_slug");
    case StoreSortKey::Tenant:
        return QStringLiteral("s.tenant_id");
    case StoreSortKey::Duration:
        return QStringLiteral("s.duration_seconds");
    case StoreSortKey::Turns:
        return QStringLiteral("s.turn_count");
    case StoreSortKey::Interruptions:
        return QStringLiteral("s.interruption_count");
    case StoreSortKey::LlmInputTokens:
        return QStringLiteral("s.llm_input_tokens");
    case StoreSortKey::LlmOutputTokens:
        return QStringLiteral("s.llm_output_tokens");
    case StoreSortKey::LlmModel:
        return QStringLiteral("s.llm_model");
    case StoreSortKey::SttSeconds:
        return QStringLiteral("s.stt_audio_seconds");
    case StoreSortKey::TtsCharacters:
        return QStringLiteral("s.tts_characters");
    case StoreSortKey::Cost:
        return QStringLiteral("s.estimated_cost_micros");
    case StoreSortKey::Recording:
        return QStringLiteral("s.recording_status");
    case StoreSortKey::InProgress:
        // The finished ones by when they ended; those still in progress (NULL) together.
        return QStringLiteral("s.finalized_at_micros");
    case StoreSortKey::SessionId:
        return QStringLiteral("s.session_id"); // the primary key's own index
    }
    return QStringLiteral("s.created_at_micros");
}

QString StoreSessionQuery::rowsSql(QVariantList *values) const
{
    // "In progress" reads finalized_at_micros backwards: a session still in progress (NULL)
    // counts as true, above every finalized one. The NULLs are placed where SQLite puts them
    // by itself (first going up), so that it still walks the index; PostgreSQL is told so.
    const bool inverted = sortKey == StoreSortKey::InProgress;
    const bool down = descending != inverted;
    const QString direction = down ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString order = sortExpression(sortKey) + direction;
    if (inverted)
        order += down ? QStringLiteral(" NULLS LAST") : QStringLiteral(" NULLS FIRST");
    QString sql =
        QStringLiteral("SELECT ") + QLatin1String(RowColumns) +
        QStringLiteral(" FROM sessions s WHERE 1 = 1") + conditions(filter, values) +
        QStringLiteral(" ORDER BY ") + order +
        // The session ID breaks ties, unless it is the order itself (SQLite would sort
        // the rows again for a repeated key).
        (sortKey == StoreSortKey::SessionId ? QString()
                                            : QStringLiteral(", s.session_id") + direction) +
        QStringLiteral(" LIMIT ? OFFSET ?");
    values->append(limit);
    values->append(offset);
    return sql;
}

QString StoreSessionQuery::totalsSql(const StoreSessionFilter &filter, QVariantList *values)
{
    return QStringLiteral("SELECT COUNT(*), COALESCE(SUM(s.llm_input_tokens), 0), "
                          "COALESCE(SUM(s.llm_output_tokens), 0), "
                          "COALESCE(SUM(s.stt_audio_seconds), 0), "
                          "COALESCE(SUM(s.tts_characters), 0), "
                          "COALESCE(SUM(s.estimated_cost_micros), 0) FROM sessions s WHERE 1 = 1") +
           conditions(filter, values);
}

bool StoreSessionQuery::fetch(const SessionStore &store, QList<SessionSummary> *rows,
                              QString *error) const
{
    QVariantList values;
    const QString sql = rowsSql(&values);
    QSqlQuery query(store.database());
    if (!run(query, sql, values, error))
        return false;
    rows->clear();
    rows->reserve(limit);
    while (query.next())
        rows->append(rowFrom(query));
    if (query.lastError().isValid()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool StoreSessionQuery::totals(const SessionStore &store, const StoreSessionFilter &filter,
                               UsageTotals *totals, QString *error)
{
    QVariantList values;
    const QString sql = totalsSql(filter, &values);
    QSqlQuery query(store.database());
    if (!run(query, sql, values, error))
        return false;
    if (!query.next()) {
        *error = query.lastError().text();
        return false;
    }
    *totals = {};
    totals->sessions = query.value(0).toLongLong();
    totals->llmInputTokens = query.value(1).toLongLong();
    totals->llmOutputTokens = query.value(2).toLongLong();
    totals->sttAudioSeconds = query.value(3).toDouble();
    totals->ttsCharacters = query.value(4).toLongLong();
    totals->estimatedCost = Money::fromMicros(query.value(5).toLongLong());
    return true;
}

bool StoreSessionDetail::load(const SessionStore &store, const QString &sessionId,
                              StoreSessionDetail *out, QString *error)
{
    QSqlQuery query(store.database());
    if (!run(query, QStringLiteral("SELECT json FROM sessions WHERE session_id = ?"), {sessionId},
             error))
        return false;
    if (!query.next()) {
        *error =
            query.lastError().isValid()
                ? query.lastError().text()
                : QCoreApplication::translate("StoreSessionQuery", "the store has no session %1")
                      .arg(sessionId);
        return false;
    }
    // The kept JSON is the session object of a page; the decoder reads it as a detail answer.
    const QByteArray body = "{\"success\":true,\"message\":\"\",\"errors\":null,\"data\":" +
                            query.value(0).toString().toUtf8() + '}';
    query.finish();
    Result<SessionSummary> decoded = UsageDecoder::decodeSessionDetail(body);
    if (!decoded) {
        *error = QCoreApplication::translate("StoreSessionQuery",
                                             "the stored session %1 does not decode: %2")
                     .arg(sessionId, decoded.error().message);
        return false;
    }
    out->session = std::move(decoded.value());
    out->tags = ReviewStore::tags(store, sessionId);
    out->note = ReviewStore::note(store, sessionId);
    return true;
}
