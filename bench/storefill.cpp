#include "bench/storefill.h"

#include "api/apiclient.h"
#include "demo/demoserver.h"
#include "models/storebrowser.h"
#include "store/sessionstore.h"
#include "store/storesync.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>

namespace Bench {

qint64 storedSessions(const QString &path)
{
    if (!QFile::exists(path))
        return 0;
    StoreLocation location;
    location.path = path;
    SessionStore store;
    QString error;
    if (!store.open(location, SessionStore::Access::Reader, &error))
        return 0;
    return store.sessionCount(&error);
}

double fillStore(const QString &path, int sessions)
{
    DemoOptions options;
    options.sessions = sessions;
    options.seed = 7;
    DemoServer server(options);
    QString error;
    if (!server.start(&error))
        qFatal("demo server: %s", qPrintable(error));
    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(server.apiBaseUrl());
    client.setCredentials({server.staffApiKey(), {}});
    StoreLocation location;
    location.path = path;
    SessionStore store;
    if (!store.open(location, SessionStore::Access::Writer, &error))
        qFatal("store: %s", qPrintable(error));
    StoreSync sync(&client, &store);
    QSignalSpy finished(&sync, &StoreSync::finished);
    QElapsedTimer timer;
    timer.start();
    sync.start(UsageQuery{});
    waitOrDie([&] { return !finished.isEmpty(); });
    if (finished.constFirst().constFirst().value<StoreSyncOutcome>().kind !=
        StoreSyncOutcome::Kind::Done)
        qFatal("the sync did not end whole");
    return double(timer.elapsed()) / 1000.0;
}

void openOrDie(StoreBrowser &browser, const QString &path)
{
    QSignalSpy opened(&browser, &StoreBrowser::opened);
    browser.open(path);
    waitOrDie([&] { return !opened.isEmpty(); });
    if (!opened.constFirst().constFirst().toBool())
        qFatal("open: %s", qPrintable(opened.constFirst().at(1).toString()));
}

} // namespace Bench
