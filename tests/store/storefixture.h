#pragma once

// What the store's tests share: every test runs once on SQLite and once on a private
// PostgreSQL server started for the test program (tests/support/postgresprocess.h). When that
// server cannot start, the PostgreSQL rows fail with the reason; they never skip.

#include "store/sessionstore.h"
#include "store/storelocation.h"
#include "tests/support/postgresprocess.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class StoreFixture
{
public:
    /// Starts the PostgreSQL server; its failure is kept for the PostgreSQL rows to report.
    void start()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!m_postgres.start(&m_postgresError) && m_postgresError.isEmpty())
            m_postgresError = QStringLiteral("the PostgreSQL server did not start");
    }

    /// The data rows of a test that runs on both engines: a column "backend".
    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    /// A new empty store of `backend`; false (with the reason) when there is none to be had.
    bool fresh(const QString &backend, StoreLocation *location, QString *error)
    {
        QString argument;
        if (backend == u"sqlite") {
            argument = m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_files));
        } else {
            if (!m_postgresError.isEmpty()) {
                *error = QStringLiteral("PostgreSQL: ") + m_postgresError;
                return false;
            }
            argument = m_postgres.createDatabase(error);
            if (argument.isEmpty())
                return false;
        }
        return StoreLocation::parse(argument, location, error);
    }

    /// The location as a --database argument.
    static QString argument(const StoreLocation &location)
    {
        return location.kind == StoreLocation::Kind::Sqlite
                   ? location.path
                   : QStringLiteral("postgresql://%1@%2:%3/%4")
                         .arg(location.user, location.host)
                         .arg(location.port)
                         .arg(location.databaseName);
    }

private:
    PostgresProcess m_postgres;
    QString m_postgresError;
    QTemporaryDir m_dir;
    int m_files = 0;
};

/// Declares `location`: a fresh store of the row's backend, or fails the row.
#define FRESH_STORE(fixture, location)                                                             \
    QFETCH(QString, backend);                                                                      \
    StoreLocation location;                                                                        \
    {                                                                                              \
        QString freshError;                                                                        \
        QVERIFY2((fixture).fresh(backend, &location, &freshError), qPrintable(freshError));        \
    }
