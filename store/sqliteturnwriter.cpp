#include "store/sqliteturnwriter.h"
#include "api/sessionsummary.h"
#include "store/searchtext.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <QCoreApplication>
#include <sqlite3.h>

SqliteTurnWriter::~SqliteTurnWriter()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_index);
}

QString SqliteTurnWriter::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

bool SqliteTurnWriter::prepare(const QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !handle.data()) {
        *error =
            QCoreApplication::translate("SqliteTurnWriter", "the connection is not a SQLite one");
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.data());
    const char insert[] = "INSERT INTO transcript_turns (session_id, position, turn_index, role, "
                          "ts, text, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)";
    const char index[] = "INSERT INTO transcript_search (rowid, search_text) VALUES (?, ?)";
    if (!m_db || sqlite3_prepare_v2(m_db, insert, -1, &m_insert, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(m_db, index, -1, &m_index, nullptr) != SQLITE_OK) {
        *error = m_db ? lastError()
                      : QCoreApplication::translate("SqliteTurnWriter", "no SQLite handle");
        return false;
    }
    return true;
}

bool SqliteTurnWriter::insert(const SessionSummary &s, QString *error)
{
    const QByteArray sessionId = s.sessionId.toUtf8();
    static const QByteArray roles[] = {
        transcriptRoleName(TranscriptTurn::Role::Assistant).toUtf8(),
        transcriptRoleName(TranscriptTurn::Role::User).toUtf8(),
        transcriptRoleName(TranscriptTurn::Role::Other).toUtf8(),
    };
    for (qsizetype i = 0; i < s.transcript.size(); ++i) {
        const QByteArrayView text = s.transcript.textUtf8(i);
        const QByteArray &role = roles[qMin(int(s.transcript.role(i)), 2)];
        const QByteArray search = SearchText::foldedUtf8(text);
        // Empty texts bind as '' (never NULL: the columns are NOT NULL).
        const char *const textData = text.data() ? text.data() : "";
        const char *const searchData = search.constData() ? search.constData() : "";
        const bool ok =
            sqlite3_bind_text(m_insert, 1, sessionId.constData(), int(sessionId.size()),
                              SQLITE_STATIC) == SQLITE_OK &&
            sqlite3_bind_int64(m_insert, 2, i) == SQLITE_OK &&
            sqlite3_bind_int64(m_insert, 3, s.transcript.turnIndex(i)) == SQLITE_OK &&
            sqlite3_bind_text(m_insert, 4, role.constData(), int(role.size()), SQLITE_STATIC) ==
                SQLITE_OK &&
            sqlite3_bind_double(m_insert, 5, s.transcript.ts(i)) == SQLITE_OK &&
            sqlite3_bind_text(m_insert, 6, textData, int(text.size()), SQLITE_STATIC) ==
                SQLITE_OK &&
            sqlite3_bind_text(m_insert, 7, searchData, int(search.size()), SQLITE_STATIC) ==
                SQLITE_OK &&
            sqlite3_step(m_insert) == SQLITE_DONE &&
            sqlite3_bind_int64(m_index, 1, sqlite3_last_insert_rowid(m_db)) == SQLITE_OK &&
            sqlite3_bind_text(m_index, 2, searchData, int(search.size()), SQLITE_STATIC) ==
                SQLITE_OK &&
            sqlite3_step(m_index) == SQLITE_DONE;
        if (!ok)
            *error = lastError();
        sqlite3_reset(m_insert);
        sqlite3_reset(m_index);
        if (!ok)
            return false;
    }
    return true;
}
