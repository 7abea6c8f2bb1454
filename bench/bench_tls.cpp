// A full fetch over a realistic network: the demo server over HTTPS (a certificate made for the
// run, trusted by the client through its SHA-256 fingerprint) with 20 ms of latency added to
// every usage request, read by the client (ApiClient + UsageCollector in this process, N pages
// in flight) against curl fetching the same page URLs with the same header over N parallel
// transfers (`curl --parallel --parallel-max N --cacert CERT`). curl decodes nothing: it is the
// floor that the transport and the server set.

#include "api/apiclient.h"
#include "bench/benchutil.h"
#include "bench/childrun.h"
#include "bench/fetchrun.h"
#include "bench/freshminute.h"
#include "tests/support/demoprocess.h"
#include "tests/support/testcertificate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTemporaryDir>

namespace {

struct Options
{
    int sessions = 20000;
    int latencyMs = 20;
    int runs = 5;
    QList<int> inFlight;
};

bool parse(const QCoreApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Full fetch over HTTPS against curl."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("sessions"), QStringLiteral("Set size."), QStringLiteral("N"),
         QStringLiteral("20000")},
        {QStringLiteral("latency"), QStringLiteral("Milliseconds added to every usage request."),
         QStringLiteral("MS"), QStringLiteral("20")},
        {QStringLiteral("runs"), QStringLiteral("Runs per figure (the median is shown)."),
         QStringLiteral("R"), QStringLiteral("5")},
        {QStringLiteral("in-flight"), QStringLiteral("Parallel requests, comma-separated."),
         QStringLiteral("N,..."), QStringLiteral("4,6")},
    });
    parser.process(app);
    options.sessions = parser.value(QStringLiteral("sessions")).toInt();
    options.latencyMs = parser.value(QStringLiteral("latency")).toInt();
    options.runs = parser.value(QStringLiteral("runs")).toInt();
    for (const QString &part :
         parser.value(QStringLiteral("in-flight")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (part.toInt() < 1)
            return false;
        options.inFlight.append(part.toInt());
    }
    return options.sessions >= 1 && options.latencyMs >= 0 && options.runs >= 1 &&
           !options.inFlight.isEmpty();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// What curl reported of one pass: every transfer a 200, the connections it opened, the HTTP
/// version it spoke.
struct CurlPass
{
    Bench::ChildRun run;
    int ok200 = 0;
    int connections = 0;
    QByteArray httpVersion;
};

CurlPass curlPass(const QList<QUrl> &urls, const QString &key, const QString &caFile, int parallel)
{
    QStringList args = {QStringLiteral("--silent"),
                        QStringLiteral("--show-error"),
                        QStringLiteral("--parallel"),
                        QStringLiteral("--parallel-max"),
                        QString::number(parallel),
                        QStringLiteral("--cacert"),
                        caFile,
                        QStringLiteral("--header"),
                        QStringLiteral("X-API-Key: ") + key,
                        QStringLiteral("--write-out"),
                        QStringLiteral("curl %{http_code} %{num_connects} %{http_version}\\n")};
    for (const QUrl &url : urls)
        args += {QStringLiteral("--output"), QStringLiteral("/dev/null"), url.toString()};
    CurlPass pass;
    pass.run = Bench::runChild(QStringLiteral("curl"), args);
    for (const QByteArray &line : pass.run.out.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() != 4 || f.at(0) != "curl")
            continue;
        pass.ok200 += f.at(1) == "200" ? 1 : 0;
        pass.connections += f.at(2).toInt();
        pass.httpVersion = f.at(3);
    }
    return pass;
}

/// Whether Qt spoke HTTP/2 to this server: one request with Qt's defaults (HTTP/2 allowed, offered
/// through ALPN over TLS), and what ALPN settled on.
QString qtProtocol(const QUrl &url, const QString &key, const QSslCertificate &certificate)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setRawHeader("X-API-Key", key.toUtf8());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(certificate);
    request.setSslConfiguration(tls);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    const QByteArray alpn = reply->sslConfiguration().nextNegotiatedProtocol();
    const QString result =
        reply->error() != QNetworkReply::NoError
            ? QStringLiteral("request failed: ") + reply->errorString()
            : QStringLiteral("%1 (ALPN: %2)")
                  .arg(http2 ? QStringLiteral("HTTP/2") : QStringLiteral("HTTP/1.1"),
                       alpn.isEmpty() ? QStringLiteral("none negotiated")
                                      : QString::fromLatin1(alpn));
    delete reply;
    return result;
}

/// Qt's network stack alone, as a diagnosis of what the client adds: the same URLs, `parallel`
/// requests at once on a fresh QNetworkAccessManager, each body read whole and dropped.
double rawQtFetch(const QList<QUrl> &urls, const QString &key, const QSslCertificate &certificate,
                  int parallel, bool http2Allowed, bool *ok)
{
    QNetworkAccessManager network;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(certificate);
    QEventLoop loop;
    qsizetype next = 0, done = 0;
    *ok = true;
    std::function<void()> startOne = [&] {
        QNetworkRequest request(urls.at(next++));
        request.setRawHeader("X-API-Key", key.toUtf8());
        request.setSslConfiguration(tls);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, http2Allowed);
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            *ok = *ok && reply->error() == QNetworkReply::NoError && !reply->readAll().isEmpty();
            reply->deleteLater();
            if (++done == urls.size())
                loop.quit();
            else if (next < urls.size())
                startOne();
        });
    };
    QElapsedTimer timer;
    timer.start();
    while (next < qMin<qsizetype>(parallel, urls.size()))
        startOne();
    loop.exec();
    return double(timer.nsecsElapsed()) / 1e6;
}

int run(QTextStream &out, const Options &options)
{
    QTemporaryDir dir;
    const TestCertificate certificate = TestCertificate::generate();
    const QString certFile = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    if (!certificate.isValid() || !writeFile(certFile, certificate.certificate.toPem()) ||
        !writeFile(keyFile, certificate.key.toPem())) {
        out << "no certificate: " << certificate.error << Qt::endl;
        return 1;
    }
    const QString fault =
        QStringLiteral("re:/api/billing/usage/=latency:%1").arg(options.latencyMs);
    DemoProcess server;
    QString error;
    if (!server.start(QStringLiteral(SESSIONSCOPE_DEMO_SERVER),
                      {QStringLiteral("--sessions"), QString::number(options.sessions),
                       QStringLiteral("--page-cache-mib"), QStringLiteral("1536"),
                       QStringLiteral("--tls-cert"), certFile, QStringLiteral("--tls-key"), keyFile,
                       QStringLiteral("--fault"), fault},
                      &error)) {
        out << "demo server did not start: " << error << Qt::endl;
        return 1;
    }
    const Bench::FetchTarget target{server.apiUrl(), server.staffKey(), {certificate.sha256Hex()}};
    const qint64 endMicros = QDateTime::currentMSecsSinceEpoch() * 1000;

    const Bench::FetchRun warm = Bench::fetchAll(target, endMicros, options.inFlight.first());
    if (!warm.ok) {
        out << "fetch failed: " << warm.error << Qt::endl;
        return 1;
    }
    // The same URLs the client asks for, built by the client.
    QNetworkAccessManager unused;
    ApiClient urlMaker(&unused);
    urlMaker.setBaseUrl(target.baseUrl);
    UsageQuery query;
    query.pageSize = UsageQuery::MaxPageSize;
    query.range.endMicros = endMicros;
    QList<QUrl> urls;
    for (int page = 1; page <= warm.pages; ++page)
        urls.append(urlMaker.endpoint(QStringLiteral("/api/billing/usage/"),
                                      query.atPage(page).toQueryString()));

    out << "\nDemo server: " << options.sessions << " sessions, " << urls.size()
        << " pages of 200, HTTPS (self-signed P-256 certificate; the client pins its SHA-256, "
           "curl gets it with --cacert), `--fault '"
        << fault << "'`; load average " << Bench::loadAverage()
        << "; runs per figure: " << options.runs << " (median), interleaved.\n";
    out << "Protocol: Qt " << qtProtocol(urls.first(), target.apiKey, certificate.certificate);

    Bench::FreshMinute minute(
        [&] { (void)Bench::fetchAll(target, endMicros, options.inFlight.first()); });
    QList<Bench::Row> rows;
    QString curlInfo;
    for (int n : options.inFlight) {
        QList<double> oursMs, curlMs, rawMs, rawH1Ms;
        int connections = 0;
        for (int r = 0; r < options.runs; ++r) {
            // One round (four fetches) inside one minute of the server's page cache.
            minute.before(QStringLiteral("round"), warm.wallMs * 4);
            QElapsedTimer round;
            round.start();
            const Bench::FetchRun ours = Bench::fetchAll(target, endMicros, n);
            const CurlPass curl = curlPass(urls, target.apiKey, certFile, n);
            if (!ours.ok || !curl.run.ok || curl.ok200 != urls.size()) {
                out << "\nrun failed: "
                    << (ours.ok ? QStringLiteral("curl: %1 of %2 pages answered 200; %3")
                                      .arg(curl.ok200)
                                      .arg(urls.size())
                                      .arg(curl.run.error)
                                : ours.error)
                    << Qt::endl;
                return 1;
            }
            bool rawOk = false, rawH1Ok = false;
            rawMs.append(rawQtFetch(urls, target.apiKey, certificate.certificate, n, true, &rawOk));
            rawH1Ms.append(
                rawQtFetch(urls, target.apiKey, certificate.certificate, n, false, &rawH1Ok));
            minute.after(QStringLiteral("round"), double(round.elapsed()));
            if (!rawOk || !rawH1Ok) {
                out << "\nQNetworkAccessManager alone failed" << Qt::endl;
                return 1;
            }
            oursMs.append(ours.wallMs);
            curlMs.append(curl.run.wallMs);
            connections = curl.connections;
            curlInfo = QStringLiteral("; curl HTTP/%1").arg(QString::fromLatin1(curl.httpVersion));
        }
        const double o = Bench::median(oursMs), c = Bench::median(curlMs);
        rows.append({QStringLiteral("Full fetch, %1 pages in flight, vs curl --parallel-max %1 "
                                    "(curl opened %2 connections)")
                         .arg(n)
                         .arg(connections),
                     Bench::ms(o), Bench::ms(c), Bench::timesOf(o, c, QStringLiteral("curl"))});
        const double raw = Bench::median(rawMs), rawH1 = Bench::median(rawH1Ms);
        rows.append({QStringLiteral("  Qt's network stack alone (same URLs, %1 at once, no "
                                    "decoding) vs curl")
                         .arg(n),
                     Bench::ms(raw), Bench::ms(c), Bench::timesOf(raw, c, QStringLiteral("curl"))});
        rows.append({QStringLiteral("  the same with HTTP/2 not offered (no ALPN) vs curl"),
                     Bench::ms(rawH1), Bench::ms(c),
                     Bench::timesOf(rawH1, c, QStringLiteral("curl"))});
    }
    out << curlInfo
        << ". Waits for a fresh minute of the server's page cache (see "
           "freshminute.h): "
        << minute.waits() << ".\n";
    Bench::printTable(out,
                      QStringLiteral("Full fetch over HTTPS with %1 ms per page, %2 sessions (wall "
                                     "time, lower is better; target: within 1.25x of curl)")
                          .arg(options.latencyMs)
                          .arg(QLocale(QLocale::English).toString(options.sessions)),
                      rows);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(app, options)) {
        std::fprintf(stderr, "bench_tls: bad arguments (see --help)\n");
        return 2;
    }
    QTextStream out(stdout);
    return run(out, options);
}
