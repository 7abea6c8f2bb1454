// The standalone sessionscope-demo-server: its `key: value` start-up lines, --fault, and a
// clean exit on SIGTERM.

#include "tests/demo/demotestclient.h"

#include <QProcess>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestDemoServerProgram final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsItsAddressesAndServes()
    {
        QProcess process;
        process.start(QStringLiteral(DEMO_SERVER_PATH),
                      {u"--sessions"_s, u"300"_s, u"--seed"_s, u"3"_s, u"--now"_s,
                       u"2026-05-28T12:00:00Z"_s, u"--expiry"_s, u"120"_s, u"--fault"_s,
                       u"page=2=status:503@1"_s});
        QVERIFY(process.waitForStarted(30000));
        QMap<QString, QString> values;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (process.canReadLine()) {
                    const QString line = QString::fromUtf8(process.readLine()).trimmed();
                    const qsizetype colon = line.indexOf(u": "_s);
                    if (colon > 0)
                        values.insert(line.left(colon), line.mid(colon + 2));
                }
                return values.contains(u"startup-ms"_s);
            }(),
            30000);
        for (const char *key : {"api-url", "recording-url", "staff-key", "owner-key", "staff-email",
                                "owner-email", "password"})
            QVERIFY2(!values.value(QString::fromLatin1(key)).isEmpty(), key);
        QVERIFY(values.value(u"staff-key"_s).startsWith(u"sk_"_s));
        QCOMPARE(values.value(u"sessions"_s), u"300"_s);

        DemoTestClient client;
        const QUrl api(values.value(u"api-url"_s));
        const QList<std::pair<QByteArray, QByteArray>> key{
            {"X-API-Key", values.value(u"staff-key"_s).toLatin1()}};
        const DemoReply first = client.get(usageUrl(api), key);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.data().value(u"total_sessions"_s).toInt(), 300);
        QCOMPARE(client.get(usageUrl(api, {{u"page"_s, u"2"_s}}), key).status, 503);
        QCOMPARE(client.get(usageUrl(api, {{u"page"_s, u"2"_s}}), key).status, 200);

        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void rejectsABadFault()
    {
        QProcess process;
        process.start(QStringLiteral(DEMO_SERVER_PATH), {u"--fault"_s, u"usage=explode"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("invalid --fault"));
    }
};

QTEST_GUILESS_MAIN(TestDemoServerProgram)
#include "tst_demoserverprogram.moc"
