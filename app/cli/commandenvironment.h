#pragma once

#include "api/usagequery.h"
#include "store/storelocation.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <optional>

/// What every subcommand shares, the ones that need only the store included: the output streams,
/// the filter and database options, help and usage errors. It knows no network, so that search,
/// tag and note run in a program that loads no network library (see app/launch/programs.h);
/// CliEnvironment adds the client for the rest.
class CommandEnvironment
{
public:
    CommandEnvironment();
    virtual ~CommandEnvironment();
    Q_DISABLE_COPY_MOVE(CommandEnvironment)

    /// Adds --character, --tenant, --start, --end and --timezone.
    static void addFilterOptions(QCommandLineParser &parser);
    /// Adds --database PATH|URL (a SQLite file, or postgresql://user@host[:port]/db).
    static void addDatabaseOption(QCommandLineParser &parser);
    /// The store --database names; the default SQLite file without it.
    static bool readDatabase(const QCommandLineParser &parser, StoreLocation *location,
                             QString *error);
    /// Date-only values are whole days in --timezone (default: this machine's zone).
    static bool readFilter(const QCommandLineParser &parser, UsageQuery &query, QString *error);

    /// Prints the command's help when --help or --help-all was given, and returns Cli::Ok then.
    std::optional<int> answerHelp(const QCommandLineParser &parser, const QString &command);

    [[nodiscard]] QTextStream &out() { return m_out; }
    [[nodiscard]] QTextStream &err() { return m_err; }
    [[nodiscard]] bool stderrIsTerminal() const;
    int usageError(const QString &message, const QString &command);

private:
    QTextStream m_out;
    QTextStream m_err;
};
