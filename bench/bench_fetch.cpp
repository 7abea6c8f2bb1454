// Full fetch of a large query into value types, summed per character: Sessionscope (ApiClient +
// UsageCollector) against the standard-library Python script a user would write
// (fetch_python.py) and against curl moving the same pages to /dev/null in parallel (the floor:
// bytes moved, nothing parsed). All three read the same sessionscope-demo-server, started here as
// a child process so that it never shares an event loop or a core's scheduling with a client.
// Each client also runs as its own process, so its wall time and peak memory are its own.
//
// Optional parts: the parallelism sweep (--sweep), query to first decoded page against a raw
// round trip of page 1 (--first-page) and bytes held per loaded session (--memory).
#include "apiclient.h"
#include "benchutil.h"
#include "usagecollector.h"
#include "usagedecoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryFile>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>

namespace {

/// The demo dataset's reference date, and the end bound every client sends: with one fixed end
/// all three ask for byte-identical pages, which the server caches under the same key.
const QString Now = QStringLiteral("2026-11-01T12:00:00Z");
/// The page cache the benchmark gives its demo server: enough for every page of 100,000 sessions
/// (about 650 MB), so that all three clients read pages from memory after a warm-up pass.
constexpr qint64 ServerCacheBytes = 1536ll * 1024 * 1024;

/// Connections of the plain-socket reference client (the best of 2, 3, 4 and 6 when measured).
constexpr int RawClientThreads = 4;

/// Totals per character slug. Only the exact figures are compared between clients: the line
/// format carries no audio seconds, whose floating-point sum depends on the order of addition.
using TotalsMap = std::map<QString, UsageTotals>;

/// The line format shared with fetch_python.py.
QByteArray totalsLines(const TotalsMap &totals)
{
    QByteArray out;
    for (const auto &[slug, t] : totals)
        out += "char " + slug.toUtf8() + ' ' + QByteArray::number(t.sessions) + ' ' +
               QByteArray::number(t.llmInputTokens) + ' ' + QByteArray::number(t.llmOutputTokens) +
               ' ' + QByteArray::number(t.ttsCharacters) + ' ' +
               QByteArray::number(t.estimatedCost.micros()) + '\n';
    return out;
}

/// The figures of `t` the line format carries.
UsageTotals exactFigures(UsageTotals t)
{
    t.sttAudioSeconds = 0;
    return t;
}

struct ClientOutput
{
    TotalsMap totals;
    QHash<QByteArray, qint64> values; ///< the other `key value` lines
};

ClientOutput parseOutput(const QByteArray &text)
{
    ClientOutput out;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(' ');
        if (f.size() == 7 && f.at(0) == "char") {
            UsageTotals &t = out.totals[QString::fromUtf8(f.at(1))];
            t.sessions = f.at(2).toLongLong();
            t.llmInputTokens = f.at(3).toLongLong();
            t.llmOutputTokens = f.at(4).toLongLong();
            t.ttsCharacters = f.at(5).toLongLong();
            t.estimatedCost = Money::fromMicros(f.at(6).toLongLong());
        } else if (f.size() == 2) {
            out.values.insert(f.at(0), f.at(1).toLongLong());
        }
    }
    return out;
}

UsageQuery fullQuery()
{
    UsageQuery query;
    query.pageSize = UsageQuery::MaxPageSize;
    query.range.endMicros = parseIsoDateTime(QStringView(Now));
    return query;
}

// ---- The Sessionscope client, run as a child process by the orchestrator below. ----

int runClient(const QString &url, const QString &key, int inFlight, int direct)
{
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(QUrl(url));
    client.setCredentials({key, {}});
    UsageCollector collector(&client);
    if (inFlight > 0)
        collector.setMaxInFlight(inFlight);
    if (direct >= 0)
        collector.setDirectConnections(direct);

    // Keyed by the interned slug: hashing a short implicitly shared QString is cheap.
    QHash<QString, UsageTotals> totals;
    QElapsedTimer timer;
    qint64 firstPageMs = -1;
    int exitCode = 0;
    CollectionSummary summary;
    QObject::connect(&collector, &UsageCollector::pageReady,
                     [&](int, const QList<SessionSummary> &sessions) {
                         if (firstPageMs < 0)
                             firstPageMs = timer.elapsed();
                         for (const SessionSummary &s : sessions)
                             totals[s.characterSlug].add(s);
                     });
    QObject::connect(&collector, &UsageCollector::finished, [&](const CollectionSummary &s) {
        summary = s;
        QCoreApplication::quit();
    });
    QObject::connect(&collector, &UsageCollector::failed, [&](const ApiError &error) {
        std::fprintf(stderr, "fetch failed: %s\n", qPrintable(error.message));
        exitCode = 1;
        QCoreApplication::quit();
    });
    timer.start();
    collector.start(fullQuery());
    QCoreApplication::exec();
    const qint64 elapsed = timer.elapsed();

    const TotalsMap sorted(totals.keyValueBegin(), totals.keyValueEnd());
    QByteArray out = totalsLines(sorted);
    out += "pages " + QByteArray::number(summary.pages) + '\n';
    out += "direct-pages " + QByteArray::number(summary.pagesReadDirectly) + '\n';
    out += "delivered " + QByteArray::number(summary.delivered) + '\n';
    out += "fetch-ms " + QByteArray::number(elapsed) + '\n';
    out += "first-page-ms " + QByteArray::number(firstPageMs) + '\n';
    out += "hwm-kib " + QByteArray::number(Bench::peakRssKiB()) + '\n';
    out += "cpu-ms " + QByteArray::number(Bench::cpuMs()) + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return exitCode;
}

// ---- A reference: the same decoder fed from plain sockets, without Qt's network stack. ----

/// One kept-alive HTTP/1.1 connection to the demo server, read with recv() straight into the
/// buffer the decoder reads. Only what the demo server answers is understood (a 200 with a
/// Content-Length); this is a measuring device, not a client.
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address))
            qFatal("raw client: cannot connect");
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ~RawConnection() { ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(RawConnection)

    QByteArray get(const QByteArray &pathAndQuery, const QByteArray &key)
    {
        const QByteArray request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                   "X-API-Key: " + key + "\r\nAccept: application/json\r\n\r\n";
        if (::send(m_fd, request.constData(), size_t(request.size()), 0) != request.size())
            qFatal("raw client: send failed");
        QByteArray head;
        qsizetype end = -1;
        char chunk[4096];
        while ((end = head.indexOf("\r\n\r\n")) < 0) {
            const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (got <= 0)
                qFatal("raw client: connection closed");
            head.append(chunk, qsizetype(got));
        }
        if (!head.startsWith("HTTP/1.1 200"))
            qFatal("raw client: not a 200");
        const qsizetype at = head.toLower().indexOf("content-length:");
        if (at < 0 || at > end)
            qFatal("raw client: no Content-Length");
        const qsizetype length =
            head.mid(at + 15, end - at - 15).split('\r').first().trimmed().toLongLong();
        QByteArray body;
        body.reserve(length + 64); // the decoder's padding: it reads this buffer in place
        body.resize(length);
        qsizetype have = qMin(length, head.size() - end - 4);
        std::memcpy(body.data(), head.constData() + end + 4, size_t(have));
        while (have < length) {
            const ssize_t got = ::recv(m_fd, body.data() + have, size_t(length - have), 0);
            if (got <= 0)
                qFatal("raw client: body cut short");
            have += got;
        }
        return body;
    }

private:
    int m_fd = -1;
};

/// Fetches page 1, then the other pages on `threads` threads, each with its own connection,
/// decoding every page on the thread that read it; sums per character like runClient.
int runRawClient(const QString &url, const QString &key, int threads)
{
    const QUrl base(url);
    const auto path = [](int page) {
        return "/api/billing/usage/?" + fullQuery().atPage(page).toQueryString().toUtf8();
    };
    const QByteArray apiKey = key.toUtf8();
    QElapsedTimer timer;
    timer.start();
    std::mutex lock;
    QHash<QString, UsageTotals> totals;
    const auto add = [&](const UsagePage &page) {
        const std::lock_guard guard(lock);
        for (const SessionSummary &s : page.sessions)
            totals[s.characterSlug].add(s);
    };
    const auto port = quint16(base.port());
    auto first = UsageDecoder::decodeUsagePage(RawConnection(port).get(path(1), apiKey));
    if (!first)
        qFatal("raw client: page 1 does not decode");
    const int pages =
        int((first.value().count + UsageQuery::MaxPageSize - 1) / UsageQuery::MaxPageSize);
    add(first.value());
    std::atomic<int> next{2};
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back([&] {
            RawConnection connection(port);
            for (int page = next++; page <= pages; page = next++) {
                const auto decoded =
                    UsageDecoder::decodeUsagePage(connection.get(path(page), apiKey));
                if (!decoded)
                    qFatal("raw client: a page does not decode");
                add(decoded.value());
            }
        });
    }
    for (std::thread &t : workers)
        t.join();
    const qint64 elapsed = timer.elapsed();
    const TotalsMap sorted(totals.keyValueBegin(), totals.keyValueEnd());
    QByteArray out = totalsLines(sorted);
    out += "fetch-ms " + QByteArray::number(elapsed) + '\n';
    out += "cpu-ms " + QByteArray::number(Bench::cpuMs()) + '\n';
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return 0;
}

// ---- The orchestrator. ----

/// sessionscope-demo-server as a child process; stopped (SIGTERM) when this goes away.
class DemoChild
{
public:
    bool start(int sessions)
    {
        m_process.setProgram(QStringLiteral(SESSIONSCOPE_DEMO_SERVER));
        m_process.setArguments({QStringLiteral("--sessions"), QString::number(sessions),
                                QStringLiteral("--seed"), QStringLiteral("3"),
                                QStringLiteral("--now"), Now, QStringLiteral("--page-cache-mib"),
                                QString::number(ServerCacheBytes / (1024 * 1024))});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        while (m_process.waitForReadyRead(120000)) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                const qsizetype colon = line.indexOf(": ");
                const QString value = QString::fromUtf8(line.mid(colon + 2));
                if (line.startsWith("api-url:"))
                    url = value;
                else if (line.startsWith("staff-key:"))
                    key = value;
                else if (line.startsWith("startup-ms:"))
                    return !url.isEmpty() && !key.isEmpty();
            }
        }
        return false;
    }
    ~DemoChild()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }

    QString url;
    QString key;

private:
    QProcess m_process;
};

template<typename T>
Result<T> await(const std::function<void(QObject *, ApiClient::Callback<T>)> &send)
{
    QEventLoop loop;
    Result<T> out;
    send(&loop, [&](Result<T> r) {
        out = std::move(r);
        loop.quit();
    });
    loop.exec();
    return out;
}

QByteArray getRaw(QNetworkAccessManager &network, const QUrl &url, const QString &key)
{
    QNetworkRequest request(url);
    request.setRawHeader("X-API-Key", key.toUtf8());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

struct Timed
{
    double ms = 0;
    ClientOutput output;
    bool ok = false;
    QByteArray text;
};

Timed runProcess(const QString &program, const QStringList &args, bool quiet = false)
{
    QProcess process;
    // curl draws a progress meter for parallel transfers even with -s; only its errors matter.
    process.setProcessChannelMode(quiet ? QProcess::SeparateChannels
                                        : QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    Timed t;
    if (!process.waitForFinished(30 * 60 * 1000))
        return t;
    t.ms = double(timer.nsecsElapsed()) / 1e6;
    t.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    t.text = process.readAllStandardOutput();
    if (quiet && !t.ok)
        std::fprintf(stderr, "%s\n", process.readAllStandardError().constData());
    t.output = parseOutput(t.text);
    return t;
}

/// curl moving every page to /dev/null, `parallel` transfers at a time (its own connection
/// pool, keep-alive like Qt's). Reports the bytes and whether every answer was a 200.
Timed curlPass(const QList<QUrl> &urls, const QString &key, int parallel)
{
    QTemporaryFile config;
    if (!config.open())
        return {};
    QByteArray text = "header = \"X-API-Key: " + key.toUtf8() + "\"\n";
    for (const QUrl &url : urls)
        text += "url = \"" + url.toEncoded() + "\"\noutput = \"/dev/null\"\n";
    config.write(text);
    config.flush();
    Timed t =
        runProcess(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("--parallel"),
                    QStringLiteral("--parallel-max"), QString::number(parallel),
                    QStringLiteral("-w"), QStringLiteral("curl %{http_code} %{size_download}\\n"),
                    QStringLiteral("--config"), config.fileName()},
                   true);
    // Every transfer prints `curl STATUS BYTES`: a pass only counts if all were 200s.
    t.ok = t.ok && t.text.count("curl 200 ") == urls.size();
    if (!t.ok)
        qFatal("curl pass failed");
    return t;
}

double median(QList<double> v)
{
    return Bench::median(std::move(v));
}

QString ms(double v)
{
    return v >= 10000 ? QStringLiteral("%1 s").arg(v / 1000, 0, 'f', 2)
                      : QStringLiteral("%1 ms").arg(v, 0, 'f', 0);
}

QString times(double a, double b)
{
    return QStringLiteral("%1x").arg(a / b, 0, 'f', 2);
}

/// Starts a run early in a signing bucket (the server's page cache key includes the presigned
/// URLs' 60-second signing bucket, so a run that crosses a minute reads freshly rendered pages).
void alignToBucket(double expectedMs)
{
    const qint64 left = 60000 - QDateTime::currentMSecsSinceEpoch() % 60000;
    if (expectedMs < 50000 && double(left) < expectedMs * 1.3 + 1500)
        QThread::msleep(quint64(left + 300));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientMode(QStringLiteral("client"),
                                        QStringLiteral("Internal: run the Sessionscope client."),
                                        QStringLiteral("URL,KEY,INFLIGHT,DIRECT"));
    const QCommandLineOption rawClientMode(
        QStringLiteral("raw-client"),
        QStringLiteral("Internal: run the reference client on plain sockets."),
        QStringLiteral("URL,KEY,THREADS"));
    const QCommandLineOption sessionsOption(QStringLiteral("sessions"), QStringLiteral("Sessions."),
                                            QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."),
                                        QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption inFlightOption(
        QStringLiteral("in-flight"),
        QStringLiteral("Pages in flight through Qt's network stack (default: as shipped)."),
        QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption sweepOption(QStringLiteral("sweep"),
                                         QStringLiteral("Direct connections to compare."),
                                         QStringLiteral("LIST"));
    const QCommandLineOption firstPageOption(QStringLiteral("first-page"),
                                             QStringLiteral("Query to first decoded page."));
    const QCommandLineOption memoryOption(QStringLiteral("memory"),
                                          QStringLiteral("Bytes held per loaded session."));
    parser.addOptions({clientMode, rawClientMode, sessionsOption, runsOption, inFlightOption,
                       sweepOption, firstPageOption, memoryOption});
    parser.process(app);
    if (parser.isSet(clientMode)) {
        const QStringList a = parser.value(clientMode).split(QLatin1Char(','));
        return a.size() == 4 ? runClient(a.at(0), a.at(1), a.at(2).toInt(), a.at(3).toInt()) : 2;
    }
    if (parser.isSet(rawClientMode)) {
        const QStringList a = parser.value(rawClientMode).split(QLatin1Char(','));
        return a.size() == 3 ? runRawClient(a.at(0), a.at(1), a.at(2).toInt()) : 2;
    }

    QTextStream out(stdout);
    const int sessions = parser.value(sessionsOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());
    DemoChild server;
    if (!server.start(sessions)) {
        out << "could not start " << SESSIONSCOPE_DEMO_SERVER << "\n";
        return 1;
    }
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(QUrl(server.url));
    client.setCredentials({server.key, {}});
    /// 0 leaves UsageCollector at its shipped default.
    const int inFlight = parser.value(inFlightOption).toInt();

    // The server's own totals per character, one page_size=1 request each (the API's pattern
    // for comparing characters), and the page URLs every client will read.
    const auto characters = await<QList<CharacterInfo>>(
        [&](QObject *c, ApiClient::Callback<QList<CharacterInfo>> done) {
            client.fetchCharacters(c, std::move(done));
        });
    if (!characters) {
        out << "characters: " << characters.error().message << "\n";
        return 1;
    }
    TotalsMap serverTotals;
    for (const CharacterInfo &character : characters.value()) {
        UsageQuery q = fullQuery();
        q.characterSlug = character.slug;
        q.pageSize = 1;
        const auto page = await<UsagePage>([&](QObject *c, ApiClient::Callback<UsagePage> done) {
            client.fetchUsage(q, c, std::move(done));
        });
        if (!page)
            return 1;
        const UsageTotals &t = page.value().totals;
        if (t.sessions > 0)
            serverTotals[character.slug] = exactFigures(t);
    }
    qint64 count = 0;
    for (const auto &[slug, t] : serverTotals)
        count += t.sessions;
    const int pageCount = int((count + UsageQuery::MaxPageSize - 1) / UsageQuery::MaxPageSize);
    QList<QUrl> urls;
    for (int p = 1; p <= pageCount; ++p)
        urls.append(client.endpoint(QStringLiteral("/api/billing/usage/"),
                                    fullQuery().atPage(p).toQueryString()));

    const QString self = QCoreApplication::applicationFilePath();
    const QString python = QStringLiteral(SESSIONSCOPE_BENCH_DIR "/fetch_python.py");
    // k: pages in flight through ApiClient, 0 as shipped; direct: connections of the direct
    // page reader, 0 for Qt's network stack alone, -1 as shipped.
    const auto sessionscope = [&](int k, int direct) {
        return runProcess(
            self, {QStringLiteral("--client"),
                   QStringLiteral("%1,%2,%3,%4").arg(server.url, server.key).arg(k).arg(direct)});
    };
    // Two curl passes: the first renders every page, the second shows whether the server's
    // cache could keep them (it can only when all pages fit in it).
    const Timed first = curlPass(urls, server.key, 6);
    const Timed second = curlPass(urls, server.key, 6);
    // Bytes of all pages, from one sequential read (also checks that every page answers).
    qint64 pageBytes = 0;
    {
        QNetworkAccessManager raw;
        for (const QUrl &url : urls)
            pageBytes += getRaw(raw, url, server.key).size();
    }
    const bool fits = pageBytes < ServerCacheBytes;
    out << "Demo server: " << sessions << " sessions, " << pageCount << " pages of 200, "
        << QString::number(double(pageBytes) / 1e6, 'f', 1) << " MB of JSON ("
        << (fits ? "fits" : "does NOT fit") << " the server's page cache); curl pass 1 "
        << ms(first.ms) << " (" << QString::number(first.ms / pageCount, 'f', 1)
        << " ms a page), pass 2 " << ms(second.ms) << ".\n";
    out << "UsageCollector: direct page reader as shipped ("
        << UsageCollector::DefaultDirectConnections << " connections, "
        << UsageCollector::DefaultDirectConnections * UsageCollector::QueuedPagesPerConnection
        << " pages queued); through Qt's network stack alone, "
        << (inFlight > 0 ? QString::number(inFlight) : QStringLiteral("6 (as shipped)"))
        << " pages in flight; runs per figure: " << runs << " (median), interleaved.\n";
    out.flush();

    // Interleaved runs, each preceded by a warm-up pass so that it reads what the cache holds.
    QList<double> ours, py, floor, raw, qtOnly;
    // CPU time of each client process, and of the demo server while it served that client.
    QList<double> oursCpu, rawCpu, qtOnlyCpu, oursServerCpu, rawServerCpu, curlServerCpu,
        pyServerCpu;
    ClientOutput oursOut, pyOut;
    qint64 oursHwm = 0, qtOnlyHwm = 0, directPages = 0;
    bool oursOk = true, pyOk = true, rawOk = true, qtOnlyOk = true;
    double expected = second.ms;
    for (int r = 0; r < runs; ++r) {
        for (int which = 0; which < 5; ++which) {
            alignToBucket(expected * 3);
            if (fits)
                (void)curlPass(urls, server.key, 6);
            Timed t;
            const qint64 serverCpuBefore = Bench::processCpuMs(server.pid());
            if (which == 0) {
                t = sessionscope(inFlight, -1);
                oursOk = oursOk && t.ok && t.output.totals == serverTotals;
                oursOut = t.output;
                oursHwm = qMax(oursHwm, t.output.values.value("hwm-kib"));
                directPages = t.output.values.value("direct-pages");
                ours.append(t.ms);
            } else if (which == 4) {
                t = sessionscope(inFlight, 0);
                qtOnlyOk = qtOnlyOk && t.ok && t.output.totals == serverTotals;
                qtOnlyHwm = qMax(qtOnlyHwm, t.output.values.value("hwm-kib"));
                qtOnly.append(t.ms);
            } else if (which == 1) {
                t = curlPass(urls, server.key, 6);
                floor.append(t.ms);
            } else if (which == 3) {
                t = runProcess(
                    self,
                    {QStringLiteral("--raw-client"),
                     QStringLiteral("%1,%2,%3").arg(server.url, server.key).arg(RawClientThreads)});
                rawOk = rawOk && t.ok && t.output.totals == serverTotals;
                raw.append(t.ms);
            } else {
                t = runProcess(QStringLiteral("python3"), {python, server.url, server.key, Now});
                pyOk = pyOk && t.ok && t.output.totals == serverTotals;
                pyOut = t.output;
                py.append(t.ms);
            }
            const auto serverCpu = double(Bench::processCpuMs(server.pid()) - serverCpuBefore);
            const auto clientCpu = double(t.output.values.value("cpu-ms"));
            switch (which) {
            case 0:
                oursCpu.append(clientCpu);
                oursServerCpu.append(serverCpu);
                break;
            case 1:
                curlServerCpu.append(serverCpu);
                break;
            case 2:
                pyServerCpu.append(serverCpu);
                break;
            case 4:
                qtOnlyCpu.append(clientCpu);
                break;
            default:
                rawCpu.append(clientCpu);
                rawServerCpu.append(serverCpu);
            }
            expected = qMax(expected, t.ms);
        }
    }
    const double o = median(ours), p = median(py), c = median(floor), w = median(raw),
                 q = median(qtOnly);
    const QString n = QLocale::c().toString(qlonglong(sessions));
    const QString label = QStringLiteral("%1 sessions (%2)")
                              .arg(n, fits ? QStringLiteral("cached pages")
                                           : QStringLiteral("pages rendered per request"));
    QList<Bench::Row> rows{
        {QStringLiteral("Full fetch, %1, vs Python urllib+json").arg(label), ms(o), ms(p),
         QStringLiteral("%1 faster").arg(times(p, o))},
        {QStringLiteral("Full fetch, %1, vs curl to /dev/null").arg(label), ms(o), ms(c),
         QStringLiteral("%1 of curl").arg(times(o, c))},
        {QStringLiteral("Same client through Qt's network stack alone (no direct reader) vs curl"),
         ms(q), ms(c), QStringLiteral("%1 of curl").arg(times(q, c))},
        {QStringLiteral("Reference: same decoder on plain sockets (%1 threads, no Qt "
                        "networking) vs curl")
             .arg(RawClientThreads),
         ms(w), ms(c), QStringLiteral("%1 of curl").arg(times(w, c))},
        {QStringLiteral("Pages read by the direct reader"), QString::number(directPages),
         QStringLiteral("%1 pages").arg(pageCount), QString()},
        {QStringLiteral("Totals per character equal the server's (%1 characters)")
             .arg(serverTotals.size()),
         oursOk && qtOnlyOk ? QStringLiteral("exact (both paths)") : QStringLiteral("MISMATCH"),
         pyOk ? QStringLiteral("Python: exact") : QStringLiteral("Python: MISMATCH"),
         rawOk ? QStringLiteral("reference: exact") : QStringLiteral("reference: MISMATCH")},
        {QStringLiteral("Peak RSS (VmHWM) of the Sessionscope fetch, %1 sessions").arg(n),
         QStringLiteral("%1 MiB").arg(double(oursHwm) / 1024, 0, 'f', 1),
         QStringLiteral("%1 MB of JSON").arg(double(pageBytes) / 1e6, 0, 'f', 0),
         QStringLiteral("Qt's stack alone: %1 MiB").arg(double(qtOnlyHwm) / 1024, 0, 'f', 1)},
    };
    Bench::printTable(
        out,
        QStringLiteral("Full fetch into value types, %1 sessions (wall time, lower is better)")
            .arg(n),
        rows);
    // Two cores serve the server and the client: what each uses says where the wall time goes.
    Bench::printTable(
        out, QStringLiteral("CPU time during one full fetch, %1 sessions (median, ms)").arg(n),
        {{QStringLiteral("Client process: Sessionscope vs the plain-socket reference"),
          ms(median(oursCpu)), ms(median(rawCpu)), times(median(oursCpu), median(rawCpu))},
         {QStringLiteral("Client process: through Qt's network stack alone vs the reference"),
          ms(median(qtOnlyCpu)), ms(median(rawCpu)), times(median(qtOnlyCpu), median(rawCpu))},
         {QStringLiteral("Demo server while serving Sessionscope vs curl"),
          ms(median(oursServerCpu)), ms(median(curlServerCpu)), QString()},
         {QStringLiteral("Demo server while serving the reference vs Python"),
          ms(median(rawServerCpu)), ms(median(pyServerCpu)), QString()}});
    if (!oursOk)
        out << "Sessionscope totals:\n" << totalsLines(oursOut.totals);
    if (!pyOk)
        out << "Python totals:\n" << totalsLines(pyOut.totals);
    if (!oursOk || !pyOk)
        out << "Server totals:\n" << totalsLines(serverTotals);
    out.flush();

    if (parser.isSet(sweepOption)) {
        QList<Bench::Row> sweep;
        for (const QString &k : parser.value(sweepOption).split(QLatin1Char(','))) {
            QList<double> s, f;
            for (int r = 0; r < runs; ++r) {
                alignToBucket(expected * 2);
                if (fits)
                    (void)curlPass(urls, server.key, 6);
                s.append(sessionscope(0, k.toInt()).ms);
                f.append(curlPass(urls, server.key, k.toInt()).ms);
            }
            sweep.append({QStringLiteral("%1 sessions, %2 connections").arg(n, k), ms(median(s)),
                          ms(median(f)),
                          QStringLiteral("%1 of curl").arg(times(median(s), median(f)))});
        }
        Bench::printTable(
            out,
            QStringLiteral("Direct reader's connections: Sessionscope vs curl --parallel-max of "
                           "the same"),
            sweep);
    }

    if (parser.isSet(firstPageOption)) {
        // Steady state: one keep-alive connection already open, page 1 cached by the server.
        const QUrl page1 = urls.first();
        (void)getRaw(network, page1, server.key);
        QList<double> decoded, raw;
        for (int i = 0; i < 15; ++i) {
            QElapsedTimer t;
            t.start();
            const auto page =
                await<UsagePage>([&](QObject *c, ApiClient::Callback<UsagePage> done) {
                    client.fetchUsage(fullQuery(), c, std::move(done));
                });
            decoded.append(double(t.nsecsElapsed()) / 1e6);
            if (!page || page.value().sessions.size() != 200)
                qFatal("page 1 failed");
            t.restart();
            if (getRaw(network, page1, server.key).isEmpty())
                qFatal("raw page 1 failed");
            raw.append(double(t.nsecsElapsed()) / 1e6);
        }
        // The same bytes decoded alone, on this thread: what the server's cached answer is
        // weighed against.
        const QByteArray bytes = getRaw(network, page1, server.key);
        const double decodeOnly = Bench::medianMs(15, [&] {
            if (UsageDecoder::decodeUsagePage(bytes).value().sessions.size() != 200)
                qFatal("decode failed");
        });
        Bench::printTable(
            out, QStringLiteral("Query to first decoded page (200 sessions, median of 15)"),
            {{QStringLiteral(
                  "ApiClient::fetchUsage page 1 decoded vs raw QNetworkAccessManager round trip"),
              QStringLiteral("%1 ms").arg(median(decoded), 0, 'f', 1),
              QStringLiteral("%1 ms").arg(median(raw), 0, 'f', 1),
              QStringLiteral("%1 of raw").arg(times(median(decoded), median(raw)))},
             {QStringLiteral("Server's cached page 1 (%1 KB) round trip vs decoding those bytes")
                  .arg(bytes.size() / 1000),
              QStringLiteral("%1 ms").arg(median(raw), 0, 'f', 1),
              QStringLiteral("%1 ms").arg(decodeOnly, 0, 'f', 1),
              QStringLiteral("%1 of decode").arg(times(median(raw), decodeOnly))}});
    }

    if (parser.isSet(memoryOption)) {
        // Raw pages first, so that the heap delta below holds only the decoded sessions.
        QList<QByteArray> bodies;
        {
            QNetworkAccessManager raw;
            for (const QUrl &url : urls)
                bodies.append(getRaw(raw, url, server.key));
        }
        qint64 jsonBytes = 0;
        for (const QByteArray &b : std::as_const(bodies))
            jsonBytes += b.size();
        QList<QList<SessionSummary>> kept;
        kept.reserve(bodies.size());
        const qint64 heap0 = Bench::heapBytes();
        QElapsedTimer decodeTimer;
        decodeTimer.start();
        for (const QByteArray &b : std::as_const(bodies))
            kept.append(UsageDecoder::decodeUsagePage(b).value().sessions);
        const double decodeMs = double(decodeTimer.nsecsElapsed()) / 1e6;
        const qint64 heap1 = Bench::heapBytes();
        qint64 loaded = 0, turns = 0, turnChars = 0, textBytes = 0, rebuilt = 0, rebuiltBytes = 0;
        for (auto &page : kept) {
            for (SessionSummary &s : page) {
                ++loaded;
                turns += s.transcript.size();
                for (qsizetype i = 0; i < s.transcript.size(); ++i)
                    turnChars += s.transcript.textUtf8(i).size();
                textBytes += s.transcriptTextUtf8.size();
                if (s.transcriptTextIsTurns) {
                    ++rebuilt;
                    rebuiltBytes += s.transcript.linesUtf8().size();
                }
                s.transcriptTextUtf8 = QByteArray();
            }
        }
        const qint64 heap2 = Bench::heapBytes();
        for (auto &page : kept)
            for (SessionSummary &s : page)
                s.transcript = Transcript();
        const qint64 heap3 = Bench::heapBytes();
        // A part that is (nearly) not held shows as 0, not as the allocator's noise around it.
        const auto per = [&](qint64 bytes) {
            return QStringLiteral("%1 B").arg(double(qMax<qint64>(bytes, 0)) / double(loaded), 0,
                                              'f', 0);
        };
        out << "\nHeld per session (mallinfo2 heap delta over " << loaded
            << " decoded sessions kept alive / " << loaded
            << "): " << double(turns) / double(loaded) << " turns, "
            << double(turnChars) / double(turns) << " UTF-8 bytes per turn, "
            << double(textBytes) / double(loaded) << " bytes of transcript_text held; " << rebuilt
            << " sessions' transcript_text equal to their turns, not held ("
            << double(rebuiltBytes) / double(qMax<qint64>(rebuilt, 1)) << " bytes each); "
            << "sizeof(SessionSummary) = " << sizeof(SessionSummary)
            << ", sizeof(TranscriptTurn) = " << sizeof(TranscriptTurn) << ".\n";
        Bench::printTable(
            out, QStringLiteral("Bytes held per loaded session"),
            {{QStringLiteral("With transcript (turns + transcript_text) vs its JSON"),
              per(heap1 - heap0), per(jsonBytes), times(double(heap1 - heap0), double(jsonBytes))},
             {QStringLiteral("  of which transcript_text, held where it differs from the turns"),
              per(heap1 - heap2),
              QStringLiteral("%1 B if held")
                  .arg(double(textBytes + rebuiltBytes) / double(loaded), 0, 'f', 0),
              QStringLiteral("%1 of %2 rebuilt").arg(rebuilt).arg(loaded)},
             {QStringLiteral("  of which transcript turns (one UTF-8 buffer + 24 B per turn)"),
              per(heap2 - heap3), QString(), QString()},
             {QStringLiteral("Without transcript"), per(heap3 - heap0), QString(), QString()},
             {QStringLiteral("Decode of these pages on one thread (MB/s)"),
              QString::number(double(jsonBytes) / 1e3 / decodeMs, 'f', 0), QString(),
              QStringLiteral("%1 for all").arg(ms(decodeMs))}});
    }
    return 0;
}
