// `sessionscope export` against a demo server process started with a fault, in both formats and
// to a file or standard output: the export holds every session once, or the command fails
// without leaving a file that looks complete. tst_cli_wholeset runs every fault kind.

#include "tests/support/csvrecords.h"
#include "tests/support/demoprocess.h"
#include "tests/support/testcertificate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int Sessions = 700; // four pages of 200

using TestSupport::parseCsv;
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
        QTest::addColumn<int>("distinct");           // sessions exported
        QTest::newRow("no fault") << QString() << QStringLiteral("jsonl") << true << 0
                                  << QStringLiteral("Exported 700") << Sessions;
        // Rows pushed out by repeats are asked for again; when the repeats never stop, the
        // export fails and says how many sessions are missing.
        QTest::newRow("page 3 repeats page 2 once, jsonl file")
            << QStringLiteral("page=3&=repeat-rows@1") << QStringLiteral("jsonl") << true << 0
            << QStringLiteral("recovery pass 1 of 2") << Sessions;
        QTest::newRow("page 3 repeats page 2 once, csv stdout")
            << QStringLiteral("page=3&=repeat-rows@1") << QStringLiteral("csv") << false << 0
            << QStringLiteral("recovery pass 1 of 2") << Sessions;
        QTest::newRow("page 3 repeats page 2, jsonl file")
            << QStringLiteral("page=3&=repeat-rows") << QStringLiteral("jsonl") << true << 4
            << QStringLiteral("200 of the 700 sessions the server counts are missing") << 0;
        QTest::newRow("every page repeats, jsonl file")
            << QStringLiteral("/api/billing/usage/=repeat-rows") << QStringLiteral("jsonl") << true
            << 4 << QStringLiteral("missing") << 0;
        QTest::newRow("page 3 answers 404, jsonl file")
            << QStringLiteral("page=3&=status:404") << QStringLiteral("jsonl") << true << 4
            << QStringLiteral("page 3 answered 404") << 0;
        QTest::newRow("page 3 answers 404 twice, csv file")
            << QStringLiteral("page=3&=status:404@2") << QStringLiteral("csv") << true << 0
            << QStringLiteral("Exported 700") << Sessions;
        // The totals are right and so are the rows: the export is whole, and the note says
        // what the page count claimed.
        QTest::newRow("count too high")
            << QStringLiteral("page=1&=wrong-count") << QStringLiteral("jsonl") << true << 0
            << QStringLiteral("note: The server's page count said 1407") << Sessions;
        QTest::newRow("count too low")
            << QStringLiteral("page=1&=wrong-count:300") << QStringLiteral("jsonl") << true << 0
            << QStringLiteral("note: The server's page count said 300") << Sessions;
        QTest::newRow("503 twice")
            << QStringLiteral("page=2&=status:503@2") << QStringLiteral("jsonl") << true << 0
            << QStringLiteral("Exported 700") << Sessions;
        QTest::newRow("foreign next")
            << QStringLiteral("/api/billing/usage/=foreign-next:http://127.0.0.1:9/x")
            << QStringLiteral("csv") << true << 0 << QStringLiteral("Exported 700") << Sessions;
        QTest::newRow("wrong shape on page 2")
            << QStringLiteral("page=2&=wrong-shape") << QStringLiteral("jsonl") << true << 4
            << QStringLiteral("expected an integer") << 0;
        QTest::newRow("wrong shape on page 2 once")
            << QStringLiteral("page=2&=wrong-shape@1") << QStringLiteral("jsonl") << true << 0
            << QStringLiteral("Exported 700") << Sessions;
        QTest::newRow("50 MB page")
            << QStringLiteral("page=2&=huge-page:50") << QStringLiteral("csv") << true << 4
            << QStringLiteral("larger than") << 0;
        QTest::newRow("connection reset every time")
            << QStringLiteral("page=3&=reset") << QStringLiteral("jsonl") << true << 5
            << QStringLiteral("attempts") << 0;
    }
    void exportUnderFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, format);
        QFETCH(bool, toFile);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrMentions);
        QFETCH(int, distinct);
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
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == exitCode,
                 err.constData());
        if (stderrMentions.isEmpty())
            QVERIFY2(err.isEmpty(), err.constData());
        else
            QVERIFY2(err.contains(stderrMentions.toUtf8()), err.constData());

        if (exitCode != 0) {
            // A failed export leaves no file that could pass for a whole one.
            QVERIFY(!QFile::exists(path));
            return;
        }
        if (stderrMentions.contains(QStringLiteral("recovery")) && toFile)
            QVERIFY2(err.contains("Exported 700"), err.constData());
        QByteArray data = out;
        if (toFile) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            data = file.readAll();
            QVERIFY(out.isEmpty());
        }
        QList<QByteArray> ids;
        if (format == u"csv") {
            QList<QList<QByteArray>> records = parseCsv(data);
            QVERIFY(!records.isEmpty());
            QCOMPARE(records.first().value(1), QByteArray("session_id"));
            const qsizetype columns = records.first().size();
            records.removeFirst();
            for (const QList<QByteArray> &r : std::as_const(records)) {
                QCOMPARE(r.size(), columns);
                ids.append(r.value(1));
            }
        } else {
            for (const QByteArray &line : data.split('\n')) {
                if (line.isEmpty())
                    continue;
                QJsonParseError parseError;
                const QJsonObject o = QJsonDocument::fromJson(line, &parseError).object();
                QVERIFY2(parseError.error == QJsonParseError::NoError, line.left(200).constData());
                ids.append(o.value(QStringLiteral("session_id")).toString().toUtf8());
            }
        }
        QSet<QByteArray> seen;
        for (const QByteArray &id : std::as_const(ids)) {
            QVERIFY2(id.startsWith("sess_"), id.constData());
            QVERIFY2(!seen.contains(id), id.constData()); // no session twice
            seen.insert(id);
        }
        // Every session of the set, once.
        QCOMPARE(int(seen.size()), distinct);
        QCOMPARE(int(ids.size()), distinct);
    }

    /// The demo server over HTTPS with a self-signed certificate: the command line refuses it
    /// and names the certificate's fingerprint, so that a person can check it.
    void untrustedCertificateIsRefusedWithItsFingerprint()
    {
        const TestCertificate certificate = TestCertificate::generate();
        QVERIFY2(certificate.isValid(), qPrintable(certificate.error));
        QTemporaryDir dir;
        const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
        const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
        for (const auto &[path, pem] : {std::pair{certPath, certificate.certificate.toPem()},
                                        std::pair{keyPath, certificate.key.toPem()}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(pem);
        }
        DemoProcess server;
        QString error;
        QVERIFY2(server.start(QStringLiteral(DEMO_SERVER_BINARY),
                              {QStringLiteral("--sessions"), QStringLiteral("50"),
                               QStringLiteral("--tls-cert"), certPath, QStringLiteral("--tls-key"),
                               keyPath},
                              &error),
                 qPrintable(error));
        QCOMPARE(server.apiUrl().scheme(), QStringLiteral("https"));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), server.staffKey());
        cli.setProcessEnvironment(env);
        cli.start(
            QStringLiteral(SESSIONSCOPE_BINARY),
            {QStringLiteral("report"), QStringLiteral("--base-url"), server.apiUrl().toString()});
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 5);
        QVERIFY2(err.contains(certificate.sha256Hex().toLatin1()), err.constData());
        QVERIFY2(err.contains("not trusted"), err.constData());
        QVERIFY(!err.contains(server.staffKey().toUtf8()));
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
