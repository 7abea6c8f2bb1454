#pragma once

#include <optional>

/// What a command line asks for, decided before any application object exists. Shared by the
/// command-line program and the window's program, so that both read a command line alike.
namespace Launch {

enum class Mode {
    UnknownCommand, ///< a first argument that is neither an option, a command nor a link
    Command,        ///< a subcommand, or --help or --version anywhere: no display needed
    Window,         ///< anything else opens the window
};

[[nodiscard]] Mode modeFor(int argc, char **argv);
/// Whether Qt can pick a platform that opens a window (QT_QPA_PLATFORM=offscreen included).
[[nodiscard]] bool hasDisplay();
/// Says that argv[1] is no command; returns the exit code (usage).
int reportUnknownCommand(char **argv);
/// Says that there is no display to open the window on; returns the exit code (usage).
int reportNoDisplay();
/// Runs a subcommand (or --help, --version) headless and returns the process exit code.
int runCommand(int argc, char **argv, const char *version);
/// What both programs do before any window: an unknown command or a missing display is said, a
/// command is run; each gives the process's exit code. Nothing when the window is to open.
[[nodiscard]] std::optional<int> runUnlessWindow(int argc, char **argv, const char *version);

} // namespace Launch
