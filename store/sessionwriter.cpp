#include "store/sessionwriter.h"
#include "store/searchtext.h"
#include "store/sessionrow.h"
#include "store/sessionstore.h"
#include "store/sqlitesessionwriter.h"

#include <QSqlError>

namespace {

QVariant variant(const SqlValue &value)
{
    if (const auto *i = std::get_if<qint64>(&value))
        return *i;
    if (const auto *d = std::get_if<double>(&value))
        return *d;
    if (const auto *t = std::get_if<QByteArray>(&value))
        return QString::fromUtf8(*t);
    return {};
}

/// An empty string, never NULL: a QString that was never assigned binds as NULL.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

SessionWriter::SessionWriter(SessionStore &store)
    : m_store(store)
{}

SessionWriter::~SessionWriter() = default;

bool SessionWriter::prepare(QString *error)
{
    const QSqlDatabase db = m_store.database();
    if (m_store.dialect().isSqlite()) {
        auto sqlite = std::make_unique<SqliteSessionWriter>();
        if (!sqlite->prepare(db, error))
            return false;
        m_sqlite = std::move(sqlite);
        m_prepared = true;
        return true;
    }
    m_exists.emplace(db);
    m_upsert.emplace(db);
    m_deleteTurns.emplace(db);
    if (m_exists->prepare(QStringLiteral("SELECT 1 FROM sessions WHERE session_id = ?")) &&
        m_upsert->prepare(SessionRow::upsertSql()) &&
        m_deleteTurns->prepare(
            QStringLiteral("DELETE FROM transcript_turns WHERE session_id = ?"))) {
        m_prepared = true;
        return true;
    }
    for (auto *q : {&m_exists, &m_upsert, &m_deleteTurns}) {
        if ((*q)->lastError().isValid())
            *error = (*q)->lastError().text();
        q->reset();
    }
    return false;
}

bool SessionWriter::upsert(const SessionSummary &s, bool *inserted, QString *error)
{
    if (!m_prepared && !prepare(error))
        return false;
    if (m_sqlite)
        return m_sqlite->upsert(s, inserted, error);
    const auto fail = [&](QSqlQuery &query) {
        *error = query.lastError().text();
        query.finish();
        return false;
    };
    m_exists->bindValue(0, s.sessionId);
    if (!m_exists->exec())
        return fail(*m_exists);
    *inserted = !m_exists->next();
    m_exists->finish();

    const SessionRow::Values values =
        SessionRow::values(s, QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000);
    for (size_t i = 0; i < values.size(); ++i)
        m_upsert->bindValue(int(i), variant(values[i]));
    if (!m_upsert->exec())
        return fail(*m_upsert);
    m_upsert->finish();

    // The turns are replaced whole: a session in progress grows turns between syncs.
    if (!*inserted) {
        m_deleteTurns->bindValue(0, s.sessionId);
        if (!m_deleteTurns->exec())
            return fail(*m_deleteTurns);
        m_deleteTurns->finish();
    }
    return insertTurnsInRows(s, error);
}

QSqlQuery *SessionWriter::turnRowsStatement(int rows, QString *error)
{
    auto it = m_turnRows.find(rows);
    if (it != m_turnRows.end())
        return &it->second;
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery query(m_store.database());
    if (!query.prepare(QStringLiteral("INSERT INTO transcript_turns (session_id, position, "
                                      "turn_index, role, ts, text, search_text) VALUES ") +
                       tuples.join(QStringLiteral(", ")))) {
        *error = query.lastError().text();
        return nullptr;
    }
    return &m_turnRows.emplace(rows, std::move(query)).first->second;
}

bool SessionWriter::insertTurnsInRows(const SessionSummary &s, QString *error)
{
    for (qsizetype first = 0; first < s.transcript.size(); first += TurnsPerStatement) {
        const int rows = int(qMin<qsizetype>(TurnsPerStatement, s.transcript.size() - first));
        QSqlQuery *query = turnRowsStatement(rows, error);
        if (!query)
            return false;
        int at = 0;
        for (qsizetype i = first; i < first + rows; ++i) {
            const TranscriptTurn turn = s.transcript.at(i);
            query->bindValue(at++, s.sessionId);
            query->bindValue(at++, qint64(i));
            query->bindValue(at++, turn.turnIndex);
            query->bindValue(at++, transcriptRoleName(turn.role));
            query->bindValue(at++, turn.ts);
            query->bindValue(at++, notNull(turn.text));
            query->bindValue(at++, notNull(SearchText::folded(turn.text)));
        }
        const bool ok = query->exec();
        if (!ok)
            *error = query->lastError().text();
        query->finish();
        if (!ok)
            return false;
    }
    return true;
}
