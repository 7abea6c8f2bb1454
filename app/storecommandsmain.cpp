// sessionscope-store-commands: search, tag and note, the commands that need only the store. It
// links no network library (QtCore, QtSql and SQLite), so that a search starts in about half the
// time the program of every command needs. `sessionscope` starts it for these commands.
#include "app/cli/storecommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Cli::nameApplication(SESSIONSCOPE_VERSION);
    return Cli::runStoreCommand(app);
}
