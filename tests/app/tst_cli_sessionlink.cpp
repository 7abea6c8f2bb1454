#include "app/cli/cli.h"
#include "reports/sessionlink.h"
#include "tests/support/testsupport.h"

#include <QTest>

// Session links (sessionscope://session/ID?server=URL) as the desktop hands them to the program:
// what they open, what they are refused for, and that a link's server never receives the
// credential of the environment.
class TestSessionLink : public QObject
{
    Q_OBJECT

private:
    static bool parseWindow(const QStringList &arguments, LaunchOptions &options, QString *error)
    {
        return Cli::parseGuiOptions(QStringList{QStringLiteral("sessionscope")} + arguments,
                                    options, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The environment's credentials are what a link must not hand to its server.
        qputenv("SESSIONSCOPE_API_KEY", "sk_from_the_environment");
        qputenv("SESSIONSCOPE_TOKEN", "jwt.from.environment");
    }

    void validLinks_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("sessionId");
        QTest::addColumn<QUrl>("server");
        QTest::newRow("id and server")
            << QStringLiteral("sessionscope://session/sess_a1b2c3?server=https://api.example.com")
            << QStringLiteral("sess_a1b2c3") << QUrl(QStringLiteral("https://api.example.com"));
        QTest::newRow("server with a path and a port")
            << QStringLiteral("sessionscope://session/s1?server=http://127.0.0.1:8000/api")
            << QStringLiteral("s1") << QUrl(QStringLiteral("http://127.0.0.1:8000/api"));
        QTest::newRow("server percent-encoded")
            << QStringLiteral("sessionscope://session/s1?server=https%3A%2F%2Fapi.example.com%2Fv1")
            << QStringLiteral("s1") << QUrl(QStringLiteral("https://api.example.com/v1"));
        QTest::newRow("no server")
            << QStringLiteral("sessionscope://session/s1") << QStringLiteral("s1") << QUrl();
        // Ids may hold spaces, '+' and '/': they arrive percent-encoded, '+' as itself.
        QTest::newRow("odd id") << QStringLiteral("sessionscope://session/sess_odd%20id+7%2Fx")
                                << QStringLiteral("sess_odd id+7/x") << QUrl();
        QTest::newRow("scheme in capitals")
            << QStringLiteral("SessionScope://session/s1") << QStringLiteral("s1") << QUrl();
    }
    void validLinks()
    {
        QFETCH(QString, link);
        QFETCH(QString, sessionId);
        QFETCH(QUrl, server);
        QVERIFY(SessionLinks::isLink(link));
        QString error;
        const auto parsed = SessionLinks::parse(link, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->sessionId, sessionId);
        QCOMPARE(parsed->server, server);

        // The window's options: as --session ID --base-url URL.
        LaunchOptions options;
        QVERIFY2(parseWindow({link}, options, &error), qPrintable(error));
        QCOMPARE(options.sessionId, sessionId);
        QCOMPARE(options.baseUrl, server);
        if (server.isEmpty()) {
            // The server the user set up keeps the environment's credential.
            QCOMPARE(options.apiKey, QStringLiteral("sk_from_the_environment"));
            QCOMPARE(options.token, QStringLiteral("jwt.from.environment"));
        } else {
            // A server named by someone else's link gets none of it.
            QVERIFY(options.apiKey.isEmpty());
            QVERIFY(options.token.isEmpty());
        }
    }

    void badLinks_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("message");
        QTest::newRow("no id") << QStringLiteral("sessionscope://session/")
                               << QStringLiteral("names no session");
        QTest::newRow("two segments")
            << QStringLiteral("sessionscope://session/a/b") << QStringLiteral("not one session id");
        QTest::newRow("other host") << QStringLiteral("sessionscope://character/support-bot")
                                    << QStringLiteral("is not a session link");
        QTest::newRow("no host") << QStringLiteral("sessionscope:s1")
                                 << QStringLiteral("is not a session link");
        QTest::newRow("control character")
            << QStringLiteral("sessionscope://session/a%0Ab") << QStringLiteral("names no session");
        QTest::newRow("unknown parameter")
            << QStringLiteral("sessionscope://session/s1?api_key=sk_x")
            << QStringLiteral("parameter \"api_key\"");
        QTest::newRow("credential in the server")
            << QStringLiteral("sessionscope://session/s1?server=https://user:pw@api.example.com")
            << QStringLiteral("without a user name");
        QTest::newRow("query in the server")
            << QStringLiteral(
                   "sessionscope://session/s1?server=https://api.example.com/%3Fkey%3Dsk_x")
            << QStringLiteral("without a user name, password, query");
        QTest::newRow("file server") << QStringLiteral("sessionscope://session/s1?server=file:///x")
                                     << QStringLiteral("not an http or https URL");
        QTest::newRow("two servers")
            << QStringLiteral("sessionscope://session/s1?server=https://a.example&server=https://"
                              "b.example")
            << QStringLiteral("more than one server");
        QTest::newRow("fragment") << QStringLiteral("sessionscope://session/s1#x")
                                  << QStringLiteral("no fragment");
        QTest::newRow("id too long")
            << QStringLiteral("sessionscope://session/") + QString(300, u'a')
            << QStringLiteral("names no session");
    }
    void badLinks()
    {
        QFETCH(QString, link);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!SessionLinks::parse(link, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        LaunchOptions options;
        QString windowError;
        QVERIFY(!parseWindow({link}, options, &windowError));
        QCOMPARE(windowError, error);
    }

    void linkAndOptionsThatDisagree_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString link = QStringLiteral("sessionscope://session/s1?server=https://a.example");
        QTest::newRow("--session too")
            << QStringList{link, QStringLiteral("--session"), QStringLiteral("s2")}
            << QStringLiteral("not both");
        QTest::newRow("--base-url too")
            << QStringList{QStringLiteral("--base-url"), QStringLiteral("https://b.example"), link}
            << QStringLiteral("without --base-url");
        QTest::newRow("--demo too") << QStringList{QStringLiteral("--demo"), link}
                                    << QStringLiteral("without --base-url or --demo");
        QTest::newRow("two links") << QStringList{link, link} << QStringLiteral("Unknown command");
        QTest::newRow("not a link") << QStringList{QStringLiteral("https://a.example")}
                                    << QStringLiteral("Unknown command");
    }
    void linkAndOptionsThatDisagree()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        LaunchOptions options;
        QString error;
        QVERIFY(!parseWindow(arguments, options, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void keyGivenWithTheLinkIsKept()
    {
        // Typed by the user beside the link: theirs to send.
        LaunchOptions options;
        QString error;
        QVERIFY2(parseWindow({QStringLiteral("--api-key"), QStringLiteral("sk_typed"),
                              QStringLiteral("sessionscope://session/s1?server=https://a.example")},
                             options, &error),
                 qPrintable(error));
        QCOMPARE(options.apiKey, QStringLiteral("sk_typed"));
        QVERIFY(options.token.isEmpty());
    }

    void linkWithoutServerOpensOnTheDemo()
    {
        // A link without a server opens the session wherever the window connects, the demo too.
        LaunchOptions options;
        QString error;
        QVERIFY2(
            parseWindow({QStringLiteral("--demo"), QStringLiteral("sessionscope://session/s9")},
                        options, &error),
            qPrintable(error));
        QVERIFY(options.demo);
        QCOMPARE(options.sessionId, QStringLiteral("s9"));
    }

    void programTakesTheLinkAsItsArgument()
    {
        // Not refused as an unknown command: without a display it says what is missing...
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const auto headless = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            {QStringLiteral("sessionscope://session/s1?server=https://a.example")}, env);
        QCOMPARE(headless.exitCode, 2);
        QVERIFY2(headless.err.contains("no display"), headless.err.constData());
        // ...and with one, a bad link is refused before any window opens.
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const auto bad = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            {QStringLiteral("sessionscope://session/s1?server=https://u:p@a.example")}, env);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("without a user name"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSessionLink)
#include "tst_cli_sessionlink.moc"
