// `sessionscope export` writes the server's data: each JSON Lines record is the session object's
// own bytes from the server's page (unknown fields, the server's spelling of dates and numbers),
// the presigned recording URL without its signature unless asked, and CSV with a column for
// every unknown scalar field and every row as wide as the header. Against a demo server process
// whose pages the test reads itself.

#include "reports/csvspool.h"
#include "tests/support/csvrecords.h"
#include "tests/support/demoprocess.h"

#include <QBuffer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

#include <sys/stat.h>

namespace {
constexpr int Sessions = 450; // three pages of 200, the last one short

/// The objects of the `sessions.data` array of a usage page, each as its exact bytes. Written
/// for the test, independently of the client's decoder: brackets are counted outside strings.
QList<QByteArray> sessionObjects(const QByteArray &page)
{
    QList<QByteArray> objects;
    const qsizetype sessions = page.indexOf("\"sessions\"");
    const qsizetype data = page.indexOf("\"data\"", sessions);
    qsizetype i = page.indexOf('[', data) + 1;
    int depth = 0;
    bool inString = false;
    qsizetype start = -1;
    for (; i < page.size(); ++i) {
        const char c = page.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (depth++ == 0)
                start = i;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                break; // the end of the array
            if (--depth == 0)
                objects.append(page.mid(start, i + 1 - start));
        }
    }
    return objects;
}

using TestSupport::parseCsv;

QByteArray sessionIdOf(const QByteArray &object)
{
    return QJsonDocument::fromJson(object)
        .object()
        .value(QStringLiteral("session_id"))
        .toString()
        .toUtf8();
}

/// The object with the query of its top-level presigned URL cut: what the export must write
/// by default. The test may find it by searching; the demo writes that key once, at the top.
QByteArray withoutPresignedQuery(const QByteArray &object)
{
    const QByteArray key = "\"recording_presigned_url\":\"";
    const qsizetype value = object.indexOf(key);
    if (value < 0)
        return object;
    const qsizetype end = object.indexOf('"', value + key.size());
    const qsizetype query = object.indexOf('?', value + key.size());
    if (query < 0 || query > end)
        return object;
    return object.left(query) + object.mid(end);
}

/// The token after `"key":` in an object's bytes, as spelled.
QByteArray tokenAfter(const QByteArray &object, const QByteArray &key)
{
    const QByteArray prefix = '"' + key + "\":";
    const qsizetype at = object.indexOf(prefix);
    if (at < 0)
        return {};
    qsizetype end = at + prefix.size();
    while (end < object.size() && object.at(end) != ',' && object.at(end) != '}')
        ++end;
    return object.mid(at + prefix.size(), end - at - prefix.size());
}
} // namespace

class TestCliExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(QStringLiteral(DEMO_SERVER_BINARY),
                                {QStringLiteral("--sessions"), QString::number(Sessions),
                                 QStringLiteral("--seed"), QStringLiteral("6")},
                                &error),
                 qPrintable(error));
    }

    void jsonLinesAreTheServersBytes_data()
    {
        QTest::addColumn<bool>("keepPresigned");
        QTest::newRow("default: signatures cut") << false;
        QTest::newRow("--keep-presigned-urls") << true;
    }
    void jsonLinesAreTheServersBytes()
    {
        QFETCH(bool, keepPresigned);
        // Signatures are made per time bucket: a bucket may turn between the export and the
        // test's own reading, so each session may match the pages read before or after.
        const auto before = serverSessions();
        QStringList arguments{QStringLiteral("--format"), QStringLiteral("jsonl")};
        if (keepPresigned)
            arguments.append(QStringLiteral("--keep-presigned-urls"));
        const auto [exitCode, data, err] = runExport(arguments);
        QVERIFY2(exitCode == 0, err.constData());
        const auto after = serverSessions();
        QCOMPARE(before.size(), Sessions);

        const QList<QByteArray> lines = data.split('\n');
        QCOMPARE(lines.size(), Sessions + 1);
        QVERIFY(lines.last().isEmpty()); // every record ends with a line break
        int withPresignedUrl = 0, wholeSeconds = 0;
        for (qsizetype i = 0; i < Sessions; ++i) {
            const QByteArray &line = lines.at(i);
            const QByteArray id = sessionIdOf(line);
            QVERIFY2(before.contains(id), line.left(200).constData());
            const auto expected = [&](const QByteArray &object) {
                return keepPresigned ? object : withoutPresignedQuery(object);
            };
            QVERIFY2(line == expected(before.value(id)) || line == expected(after.value(id)),
                     line.left(300).constData());
            // What the client does not know, and the server's own spelling, are kept.
            QVERIFY(line.contains("\"sentiment_score\":"));
            // "2026-05-28T14:23:54.000Z": milliseconds as sent, also when they are zero.
            const QByteArray created = tokenAfter(line, "created_at");
            QCOMPARE(created.size(), qsizetype(26));
            wholeSeconds += created.endsWith(".000Z\"");
            QVERIFY(!line.contains('\n'));
            QCOMPARE(tokenAfter(line, "recording_url"),
                     tokenAfter(before.value(id), "recording_url"));
            const QByteArray presigned = tokenAfter(line, "recording_presigned_url");
            if (presigned != "null") {
                ++withPresignedUrl;
                QVERIFY(presigned.startsWith("\"http"));
                QCOMPARE(presigned.contains("X-Amz-Signature="), keepPresigned);
                QCOMPARE(presigned.contains('?'), keepPresigned);
            }
        }
        QVERIFY(withPresignedUrl > Sessions / 2);
        QVERIFY(wholeSeconds > Sessions / 2); // the demo's finished sessions start on a second
    }

    void csvHasEveryColumnAndTheServersValues()
    {
        const auto sessions = serverSessions();
        const auto [exitCode, data, err] =
            runExport({QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(exitCode == 0, err.constData());
        const QList<QList<QByteArray>> records = parseCsv(data);
        QCOMPARE(records.size(), Sessions + 1);
        const QList<QByteArray> header = records.first();
        QCOMPARE(header.value(0), QByteArray("id"));
        QCOMPARE(header.value(25), QByteArray("transcript_text"));
        const qsizetype score = header.indexOf("sentiment_score");
        const qsizetype region = header.indexOf("x_region");
        QVERIFY2(score >= 26 && region >= 26, header.join(',').constData());
        QVERIFY(!header.contains("x_experimental")); // an object: in JSON Lines only
        const auto column = [&](const char *name) {
            return header.indexOf(name);
        };

        bool regionMissingBeforeSeen = false, regionSeen = false;
        for (qsizetype r = 1; r < records.size(); ++r) {
            const QList<QByteArray> &row = records.at(r);
            QCOMPARE(row.size(), header.size()); // rectangular
            const QByteArray object = sessions.value(row.at(column("session_id")));
            QVERIFY(!object.isEmpty());
            QCOMPARE(row.at(score), tokenAfter(object, "sentiment_score"));
            QCOMPARE('"' + row.at(column("created_at")) + '"', tokenAfter(object, "created_at"));
            QCOMPARE(row.at(column("created_at")).size(), qsizetype(24)); // with milliseconds
            QCOMPARE('"' + row.at(column("estimated_cost_usd")) + '"',
                     tokenAfter(object, "estimated_cost_usd"));
            QCOMPARE(row.at(column("session_duration_seconds")),
                     tokenAfter(object, "session_duration_seconds"));
            QVERIFY(!row.at(column("recording_presigned_url")).contains('?'));
            if (row.at(region).isEmpty())
                regionMissingBeforeSeen |= !regionSeen;
            else
                regionSeen = true;
        }
        // x_region first appears after the first rows: those were written before the column
        // was known and padded at the end.
        QVERIFY(regionMissingBeforeSeen && regionSeen);
    }

    /// Rows written before a column first appears get it as an empty trailing cell.
    void spoolPadsEarlierRows()
    {
        CsvSpool spool;
        QVERIFY(spool.open());
        QVERIFY(spool.append("a,b\r\nc,d,e\r\n", {{5, 2}, {7, 3}}));
        QVERIFY(spool.append("\"x,y\",z\r\n", {{9, 2}}));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(spool.writeTo(out, "h1,h2,h3", 3));
        QCOMPARE(out.data(), QByteArray("h1,h2,h3\r\na,b,\r\nc,d,e\r\n\"x,y\",z,\r\n"));
    }

    /// Rows that need no padding are copied out in runs, a few megabytes of the spool at a
    /// time: a run longer than that, and a padded row between two runs, come out whole.
    void spoolCopiesLongRunsWhole()
    {
        CsvSpool spool;
        QVERIFY(spool.open());
        QByteArray expected = "h1,h2\r\n";
        const auto page = [&](int first, int rows, int columns) {
            QByteArray bytes;
            std::vector<CsvSpool::Row> sizes;
            for (int i = first; i < first + rows; ++i) {
                const QByteArray row = QByteArray::number(i) + (columns == 2 ? ",cell " : "") +
                                       QByteArray(100, char('a' + i % 26)) + "\r\n";
                sizes.push_back({row.size(), columns});
                bytes += row;
                expected += columns == 2 ? row : row.chopped(2) + ",\r\n";
            }
            return spool.append(bytes, sizes);
        };
        // Some 12 MB of whole rows in pages, one short row, then more whole rows.
        for (int first = 0; first < 100'000; first += 1000)
            QVERIFY(page(first, 1000, 2));
        QVERIFY(page(100'000, 1, 1));
        QVERIFY(page(100'001, 500, 2));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(spool.writeTo(out, "h1,h2", 2));
        QCOMPARE(out.data().size(), expected.size());
        QVERIFY(out.data() == expected);
    }

    void unwritableOutputIsALocalFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-such-folder/export.jsonl"));
        QProcess cli;
        startCli(cli, {QStringLiteral("--output"), path});
        QVERIFY(cli.waitForFinished(240000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 6);
        QVERIFY2(err.contains("cannot write") && err.contains(path.toUtf8()), err.constData());
        QVERIFY(cli.readAllStandardOutput().isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void aFullDiskIsALocalFailure()
    {
        // Standard output on a device that refuses every byte: the export must not say it
        // exported anything.
        QProcess cli;
        cli.setStandardOutputFile(QStringLiteral("/dev/full"));
        startCli(cli, {QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY(cli.waitForFinished(240000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitCode(), 6);
        QVERIFY2(err.contains("cannot write") || err.contains("No space"), err.constData());
    }

    void aDeviceOrAPipeIsWrittenInPlace()
    {
        // --output /dev/stdout (a pipe here) gets what standard output gets, through the pipe.
        QProcess piped;
        startCli(piped, {QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--output"), QStringLiteral("/dev/stdout")});
        QProcess plain;
        startCli(plain, {QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(piped.waitForFinished(240000) && plain.waitForFinished(240000));
        QCOMPARE(piped.exitCode(), 0);
        QCOMPARE(plain.exitCode(), 0);
        const QByteArray viaPath = piped.readAllStandardOutput();
        QVERIFY2(viaPath.size() > Sessions * 100, viaPath.left(300).constData());
        const QByteArray viaStandardOutput = plain.readAllStandardOutput();
        QCOMPARE(viaPath, viaStandardOutput);
        // "-" is standard output, as for most tools; no file of that name is made.
        QTemporaryDir here;
        QProcess dash;
        dash.setWorkingDirectory(here.path());
        startCli(dash, {QStringLiteral("--format"), QStringLiteral("csv"),
                        QStringLiteral("--output"), QStringLiteral("-")});
        QVERIFY(dash.waitForFinished(240000));
        QCOMPARE(dash.exitCode(), 0);
        QCOMPARE(dash.readAllStandardOutput(), viaStandardOutput);
        QVERIFY(QDir(here.path()).isEmpty());
        // An empty name (an unset variable in a script) is a usage error, not standard output.
        QProcess empty;
        startCli(empty, {QStringLiteral("--output"), QString()});
        QVERIFY(empty.waitForFinished(240000));
        QCOMPARE(empty.exitCode(), 2);
        QVERIFY(empty.readAllStandardOutput().isEmpty());
        QVERIFY(empty.readAllStandardError().contains("--output needs a file name"));
        // A device is written to, never replaced by a file renamed over it (which a file written
        // whole would do where the device's folder is writable): /dev/full refuses every byte,
        // so the export fails, and /dev/full is still the device.
        struct stat before
        {};
        QVERIFY(::stat("/dev/full", &before) == 0 && S_ISCHR(before.st_mode));
        QProcess full;
        startCli(full, {QStringLiteral("--output"), QStringLiteral("/dev/full")});
        QVERIFY(full.waitForFinished(240000));
        const QByteArray err = full.readAllStandardError();
        QCOMPARE(full.exitCode(), 6);
        QVERIFY2(err.contains("/dev/full") && !err.contains("Exported"), err.constData());
        struct stat after
        {};
        QVERIFY(::stat("/dev/full", &after) == 0 && S_ISCHR(after.st_mode));
        QCOMPARE(after.st_rdev, before.st_rdev);
    }

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray data;
        QByteArray err;
    };

    void startCli(QProcess &cli, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SESSIONSCOPE_API_KEY"), m_server.staffKey());
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(SESSIONSCOPE_BINARY),
                  QStringList{QStringLiteral("export"), QStringLiteral("--base-url"),
                              m_server.apiUrl().toString()} +
                      arguments);
    }

    /// The export written to a file; the server is another process, so blocking starves nobody.
    Run runExport(const QStringList &arguments)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export"));
        QProcess cli;
        startCli(cli, arguments + QStringList{QStringLiteral("--output"), path});
        Run run;
        if (!cli.waitForFinished(240000))
            return run;
        run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
        run.err = cli.readAllStandardError();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            run.data = file.readAll();
        return run;
    }

    /// Every session object of the server's pages, by session_id, as the server's bytes.
    QHash<QByteArray, QByteArray> serverSessions()
    {
        QHash<QByteArray, QByteArray> sessions;
        QNetworkAccessManager network;
        for (int page = 1;; ++page) {
            QUrl url = m_server.apiUrl();
            url.setPath(QStringLiteral("/api/billing/usage/"));
            url.setQuery(QStringLiteral("page=%1&page_size=200").arg(page));
            QNetworkRequest request(url);
            request.setRawHeader("X-API-Key", m_server.staffKey().toUtf8());
            QNetworkReply *reply = network.get(request);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(60000))
                qFatal("page %d did not arrive", page);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            if (status == 404)
                break;
            if (status != 200)
                qFatal("page %d answered %d", page, status);
            for (const QByteArray &object : sessionObjects(body))
                sessions.insert(sessionIdOf(object), object);
        }
        return sessions;
    }

    DemoProcess m_server;
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
