// No key or token in anything the command line leaves behind: standard output, standard error
// (including error messages that quote URLs), export files, and any file written under a
// private HOME and XDG directories. Runs the real binary's subcommands against the demo server.

#include "demo/demoserver.h"
#include "demo/headerrecorder.h"
#include "tests/support/testsupport.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
/// Distinctive values, so that a match can only be a leak.
const QString FakeKey = QStringLiteral("sk_5ec7e7f00dfeedbeef0badc0ffee1234");
const QString FakeToken = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.5ec7e7SigNaTuRe");
const QString FakeSignature = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90signature");

using Run = TestSupport::CliRun;
} // namespace

class TestSecrets final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<HeaderRecorder> m_recorder;

    Run run(const QStringList &arguments, const QString &home, const QStringList &extraEnvironment)
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        // Whatever the program decides to store (settings, caches, logs, crash notes) lands here.
        env.insert(QStringLiteral("HOME"), home);
        for (const char *dir :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
            env.insert(QString::fromLatin1(dir), home + u'/' + QString::fromLatin1(dir).toLower());
        for (const QString &kv : extraEnvironment)
            env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        return TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), arguments, env, home);
    }

    /// Every secret of this test in the forms a leak would take.
    QList<QByteArray> secrets() const
    {
        QList<QByteArray> all;
        for (const QString &s : {m_server->staffApiKey(), FakeKey, FakeToken, FakeSignature}) {
            all.append(s.toUtf8());
            all.append(QUrl::toPercentEncoding(s));
        }
        return all;
    }

    static QString expand(QString text, const QHash<QString, QString> &values)
    {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            text.replace(u'{' + it.key() + u'}', it.value());
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoOptions options;
        options.sessions = 400;
        options.seed = 21;
        m_server = std::make_unique<DemoServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_recorder = std::make_unique<HeaderRecorder>();
        QVERIFY(m_recorder->start());
    }

    void init() { m_server->faults().clear(); }

    void nothingWrittenContainsASecret_data()
    {
        QTest::addColumn<QStringList>(
            "arguments"); // {api}, {key}, {home}, {recorder}, ... expanded
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("fault"); // FaultInjector spec for the API, or empty
        QTest::addColumn<int>("exitCode");
        const QStringList conn{QStringLiteral("--base-url"), QStringLiteral("{api}"),
                               QStringLiteral("--api-key"), QStringLiteral("{key}")};
        const QStringList url{QStringLiteral("--base-url"), QStringLiteral("{api}")};
        QTest::newRow("report, key as option")
            << QStringList{QStringLiteral("report")} + conn << QStringList() << QString() << 0;
        QTest::newRow("report json, key from environment")
            << QStringList{QStringLiteral("report"), QStringLiteral("--format"),
                           QStringLiteral("json")} +
                   url
            << QStringList{QStringLiteral("SESSIONSCOPE_API_KEY={key}")} << QString() << 0;
        QTest::newRow("export jsonl file")
            << QStringList{QStringLiteral("export"), QStringLiteral("--output"),
                           QStringLiteral("{home}/all.jsonl")} +
                   conn
            << QStringList() << QString() << 0;
        QTest::newRow("export csv to stdout")
            << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                           QStringLiteral("csv")} +
                   conn
            << QStringList() << QString() << 0;
        QTest::newRow("sync into a database")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--database"),
                           QStringLiteral("{home}/sessions.sqlite")} +
                   conn
            << QStringList() << QString() << 0;
        QTest::newRow("compare") << QStringList{QStringLiteral("compare"),
                                                QStringLiteral("{slug1}"),
                                                QStringLiteral("{slug2}")} +
                                        conn
                                 << QStringList() << QString() << 0;
        QTest::newRow("wrong key")
            << QStringList{QStringLiteral("report"), QStringLiteral("--base-url"),
                           QStringLiteral("{api}"), QStringLiteral("--api-key"), FakeKey}
            << QStringList() << QString() << 3;
        QTest::newRow("wrong token")
            << QStringList{QStringLiteral("report"), QStringLiteral("--token"), FakeToken} + url
            << QStringList() << QString() << 3;
        QTest::newRow("wrong key from environment")
            << QStringList{QStringLiteral("export")} + url
            << QStringList{QStringLiteral("SESSIONSCOPE_API_KEY=") + FakeKey} << QString() << 3;
        QTest::newRow("server error quoting the URL")
            << QStringList{QStringLiteral("report")} + conn << QStringList()
            << QStringLiteral("/api/billing/usage/=status:500") << 4;
        QTest::newRow("html error page")
            << QStringList{QStringLiteral("export")} + conn << QStringList()
            << QStringLiteral("/api/billing/usage/=html-error:502") << 4;
        QTest::newRow("redirect to a signed URL elsewhere")
            << QStringList{QStringLiteral("report")} + conn << QStringList()
            << QStringLiteral(
                   "/api/billing/usage/=redirect:{recorder}/steal?api_key={key}&X-Amz-Signature=") +
                   FakeSignature
            << 4;
        QTest::newRow("key inside the base URL")
            << QStringList{QStringLiteral("report"), QStringLiteral("--base-url"),
                           QStringLiteral("{api-with-userinfo}"), QStringLiteral("--api-key"),
                           QStringLiteral("{key}")}
            << QStringList() << QStringLiteral("/api/billing/usage/=html-error:503") << 4;
        QTest::newRow("unreachable server")
            << QStringList{QStringLiteral("report"), QStringLiteral("--base-url"),
                           QStringLiteral("http://127.0.0.1:9/?k=") + FakeKey,
                           QStringLiteral("--api-key"), FakeKey}
            << QStringList() << QString() << 5;
        QTest::newRow("malformed reply")
            << QStringList{QStringLiteral("export")} + conn << QStringList()
            << QStringLiteral("/api/billing/usage/=malformed-json") << 4;
    }
    void nothingWrittenContainsASecret()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, environment);
        QFETCH(QString, fault);
        QFETCH(int, exitCode);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QUrl withUserInfo = m_server->apiBaseUrl();
        withUserInfo.setUserName(QStringLiteral("user"));
        withUserInfo.setPassword(FakeKey);
        QStringList slugs;
        for (const DemoCharacter &c : m_server->dataset().characters())
            slugs.append(c.slug);
        const QHash<QString, QString> values{
            {QStringLiteral("api"), m_server->apiBaseUrl().toString()},
            {QStringLiteral("api-with-userinfo"), withUserInfo.toString()},
            {QStringLiteral("recorder"), m_recorder->baseUrl().toString()},
            {QStringLiteral("key"), m_server->staffApiKey()},
            {QStringLiteral("home"), home.path()},
            {QStringLiteral("slug1"), slugs.value(0)},
            {QStringLiteral("slug2"), slugs.value(1)},
        };
        for (QString &a : arguments)
            a = expand(a, values);
        for (QString &e : environment)
            e = expand(e, values);
        if (!fault.isEmpty()) {
            QString error;
            QVERIFY2(m_server->faults().addSpec(expand(fault, values), &error), qPrintable(error));
        }

        const Run r = run(arguments, home.path(), environment);
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        if (exitCode != 0)
            QVERIFY(!r.err.isEmpty()); // something was said, just not the secret
        for (const QByteArray &secret : secrets()) {
            QVERIFY2(!r.out.contains(secret), "a secret on standard output");
            QVERIFY2(!r.err.contains(secret), r.err.constData());
        }
        int files = 0;
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &secret : secrets())
                QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
        }
        if (arguments.contains(QStringLiteral("--output")))
            QVERIFY(files >= 1);
        QCOMPARE(m_recorder->requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
