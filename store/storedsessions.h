#pragma once

#include "api/usagequery.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class SessionStore;

/// One stored session as an export writes it: the server's JSON and the local review data.
struct StoredSession
{
    QString sessionId;
    QByteArray json; ///< the session object as the server sent it, on one line
    QStringList tags;
    QString note;
};

/// Reads the stored sessions of a filter, newest first (the API's order), one at a time, so
/// that an export of 100,000 sessions holds one of them at once.
namespace StoredSessions {
/// `take` returns false to stop. False with the database's message.
bool forEach(const SessionStore &store, const UsageQuery &filter,
             const std::function<bool(const StoredSession &)> &take, QString *error);
} // namespace StoredSessions
