#pragma once

#include "store/sqldialect.h"

#include <QSqlDatabase>
#include <QString>

/// The store's tables (store/SCHEMA.md describes them) and the numbered migrations that make
/// them, run in one transaction when a store is opened. Version 1 is the layout of the SQLite
/// file `sessionscope sync` wrote before the store was a layer (sessions with the summary
/// columns and the JSON, a key/value sync_state); version 2 adds every API field, the
/// transcript turns and their search index, tags, notes and the one-row sync state; version 3
/// indexes every column the window sorts on.
namespace StoreSchema {

constexpr int CurrentVersion = 3;

/// The version a database is at: 0 for an empty one, 1 for the first release's layout (no
/// schema_version table, a sessions table), otherwise what schema_version says. -1 with a
/// message when it cannot be read.
[[nodiscard]] int version(QSqlDatabase &db, const SqlDialect &dialect, QString *error);
/// Brings the database to CurrentVersion. `from` receives the version found. False with a
/// message, the database unchanged, when a step fails or the database is newer than this
/// program knows.
bool migrate(QSqlDatabase &db, const SqlDialect &dialect, int *from, QString *error);

} // namespace StoreSchema
