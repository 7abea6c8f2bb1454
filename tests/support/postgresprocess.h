#pragma once

// A private PostgreSQL server for the store's tests: initdb in a temporary folder, a free
// loopback port, trust authentication, and pg_ctl stop in the destructor, so that the test
// command alone starts and stops it. PostgreSQL refuses to run as root: as root, the server's
// programs run as the `postgres` user (runuser), in a folder that user owns.

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

class PostgresProcess
{
public:
    PostgresProcess() = default;
    ~PostgresProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(PostgresProcess)

    /// False with the reason (which program failed, and what it said).
    bool start(QString *error)
    {
        const QString bin = binaryFolder();
        if (bin.isEmpty()) {
            *error = QStringLiteral("no PostgreSQL server programs under /usr/lib/postgresql "
                                    "(install postgresql-15)");
            return false;
        }
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (::geteuid() == 0) {
            const passwd *user = ::getpwnam("postgres");
            if (!user || ::chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid,
                                 user->pw_gid) != 0) {
                *error = QStringLiteral("running as root, and there is no postgres user to run "
                                        "the server as");
                return false;
            }
        }
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                *error = QStringLiteral("no free port");
                return false;
            }
            m_port = probe.serverPort();
        }
        m_data = m_dir.filePath(QStringLiteral("data"));
        if (!run(bin + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"),
                  QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                  QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
                 error))
            return false;
        m_pgCtl = bin + QStringLiteral("/pg_ctl");
        // fsync off: the tests kill clients, never this server, and it saves seconds.
        const QString options = QStringLiteral("-k %1 -p %2 -c listen_addresses=127.0.0.1 "
                                               "-c fsync=off -c max_connections=50")
                                    .arg(m_dir.path())
                                    .arg(m_port);
        if (!run(m_pgCtl,
                 {QStringLiteral("-D"), m_data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                  m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                  QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("start")},
                 error)) {
            QFile log(m_dir.filePath(QStringLiteral("server.log")));
            if (log.open(QIODevice::ReadOnly))
                *error += QString::fromLocal8Bit(log.readAll().right(2000));
            return false;
        }
        m_running = true;
        return true;
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        QString ignored;
        run(m_pgCtl,
            {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            &ignored);
    }

    [[nodiscard]] quint16 port() const { return m_port; }

    /// A new empty database; its URL for --database, or empty with `error` set.
    QString createDatabase(QString *error)
    {
        const QString name =
            QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        const QString connection = QStringLiteral("pgadmin-") + name;
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("postgres"));
            db.setDatabaseName(QStringLiteral("postgres"));
            QSqlQuery query(db);
            ok = db.open() && query.exec(QStringLiteral("CREATE DATABASE ") + name);
            if (!ok)
                *error = db.lastError().text() + query.lastError().text();
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        return ok ? QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name)
                  : QString();
    }

private:
    static QString binaryFolder()
    {
        const QDir root(QStringLiteral("/usr/lib/postgresql"));
        const QStringList versions =
            root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &v : versions) {
            if (QFile::exists(root.filePath(v + QStringLiteral("/bin/initdb"))))
                return root.filePath(v + QStringLiteral("/bin"));
        }
        return {};
    }

    bool run(const QString &program, QStringList arguments, QString *error)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir.path());
        if (::geteuid() == 0) {
            arguments.prepend(program);
            arguments.prepend(QStringLiteral("--"));
            arguments.prepend(QStringLiteral("postgres"));
            arguments.prepend(QStringLiteral("-u"));
            process.start(QStringLiteral("runuser"), arguments);
        } else {
            process.start(program, arguments);
        }
        if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            *error = QStringLiteral("%1 failed: %2")
                         .arg(program, QString::fromLocal8Bit(process.readAll()));
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_pgCtl;
    quint16 m_port = 0;
    bool m_running = false;
};
