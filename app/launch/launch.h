#pragma once

/// What a command line asks for, decided from its arguments alone, before any library beyond
/// the C library is loaded: `sessionscope` reads them to choose the program that does the work,
/// and the programs read them alike when run directly. Nothing here uses Qt.
namespace Launch {

enum class Mode {
    UnknownCommand, ///< a first argument that is neither an option, a command nor a link
    Command,        ///< a subcommand, or --help or --version anywhere: no display needed
    Window,         ///< anything else opens the window
};

/// `argument` names a subcommand ("help" included).
[[nodiscard]] bool isCommand(const char *argument);
/// `argument` names a subcommand that needs only the store (search, tag, note): these run in a
/// program that loads no network library, so that they start in half the time.
[[nodiscard]] bool isStoreCommand(const char *argument);
/// A sessionscope: link, which the desktop hands over when one is clicked; the window's option
/// parser checks the rest of it.
[[nodiscard]] bool isSessionLink(const char *argument);
[[nodiscard]] Mode modeFor(int argc, char **argv);
/// Whether Qt can pick a platform that opens a window (QT_QPA_PLATFORM=offscreen included).
[[nodiscard]] bool hasDisplay();
/// Says that argv[1] is no command; returns the exit code (usage).
int reportUnknownCommand(char **argv);
/// Says that there is no display to open the window on; returns the exit code (usage).
int reportNoDisplay();

} // namespace Launch
