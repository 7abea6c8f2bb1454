// `sessionscope export` against a demo server process started with a fault: the export holds
// every session once (or fails without leaving a file that looks complete), and anything odd
// about the server's figures is said on standard error.

#include "demoprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int Sessions = 700; // four pages of 200
} // namespace

class TestCliFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportUnderFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("toFile");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrMentions"); // empty: standard error says nothing
        QTest::newRow("no fault") << QString() << QStringLiteral("jsonl") << true << 0 << QStringLiteral("Exported 700");
        QTest::newRow("page 3 repeats page 2, jsonl file")
            << QStringLiteral("page=3&=repeat-rows") << QStringLiteral("jsonl") << true << 0 << QStringLiteral("warning");
        QTest::newRow("page 3 repeats page 2, csv stdout")
            << QStringLiteral("page=3&=repeat-rows") << QStringLiteral("csv") << false << 0 << QStringLiteral("warning");
        QTest::newRow("every page repeats, jsonl stdout")
            << QStringLiteral("/api/billing/usage/=repeat-rows") << QStringLiteral("jsonl") << false << 0
            << QStringLiteral("warning");
        QTest::newRow("count too high") << QStringLiteral("page=1&=wrong-count") << QStringLiteral("jsonl") << true << 0
                                        << QStringLiteral("warning");
        QTest::newRow("503 twice") << QStringLiteral("page=2&=status:503@2") << QStringLiteral("jsonl") << true << 0
                                   << QStringLiteral("Exported 700");
        QTest::newRow("foreign next") << QStringLiteral("/api/billing/usage/=foreign-next:http://127.0.0.1:9/x")
                                      << QStringLiteral("csv") << true << 0 << QStringLiteral("Exported 700");
        QTest::newRow("wrong shape on page 2") << QStringLiteral("page=2&=wrong-shape") << QStringLiteral("jsonl")
                                               << true << 4 << QStringLiteral("sessions.data[");
        QTest::newRow("50 MB page") << QStringLiteral("page=2&=huge-page:50") << QStringLiteral("csv") << true << 4
                                    << QStringLiteral("larger than");
        QTest::newRow("connection reset every time") << QStringLiteral("page=3&=reset") << QStringLiteral("jsonl")
                                                     << true << 5 << QStringLiteral("attempts");
    }
    void exportUnderFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, format);
        QFETCH(bool, toFile);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrMentions);
        DemoProcess server;
        QStringList serverArguments{QStringLiteral("--sessions"), QString::number(Sessions),
                                    QStringLiteral("--seed"), QStringLiteral("4")};
        if (!fault.isEmpty())
            serverArguments += {QStringLiteral("--fault"), fault};
        QString error;
        QVERIFY2(server.start(QStringLiteral(DEMO_SERVER_BINARY), serverArguments, &error),
                 qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.") + format);
        QStringList arguments{QStringLiteral("export"), QStringLiteral("--format"), format,
                              QStringLiteral("--base-url"), server.apiUrl().toString()};
        if (toFile)
            arguments += {QStringLiteral("--output"), path};
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), server.staffKey());
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(SESSIONSCOPE_BINARY), arguments);
        // The server is another process, so blocking here starves nobody.
        QVERIFY(cli.waitForFinished(240000));
        const QByteArray out = cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == exitCode, err.constData());
        if (stderrMentions.isEmpty())
            QVERIFY2(err.isEmpty(), err.constData());
        else
            QVERIFY2(err.contains(stderrMentions.toUtf8()), err.constData());

        if (exitCode != 0) {
            // A failed export leaves no file that could pass for a whole one.
            QVERIFY(!QFile::exists(path));
            return;
        }
        QByteArray data = out;
        if (toFile) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            data = file.readAll();
            QVERIFY(out.isEmpty());
        }
        QList<QByteArray> lines = data.split('\n');
        if (lines.last().isEmpty())
            lines.removeLast();
        if (format == u"csv") {
            QVERIFY(lines.first().startsWith("id,session_id,"));
            lines.removeFirst();
        }
        QSet<QByteArray> ids;
        for (const QByteArray &line : std::as_const(lines)) {
            QByteArray id;
            if (format == u"csv") {
                id = line.split(',').value(1);
            } else {
                QJsonParseError parseError;
                const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
                QVERIFY2(parseError.error == QJsonParseError::NoError, line.left(200).constData());
                id = o.value(QStringLiteral("session_id")).toString().toUtf8();
            }
            QVERIFY(id.startsWith("sess_"));
            QVERIFY2(!ids.contains(id), id.constData()); // no session twice
            ids.insert(id);
        }
        // Not one lost either: every session of the server, once.
        QCOMPARE(ids.size(), Sessions);
        QCOMPARE(lines.size(), Sessions);
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
