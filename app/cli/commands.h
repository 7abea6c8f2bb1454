#pragma once

#include <QStringList>

class QCommandLineParser;
struct UsageQuery;

class CliEnvironment;

/// One function per subcommand that asks the server (those that need only the store are in
/// storecommands.h); `arguments` starts with the program name and the subcommand.
namespace Cli {
int runReport(CliEnvironment &env, const QStringList &arguments);
int runExport(CliEnvironment &env, const QStringList &arguments);
int runSync(CliEnvironment &env, const QStringList &arguments);
int runCompare(CliEnvironment &env, const QStringList &arguments);
/// `report --day`: one character's day beside the day before, with its top sessions and hours.
int runDailyReport(CliEnvironment &env, const QCommandLineParser &parser, const UsageQuery &query,
                   const QString &format);
} // namespace Cli
