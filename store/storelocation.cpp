#include "store/storelocation.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

bool StoreLocation::parse(const QString &argument, StoreLocation *location, QString *error)
{
    *location = {};
    if (argument.isEmpty()) {
        location->path = defaultSqlitePath();
        return true;
    }
    if (!argument.startsWith(QStringLiteral("postgresql://")) &&
        !argument.startsWith(QStringLiteral("postgres://"))) {
        if (argument.contains(QStringLiteral("://"))) {
            *error =
                QStringLiteral("--database takes a file or a postgresql://user@host/db URL; "
                               "\"%1\" is neither.")
                    .arg(argument.section(QStringLiteral("://"), 0, 0) + QStringLiteral("://…"));
            return false;
        }
        location->path = argument;
        return true;
    }
    const QUrl url(argument, QUrl::StrictMode);
    const QString database = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty() || database.isEmpty() ||
        database.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("--database: a PostgreSQL URL is "
                                "postgresql://user[:password]@host[:port]/database.");
        return false;
    }
    location->kind = Kind::Postgres;
    location->host = url.host();
    location->port = url.port(5432);
    location->user = url.userName();
    location->password = url.password();
    location->databaseName = database;
    return true;
}

QString StoreLocation::defaultSqlitePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("sessions.sqlite"));
}

QString StoreLocation::displayName() const
{
    if (kind == Kind::Sqlite)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}
