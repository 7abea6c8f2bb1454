#include "app/cli/launch.h"
#include "app/cli/cli.h"
#include "reports/sessionlink.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace Launch {
namespace {
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

Mode modeFor(int argc, char **argv)
{
    // A sessionscope: link is what the desktop hands over when a link is clicked (Exec=sessionscope
    // %u); the window's option parser reads it.
    if (argc > 1 && argv[1][0] != '-' && !Cli::isSubcommand(argv[1]) &&
        !SessionLinks::isLink(QString::fromLocal8Bit(argv[1])))
        return Mode::UnknownCommand;
    // A subcommand runs headless, with no display needed; so do --help and --version, which
    // must work over ssh too.
    if (argc > 1 && (Cli::isSubcommand(argv[1]) || asksForHelpOrVersion(argc, argv)))
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

int runCommand(int argc, char **argv, const char *version)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sessionscope"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version));
    QCoreApplication::setOrganizationName(QStringLiteral("Sessionscope"));
    return Cli::run(app); // honours the system's proxies itself
}

std::optional<int> runUnlessWindow(int argc, char **argv, const char *version)
{
    switch (modeFor(argc, argv)) {
    case Mode::UnknownCommand:
        return reportUnknownCommand(argv);
    case Mode::Command:
        return runCommand(argc, argv, version);
    case Mode::Window:
        break;
    }
    if (!hasDisplay())
        return reportNoDisplay();
    return std::nullopt;
}

} // namespace Launch
