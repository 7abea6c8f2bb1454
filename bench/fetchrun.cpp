#include "bench/fetchrun.h"

#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "bench/benchutil.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace Bench {

FetchRun fetchAll(const FetchTarget &target, qint64 endMicros, int maxInFlight)
{
    FetchRun run;
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(target.baseUrl);
    client.setCredentials({target.apiKey, {}});
    client.setTrustedCertificates(target.trustedSha256);
    UsageCollector collector(&client);
    collector.setMaxInFlight(maxInFlight);

    UsageQuery query;
    query.pageSize = UsageQuery::MaxPageSize;
    query.range.endMicros = endMicros;

    QEventLoop loop;
    const auto take = [&](const QList<SessionSummary> &sessions) {
        for (const SessionSummary &s : sessions)
            run.byCharacter[s.characterSlug].add(s);
    };
    QObject::connect(&collector, &UsageCollector::pageReady,
                     [&](int, const QList<SessionSummary> &sessions) { take(sessions); });
    QObject::connect(&collector, &UsageCollector::recovered, take);
    QObject::connect(&collector, &UsageCollector::finished, &loop,
                     [&](const CollectionSummary &summary) {
                         run.ok = true;
                         run.sessions = summary.delivered;
                         run.pages = summary.pages;
                         loop.quit();
                     });
    QObject::connect(&collector, &UsageCollector::failed, &loop, [&](const ApiError &error) {
        run.error = error.message;
        loop.quit();
    });
    const qint64 cpuBefore = cpuMs();
    QElapsedTimer timer;
    timer.start();
    collector.start(query);
    if (collector.isRunning())
        loop.exec();
    run.wallMs = double(timer.nsecsElapsed()) / 1e6;
    run.cpuMs = double(cpuMs() - cpuBefore);
    return run;
}

QByteArray totalsLines(const QMap<QString, UsageTotals> &byCharacter)
{
    QByteArray out;
    for (auto it = byCharacter.cbegin(); it != byCharacter.cend(); ++it) {
        const UsageTotals &t = it.value();
        out += "char " + it.key().toUtf8() + ' ' + QByteArray::number(t.sessions) + ' ' +
               QByteArray::number(t.llmInputTokens) + ' ' + QByteArray::number(t.llmOutputTokens) +
               ' ' + QByteArray::number(t.ttsCharacters) + ' ' +
               QByteArray::number(t.estimatedCost.micros()) + '\n';
    }
    return out;
}

} // namespace Bench
