#include "cli/cli.h"
#include "gui/guiapp.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>

int main(int argc, char **argv)
{
    // A subcommand runs headless, with no display needed; so do --help and --version, which
    // must work over ssh too. Anything else opens the window.
    const bool headless =
        argc > 1 && (Cli::isSubcommand(argv[1]) || std::strcmp(argv[1], "--help") == 0 ||
                     std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--version") == 0);
    if (headless) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("sessionscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
        QCoreApplication::setOrganizationName(QStringLiteral("Sessionscope"));
        return Cli::run(app);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sessionscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sessionscope"));
    QApplication::setOrganizationName(QStringLiteral("Sessionscope"));
    QApplication::setApplicationVersion(QStringLiteral(SESSIONSCOPE_VERSION));
    LaunchOptions options;
    QString error;
    if (!Cli::parseGuiOptions(app.arguments(), options, &error)) {
        std::fputs(qPrintable(error + QLatin1Char('\n')), stderr);
        return 2;
    }
    return runGui(app, options);
}
