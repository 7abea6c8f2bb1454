#pragma once

#include <string>
#include <vector>

/// The window is a program of its own (sessionscope-window), so that the command line loads no
/// GUI library: `sessionscope` with no command hands its arguments over to it.
namespace WindowProgram {

/// Where the window's program may be, in the order tried: beside this program (the build tree, or
/// a folder that holds both), then the install's libexec folder, found relative to this program
/// so that a package installed under any prefix finds it.
[[nodiscard]] std::vector<std::string> candidates();
/// Replaces this process with the window's program, given the same arguments (argv[0] included)
/// and environment.
/// Returns only when it could not (after saying why on stderr), with the exit code (usage).
int exec(char **argv);

} // namespace WindowProgram
