#pragma once

#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "app/launchoptions.h"
#include "store/storelocation.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

class DemoServer;

/// What every subcommand shares: the connection options, the client they produce, the output
/// streams, and a way to wait for one request (a command line may block; the window never does).
class CliEnvironment
{
public:
    CliEnvironment();
    ~CliEnvironment();
    Q_DISABLE_COPY_MOVE(CliEnvironment)

    /// The start of every subcommand that queries sessions: its description, --help, and the
    /// connection and filter options.
    static void setUpQueryCommand(QCommandLineParser &parser, const QString &description);
    /// Adds --base-url, --api-key, --token, --demo, --timeout, --proxy and --ca-certificate.
    static void addConnectionOptions(QCommandLineParser &parser);
    /// Adds --character, --tenant, --start, --end and --timezone.
    static void addFilterOptions(QCommandLineParser &parser);
    /// Adds --database PATH|URL (a SQLite file, or postgresql://user@host[:port]/db).
    static void addDatabaseOption(QCommandLineParser &parser);
    /// The store --database names; the default SQLite file without it.
    static bool readDatabase(const QCommandLineParser &parser, StoreLocation *location,
                             QString *error);
    static bool readConnection(const QCommandLineParser &parser, LaunchOptions &options,
                               QString *error);
    /// Date-only values are whole days in --timezone (default: this machine's zone).
    static bool readFilter(const QCommandLineParser &parser, UsageQuery &query, QString *error);

    /// Applies the timeout, proxy and CA options, starts the demo server when asked, then
    /// configures the client. False with a message (and the exit code it maps to) on failure.
    bool connect(const LaunchOptions &options, QString *error, int *failureCode = nullptr);

    /// What every subcommand does first: parse, answer --help, read the connection and filter
    /// options. Returns the exit code to stop with, or nothing when the command goes on.
    std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command, LaunchOptions &connection,
                                    UsageQuery &query);
    /// Prints the command's help when --help or --help-all was given, and returns Cli::Ok then.
    std::optional<int> answerHelp(const QCommandLineParser &parser, const QString &command);
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
    [[nodiscard]] QTextStream &out() { return m_out; }
    [[nodiscard]] QTextStream &err() { return m_err; }
    [[nodiscard]] bool stderrIsTerminal() const;
    /// Prints the error for a person and returns the exit code it maps to.
    int reportError(const ApiError &error);
    int usageError(const QString &message, const QString &command);

private:
    QNetworkAccessManager m_network;
    ApiClient m_client;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<DemoServer> m_demo;
};
