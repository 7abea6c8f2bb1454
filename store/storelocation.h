#pragma once

#include <QString>

/// Where a store lives, read from the `--database` argument: a SQLite file (any path; the
/// default is sessions.sqlite under the user's XDG data folder) or a PostgreSQL server given as
/// `postgresql://user[:password]@host[:port]/db` (or `postgres://`).
struct StoreLocation
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path; ///< the SQLite file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    /// The argument as given; empty means the default SQLite file. False with a message for a
    /// URL that names no host, user or database, or a scheme other than postgres(ql).
    [[nodiscard]] static bool parse(const QString &argument, StoreLocation *location,
                                    QString *error);
    /// sessions.sqlite under QStandardPaths::AppDataLocation.
    [[nodiscard]] static QString defaultSqlitePath();
    /// For messages: the file, or the URL without its password.
    [[nodiscard]] QString displayName() const;
};
