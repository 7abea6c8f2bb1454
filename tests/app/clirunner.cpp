// The command line without the window: what `sessionscope <command>` runs, for testing the
// analytics commands end to end before (or without) the GUI executable.

#include "cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sessionscope"));
    return Cli::run(app);
}
