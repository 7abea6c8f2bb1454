#include "app/cli/cli.h"
#include "app/gui/aboutbox.h"
#include "app/gui/guiapp.h"
#include "reports/sessionlink.h"

#include <QApplication>
#include <QCoreApplication>
#include <QNetworkProxyFactory>

#include <cstdio>
#include <cstdlib>
#include <cstring>

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

} // namespace

int main(int argc, char **argv)
{
    // Command line or window is decided before any application object exists: a QApplication
    // without a display aborts, so a typo must never get that far.
    // A sessionscope: link is what the desktop hands over when a link is clicked (Exec=sessionscope
    // %u); the window's option parser reads it.
    if (argc > 1 && argv[1][0] != '-' && !Cli::isSubcommand(argv[1]) &&
        !SessionLinks::isLink(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "sessionscope: unknown command \"%s\"; see sessionscope --help.\n",
                     argv[1]);
        return Cli::Usage;
    }
    // A subcommand runs headless, with no display needed; so do --help and --version, which
    // must work over ssh too. Anything else opens the window.
    if (argc > 1 && (Cli::isSubcommand(argv[1]) || asksForHelpOrVersion(argc, argv))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("sessionscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
        QCoreApplication::setOrganizationName(QStringLiteral("Sessionscope"));
        return Cli::run(app); // honours the system's proxies itself
    }
    if (!hasDisplay()) {
        std::fputs("sessionscope: no display to open the window on; set DISPLAY, or use a "
                   "command (sessionscope --help)\n",
                   stderr);
        return Cli::Usage;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sessionscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sessionscope"));
    QApplication::setOrganizationName(QStringLiteral("Sessionscope"));
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
    // The desktop entry's name, so that Wayland compositors match the window to its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(SESSIONSCOPE_APP_ID));
    QApplication::setWindowIcon(AboutBox::applicationIcon());
    // The user's proxies (http_proxy, https_proxy, no_proxy on Linux); --proxy or the
    // connection dialog override them for the API client.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    LaunchOptions options;
    QString error;
    if (!Cli::parseGuiOptions(app.arguments(), options, &error)) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        return 2;
    }
    return runGui(app, options);
}
