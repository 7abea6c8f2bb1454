#pragma once

#include "store/sessionstore.h"
#include "store/storesync.h"
#include "tests/models/modeltestfixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

/// A SQLite store filled the way a user fills one: the demo server's sessions synced into a
/// file in a temporary folder by the store's own sync engine.
struct SyncedStore
{
    std::unique_ptr<DemoServer> server;
    std::unique_ptr<ClientStack> stack;
    QTemporaryDir folder;
    StoreLocation location;
    StoreSyncOutcome outcome;

    /// False with a message when the server does not start or the sync does not end whole.
    bool fill(int sessions, QString *error)
    {
        const QDateTime now =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
        DemoOptions options = demoOptions(now);
        options.sessions = sessions;
        server = std::make_unique<DemoServer>(options);
        if (!server->start(error))
            return false;
        stack = std::make_unique<ClientStack>(*server);
        location.path = folder.filePath(QStringLiteral("sessions.sqlite"));
        SessionStore writer;
        if (!writer.open(location, SessionStore::Access::Writer, error))
            return false;
        StoreSync sync(&stack->client, &writer);
        QSignalSpy finished(&sync, &StoreSync::finished);
        sync.start(UsageQuery{});
        if (!finished.wait(240000)) {
            *error = QStringLiteral("the sync did not finish");
            return false;
        }
        outcome = finished.constFirst().constFirst().value<StoreSyncOutcome>();
        if (outcome.kind != StoreSyncOutcome::Kind::Done) {
            *error = QStringLiteral("the sync failed: %1 %2")
                         .arg(outcome.message, outcome.apiError.message);
            return false;
        }
        return true;
    }
};
