// sessionscope-window: the window. `sessionscope` starts it with its own arguments; run directly
// it reads a command line as `sessionscope` does (a command or --help still runs headless).
#include "app/cli/cli.h"
#include "app/gui/aboutbox.h"
#include "app/gui/guiapp.h"

#include <QApplication>
#include <QNetworkProxyFactory>

#include <cstdio>

int main(int argc, char **argv)
{
    // A QApplication without a display aborts, so this is decided before one exists.
    if (const auto exitCode = Cli::runUnlessWindow(argc, argv, SESSIONSCOPE_VERSION))
        return *exitCode;
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
        return Cli::Usage;
    }
    return runGui(app, options);
}
