#pragma once

#include "app/launchoptions.h"

#include <QStringList>

class QCoreApplication;
struct ApiError;

/// The headless half of Sessionscope: subcommands for the things users script.
namespace Cli {

enum ExitCode : int {
    Ok = 0,
    Usage = 2,
    Auth = 3,
    ApiFailure = 4,
    NetworkFailure = 5,
    LocalFailure = 6, ///< a local file or database could not be read or written
};

[[nodiscard]] bool isSubcommand(const char *argument);
/// Runs the subcommand named by the application's arguments and returns the process exit code.
int run(QCoreApplication &app);
/// Reads the window's options (--base-url, --api-key, --token, --demo, --session).
bool parseGuiOptions(const QStringList &arguments, LaunchOptions &options, QString *error);
[[nodiscard]] int exitCodeFor(const ApiError &error);

} // namespace Cli
