#include "store/storefilter.h"
#include "api/usagepage.h"
#include "store/sessionstore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace StoreFilter {

QString conditions(const UsageQuery &query, QVariantList *values)
{
    QString sql;
    if (!query.characterSlug.isEmpty()) {
        sql += QStringLiteral(" AND s.character_slug = ?");
        values->append(query.characterSlug);
    }
    if (!query.tenantId.isEmpty()) {
        sql += QStringLiteral(" AND s.tenant_id = ?");
        values->append(query.tenantId);
    }
    if (query.range.startMicros) {
        sql += QStringLiteral(" AND s.created_at_micros >= ?");
        values->append(*query.range.startMicros);
    }
    if (query.range.endMicros) {
        sql += QStringLiteral(" AND s.created_at_micros <= ?");
        values->append(*query.range.endMicros);
    }
    return sql;
}

} // namespace StoreFilter

namespace StoreTotals {

bool compute(const SessionStore &store, const UsageQuery &query, UsageTotals *totals,
             QString *error)
{
    QVariantList values;
    QSqlQuery sql(store.database());
    sql.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(s.llm_input_tokens), 0), "
                               "COALESCE(SUM(s.llm_output_tokens), 0), "
                               "COALESCE(SUM(s.stt_audio_seconds), 0), "
                               "COALESCE(SUM(s.tts_characters), 0), "
                               "COALESCE(SUM(s.estimated_cost_micros), 0) FROM sessions s "
                               "WHERE 1 = 1") +
                StoreFilter::conditions(query, &values));
    for (const QVariant &v : std::as_const(values))
        sql.addBindValue(v);
    if (!sql.exec() || !sql.next()) {
        *error = sql.lastError().text();
        return false;
    }
    *totals = {};
    totals->sessions = sql.value(0).toLongLong();
    totals->llmInputTokens = sql.value(1).toLongLong();
    totals->llmOutputTokens = sql.value(2).toLongLong();
    totals->sttAudioSeconds = sql.value(3).toDouble();
    totals->ttsCharacters = sql.value(4).toLongLong();
    totals->estimatedCost = Money::fromMicros(sql.value(5).toLongLong());
    return true;
}

} // namespace StoreTotals
