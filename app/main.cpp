// sessionscope: the command line. It links no GUI module, so that a command starts fast; asked for
// the window, it hands over to sessionscope-window.
#include "app/cli/launch.h"
#include "app/cli/windowprogram.h"

int main(int argc, char **argv)
{
    // Command line or window is decided before any application object exists: a typo must never
    // start the window, and the window's program is only started where it can open one.
    if (const auto exitCode = Launch::runUnlessWindow(argc, argv, SESSIONSCOPE_VERSION))
        return *exitCode;
    return WindowProgram::exec(argv);
}
