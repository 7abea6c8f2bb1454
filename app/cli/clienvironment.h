#pragma once

#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "app/cli/commandenvironment.h"
#include "app/launchoptions.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>

#include <functional>
#include <memory>
#include <optional>

class DemoServer;

/// What the subcommands that ask the server share: the connection options, the client they
/// produce, and a way to wait for one request (a command line may block; the window never does).
class CliEnvironment : public CommandEnvironment
{
public:
    CliEnvironment();
    ~CliEnvironment() override;
    Q_DISABLE_COPY_MOVE(CliEnvironment)

    /// The start of every subcommand that queries sessions: its description, --help, and the
    /// connection and filter options.
    static void setUpQueryCommand(QCommandLineParser &parser, const QString &description);
    /// Adds --base-url, --api-key, --token, --demo, --timeout, --proxy and --ca-certificate.
    static void addConnectionOptions(QCommandLineParser &parser);
    static bool readConnection(const QCommandLineParser &parser, LaunchOptions &options,
                               QString *error);

    /// Applies the timeout, proxy and CA options, starts the demo server when asked, then
    /// configures the client. False with a message (and the exit code it maps to) on failure.
    bool connect(const LaunchOptions &options, QString *error, int *failureCode = nullptr);

    /// What every subcommand does first: parse, answer --help, read the connection and filter
    /// options. Returns the exit code to stop with, or nothing when the command goes on.
    std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command, LaunchOptions &connection,
                                    UsageQuery &query);
    /// connect(), with the failure printed for `command`; the exit code on failure.
    std::optional<int> connectFor(const LaunchOptions &connection, const QString &command);
    /// Every session of `query` once, or an error: see UsageCollector for the recovery rule.
    /// `onPage` may return a message to stop with, for a local failure (a file, a database),
    /// which ends the command with Cli::LocalFailure. Progress goes to standard error when it
    /// is a terminal.
    using PageSink = std::function<QString(const QList<SessionSummary> &)>;
    std::optional<int> collectAll(UsageQuery query, int parallel, const QString &command,
                                  const PageSink &onPage, CollectionSummary *summary);

    template<typename T, typename Start> Result<T> wait(Start &&start)
    {
        std::optional<Result<T>> result;
        QEventLoop loop;
        start(m_client, &loop, [&](Result<T> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        return std::move(*result);
    }

    [[nodiscard]] ApiClient &client() { return m_client; }
    /// Prints the error for a person and returns the exit code it maps to.
    int reportError(const ApiError &error);

private:
    QNetworkAccessManager m_network;
    ApiClient m_client;
    std::unique_ptr<DemoServer> m_demo;
};
