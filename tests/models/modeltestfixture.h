#pragma once

#include "api/apiclient.h"
#include "demo/demoserver.h"
#include "models/pagefetcher.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

#include <memory>

/// One client stack against a running demo server: the network, the client and a fetcher.
/// Retries are off so that an injected fault shows up at once.
struct ClientStack
{
    explicit ClientStack(DemoServer &server)
    {
        client.setBaseUrl(server.apiBaseUrl());
        client.setCredentials({server.staffApiKey(), {}});
        RetryPolicy retry;
        retry.maxAttempts = 1;
        client.setRetryPolicy(retry);
    }
    QNetworkAccessManager network;
    ApiClient client{&network};
    PageFetcher fetcher{&client};
};

/// The dataset every model test reads: 20,000 sessions, a fixed seed and a fixed "now".
inline DemoOptions demoOptions(const QDateTime &now)
{
    DemoOptions options;
    options.sessions = 20000;
    options.seed = 7;
    options.now = now;
    options.clock = [now] {
        return now;
    };
    return options;
}

/// Requests the demo saw for the usage list, as "page=N" numbers.
inline QList<int> usagePagesRequested(const DemoServer &server)
{
    QList<int> pages;
    for (const RecordedRequest &r : server.requestLog()) {
        if (!r.url.path().startsWith(QStringLiteral("/api/billing/usage")))
            continue;
        const QString page = QUrlQuery(r.url).queryItemValue(QStringLiteral("page"));
        pages.append(page.isEmpty() ? 1 : page.toInt());
    }
    return pages;
}
