#pragma once

#include "app/launch/exitcode.h"
#include "app/launchoptions.h"

#include <QStringList>

#include <optional>

class QCoreApplication;
struct ApiError;

/// The headless half of Sessionscope: subcommands for the things users script.
namespace Cli {

/// The names of the subcommands, as typed.
[[nodiscard]] QStringList commandNames();
/// Runs the subcommand named by the application's arguments and returns the process exit code.
int run(QCoreApplication &app);
/// What the programs of the commands and of the window do before any window: an unknown command
/// or a missing display is said, a command (or --help, --version) is run headless; each gives the
/// process's exit code. Nothing when the window is to open.
[[nodiscard]] std::optional<int> runUnlessWindow(int argc, char **argv, const char *version);
/// Reads the window's options (--base-url, --api-key, --token, --demo, --session).
bool parseGuiOptions(const QStringList &arguments, LaunchOptions &options, QString *error);
[[nodiscard]] int exitCodeFor(const ApiError &error);

} // namespace Cli
