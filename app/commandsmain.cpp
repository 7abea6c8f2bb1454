// sessionscope-commands: every command. `sessionscope` starts it for any command but search, tag
// and note; run directly, it reads a command line as `sessionscope` does.
#include "app/cli/cli.h"
#include "app/launch/programs.h"

int main(int argc, char **argv)
{
    if (const auto exitCode = Cli::runUnlessWindow(argc, argv, SESSIONSCOPE_VERSION))
        return *exitCode;
    return Programs::exec(Programs::Window, argv);
}
