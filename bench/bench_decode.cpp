// Decode throughput of one 200-session page: Sessionscope's decoder against QJsonDocument
// (parse and walk into the same value types) and Python's json.loads, on the same bytes.
#include "api/usagedecoder.h"
#include "bench/benchutil.h"
#include "bench/qjsonbaseline.h"
#include "demo/demoserver.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTimeZone>

#include <simdjson.h>

#define KERNEL_NAME(x) #x
#define KERNEL_NAME_OF(x) KERNEL_NAME(x)
// The On-Demand kernel is whatever this translation unit's -march allows, as in the decoder's.
#define ONDEMAND_KERNEL KERNEL_NAME_OF(SIMDJSON_BUILTIN_IMPLEMENTATION)

namespace {
QByteArray fetchPage(const DemoServer &server, int page)
{
    QNetworkAccessManager network;
    QUrl url = server.apiBaseUrl();
    url.setPath(QStringLiteral("/api/billing/usage/"));
    url.setQuery(QStringLiteral("page=%1&page_size=200").arg(page));
    QNetworkRequest request(url);
    request.setRawHeader("X-API-Key", server.staffApiKey().toUtf8());
    QNetworkReply *reply = network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(60000);
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

double pythonMBps(const QByteArray &body, int iterations)
{
    QTemporaryFile file;
    if (!file.open())
        return 0;
    file.write(body);
    file.flush();
    // The walk touches every session field and every turn, as a script summing costs would.
    const QString script = QStringLiteral(R"(
import json, sys, time
data = open(sys.argv[1], 'rb').read()
n = int(sys.argv[2])
best = []
for run in range(5):
    t = time.perf_counter()
    for i in range(n):
        page = json.loads(data)
        for s in page['data']['sessions']['data']:
            for k, v in s.items():
                pass
            for turn in s['transcript'] or []:
                turn['text']; turn['ts']
    best.append(time.perf_counter() - t)
best.sort()
print(len(data) * n / best[2] / 1e6)
)");
    QProcess python;
    python.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"), script, file.fileName(), QString::number(iterations)});
    if (!python.waitForFinished(600000))
        return 0;
    return python.readAllStandardOutput().trimmed().toDouble();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    DemoOptions options;
    options.sessions = 20000;
    options.seed = 3;
    options.now = QDateTime(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::utc());
    DemoServer server(options);
    if (!server.start())
        return 1;
    const QByteArray body = fetchPage(server, 2);
    const int iterations = 200;
    const double mb = double(body.size()) * iterations / 1e6;

    if (qEnvironmentVariableIsSet("SESSIONSCOPE_BENCH_PROFILE")) {
        // Only the decoder, long enough for a profiler to see where its time goes.
        const int n = qEnvironmentVariableIntValue("SESSIONSCOPE_BENCH_PROFILE");
        for (int i = 0; i < (n > 1 ? n : 10 * iterations); ++i)
            (void)UsageDecoder::decodeUsagePage(body);
        return 0;
    }
    const double oursMs = Bench::medianMs(5, [&] {
        for (int i = 0; i < iterations; ++i) {
            const auto page = UsageDecoder::decodeUsagePage(body);
            if (!page || page.value().sessions.size() != 200)
                qFatal("decode failed");
        }
    });
    const double qjsonMs = Bench::medianMs(5, [&] {
        for (int i = 0; i < iterations; ++i) {
            if (decodeWithQJsonDocument(body).page.sessions.size() != 200)
                qFatal("QJsonDocument decode failed");
        }
    });
    // simdjson's DOM parse of the same bytes (runtime-dispatched to the best kernel), building
    // no value types: a ceiling for any decoder that must look at every byte.
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(body.constData(), std::size_t(body.size()));
    const double rawMs = Bench::medianMs(5, [&] {
        for (int i = 0; i < iterations; ++i) {
            simdjson::dom::element root;
            if (parser.parse(padded).get(root))
                qFatal("simdjson failed");
        }
    });
    const double python = pythonMBps(body, 50);
    const double ours = mb / (oursMs / 1000), qjson = mb / (qjsonMs / 1000);
    out << "Page: " << body.size() << " bytes, 200 sessions; " << iterations
        << " decodes per run, median of 5 runs; simdjson kernels: On-Demand (inlined into the "
           "decoder, chosen at compile time) "
        << ONDEMAND_KERNEL << ", DOM (chosen at run time) "
        << QString::fromStdString(std::string(simdjson::get_active_implementation()->name()))
        << "\n";
    const auto ratio = [](double a, double b) {
        return QStringLiteral("%1x").arg(a / b, 0, 'f', 1);
    };
    Bench::printTable(
        out, QStringLiteral("Decode throughput (MB/s, higher is better)"),
        {
            {QStringLiteral("Sessionscope decoder vs QJsonDocument parse+walk"),
             QString::number(ours, 'f', 0), QString::number(qjson, 'f', 0), ratio(ours, qjson)},
            {QStringLiteral("Sessionscope decoder vs Python json.loads+walk"),
             QString::number(ours, 'f', 0), QString::number(python, 'f', 0), ratio(ours, python)},
            {QStringLiteral("Sessionscope decoder vs simdjson DOM parse alone (ceiling)"),
             QString::number(ours, 'f', 0), QString::number(mb / (rawMs / 1000), 'f', 0),
             ratio(ours, mb / (rawMs / 1000))},
        });

    // What a decoded session holds, as the window keeps them, and with the JSON an export keeps
    // (UsageDecoder::Options::keepSessionJson): the window must not pay for the export's option.
    const auto heldPerSession = [&](bool keepJson) {
        UsageDecoder::Options options;
        options.keepSessionJson = keepJson;
        QList<QList<SessionSummary>> kept;
        const qint64 before = Bench::heapBytes();
        for (int i = 0; i < 25; ++i)
            kept.append(UsageDecoder::decodeUsagePage(body, options).value().sessions);
        const qint64 held = Bench::heapBytes() - before;
        return double(held) / double(25 * 200);
    };
    const double plainBytes = heldPerSession(false);
    const double keptBytes = heldPerSession(true);
    const auto bytes = [](double b) {
        return QStringLiteral("%1 B").arg(b, 0, 'f', 0);
    };
    Bench::printTable(out, QStringLiteral("Heap held per decoded session (5,000 kept alive)"),
                      {{QStringLiteral("As the window keeps them vs with their JSON kept (export)"),
                        bytes(plainBytes), bytes(keptBytes),
                        QStringLiteral("%1x").arg(keptBytes / plainBytes, 0, 'f', 2)},
                       {QStringLiteral("sizeof(SessionSummary)"),
                        QString::number(sizeof(SessionSummary)), QString(), QString()}});
    return 0;
}
