#include "app/cli/windowprogram.h"
#include "app/cli/cli.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace WindowProgram {
namespace {
constexpr const char *Name = "sessionscope-window";

/// The folder of this program's file, symbolic links resolved (so that a link to the program in
/// ~/bin still finds the window beside the real file).
std::string ownFolder()
{
    std::string path(4096, '\0');
    const ssize_t length = ::readlink("/proc/self/exe", path.data(), path.size());
    if (length <= 0 || size_t(length) >= path.size())
        return {};
    path.resize(size_t(length));
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}
} // namespace

std::vector<std::string> candidates()
{
    const std::string folder = ownFolder();
    if (folder.empty())
        return {};
    return {folder + '/' + Name, folder + '/' + SESSIONSCOPE_WINDOW_RELATIVE_DIR + '/' + Name};
}

int exec(char **argv)
{
    const std::vector<std::string> paths = candidates();
    for (const std::string &path : paths) {
        if (::access(path.c_str(), X_OK) != 0)
            continue;
        // argv[0] is passed on unchanged too: X11 names the window's class after it, and the
        // desktop entry's StartupWMClass=sessionscope expects that name.
        ::execv(path.c_str(), argv);
        const int error = errno;
        std::fprintf(stderr, "sessionscope: cannot start the window (%s): %s\n", path.c_str(),
                     std::strerror(error));
        return Cli::Usage;
    }
    std::fprintf(stderr, "sessionscope: the window's program %s is not installed", Name);
    if (!paths.empty())
        std::fprintf(stderr, " (looked for %s and %s)", paths[0].c_str(), paths[1].c_str());
    std::fputs("; the commands work without it (sessionscope --help)\n", stderr);
    return Cli::Usage;
}

} // namespace WindowProgram
