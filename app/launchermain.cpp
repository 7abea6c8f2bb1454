// sessionscope: reads the first argument and replaces itself with the program that does the work
// (see app/launch/programs.h). It links nothing but the C and C++ runtimes, so that choosing costs
// well under a millisecond and each program loads only the libraries it needs.
#include "app/launch/launch.h"
#include "app/launch/programs.h"

int main(int argc, char **argv)
{
    // Command line or window is decided here: a typo must never start the window, and the
    // window's program is only started where it can open one.
    switch (Launch::modeFor(argc, argv)) {
    case Launch::Mode::UnknownCommand:
        return Launch::reportUnknownCommand(argv);
    case Launch::Mode::Command:
        return Programs::exec(
            Launch::isStoreCommand(argv[1]) ? Programs::StoreCommands : Programs::Commands, argv);
    case Launch::Mode::Window:
        break;
    }
    if (!Launch::hasDisplay())
        return Launch::reportNoDisplay();
    return Programs::exec(Programs::Window, argv);
}
