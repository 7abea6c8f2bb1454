#include "app/launch/launch.h"
#include "app/launch/exitcode.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <strings.h>

namespace Launch {
namespace {
/// The subcommands. The command line's own table (app/cli/cli.cpp) holds the same names, with
/// what runs them; a test checks that the two agree.
constexpr const char *Commands[] = {"report", "export", "sync", "compare",
                                    "search", "tag",    "note", "help"};
constexpr const char *StoreCommands[] = {"search", "tag", "note"};

template<size_t N> bool among(const char *argument, const char *const (&names)[N])
{
    for (const char *name : names) {
        if (std::strcmp(argument, name) == 0)
            return true;
    }
    return false;
}

bool isHeadlessOption(const char *argument)
{
    return std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0 ||
           std::strcmp(argument, "--version") == 0;
}

/// --help or --version anywhere among the window's options ("sessionscope --demo --help").
bool asksForHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (isHeadlessOption(argv[i]))
            return true;
    }
    return false;
}
} // namespace

bool isCommand(const char *argument)
{
    return among(argument, Commands);
}

bool isStoreCommand(const char *argument)
{
    return among(argument, StoreCommands);
}

bool isSessionLink(const char *argument)
{
    return ::strncasecmp(argument, "sessionscope:", 13) == 0;
}

Mode modeFor(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] != '-' && !isCommand(argv[1]) && !isSessionLink(argv[1]))
        return Mode::UnknownCommand;
    // A subcommand runs headless, with no display needed; so do --help and --version, which
    // must work over ssh too.
    if (argc > 1 && (isCommand(argv[1]) || asksForHelpOrVersion(argc, argv)))
        return Mode::Command;
    return Mode::Window;
}

bool hasDisplay()
{
    // Any of these lets Qt pick a platform that can open a window (QT_QPA_PLATFORM=offscreen
    // included); without them the xcb plugin would abort the process.
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        const char *value = std::getenv(name);
        if (value && *value)
            return true;
    }
    return false;
}

int reportUnknownCommand(char **argv)
{
    std::fprintf(stderr, "sessionscope: unknown command \"%s\"; see sessionscope --help.\n",
                 argv[1]);
    return Cli::Usage;
}

int reportNoDisplay()
{
    std::fputs("sessionscope: no display to open the window on; set DISPLAY, or use a "
               "command (sessionscope --help)\n",
               stderr);
    return Cli::Usage;
}

} // namespace Launch
