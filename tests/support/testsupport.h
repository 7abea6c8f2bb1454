#pragma once

// Helpers shared by the tests that talk to a demo server: waiting for a request to end,
// starting a server with a fixed dataset, and running the command line against it.

#include "api/apiclient.h"
#include "api/apierror.h"
#include "demo/demoserver.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace TestSupport {

/// Generous: the suite runs beside other work on a two-core machine.
constexpr int WaitMs = 60000;

/// The reference date of the fixed datasets, so that runs produce the same sessions.
inline QDateTime referenceNow()
{
    return QDateTime(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::utc());
}

/// Starts a request through `start(done)` and turns the event loop until `done` is called; a
/// request that never ends comes back as a timeout error rather than a hang.
template<typename T, typename Start> Result<T> await(Start &&start, int timeoutMs = WaitMs)
{
    std::optional<Result<T>> result;
    start([&](Result<T> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return ApiError::make(ApiError::Kind::Timeout, QStringLiteral("the test gave up waiting"));
    return std::move(*result);
}

/// A started demo server in this process with a fixed dataset; null (and `error` set) when it
/// could not start.
inline std::unique_ptr<DemoServer> startDemo(int sessions, quint64 seed, QString *error,
                                             const QDateTime &now = referenceNow())
{
    DemoOptions options;
    options.sessions = sessions;
    options.seed = seed;
    options.now = now;
    auto server = std::make_unique<DemoServer>(options);
    if (!server->start(error))
        return nullptr;
    return server;
}

/// Puts the server back to normal (no faults, empty request log) and returns a client for it
/// that signs in with the staff key.
inline std::unique_ptr<ApiClient> freshStaffClient(QNetworkAccessManager &network,
                                                   DemoServer &server)
{
    server.faults().clear();
    server.clearRequestLog();
    auto client = std::make_unique<ApiClient>(&network);
    client->setBaseUrl(server.apiBaseUrl());
    client->setCredentials({server.staffApiKey(), {}});
    return client;
}

/// What one run of the command line printed and returned.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// This process's environment without credentials, so that a test passes them explicitly.
inline QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SESSIONSCOPE_API_KEY"));
    env.remove(QStringLiteral("SESSIONSCOPE_TOKEN"));
    return env;
}

/// Runs `program` and waits for it with the event loop turning: the server it talks to usually
/// lives in this process, and waitForFinished would starve it.
inline CliRun runProgram(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &env, const QString &workingDirectory = {},
                         int timeoutMs = 180000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!finished.wait(timeoutMs))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace TestSupport
