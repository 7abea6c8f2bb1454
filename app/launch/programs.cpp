#include "app/launch/programs.h"
#include "app/launch/exitcode.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace Programs {
namespace {
/// A path as long as the system allows, built in place.
struct Path
{
    char text[PATH_MAX] = {};
    bool ok = false;
};

/// The folder of this program's file, symbolic links resolved (so that a link to `sessionscope`
/// in ~/bin still finds the programs beside the real file), then `rest` after it.
Path inOwnFolder(const char *rest)
{
    Path path;
    const ssize_t length = ::readlink("/proc/self/exe", path.text, sizeof path.text);
    if (length <= 0 || size_t(length) >= sizeof path.text)
        return path;
    path.text[length] = '\0';
    char *slash = std::strrchr(path.text, '/');
    if (!slash)
        return path;
    const size_t folder = size_t(slash - path.text) + 1;
    const int written = std::snprintf(slash + 1, sizeof path.text - folder, "%s", rest);
    path.ok = written >= 0 && size_t(written) < sizeof path.text - folder;
    return path;
}
} // namespace

int exec(const Program &program, char **argv)
{
    char installed[PATH_MAX];
    std::snprintf(installed, sizeof installed, "%s/%s", SESSIONSCOPE_LIBEXEC_RELATIVE_DIR,
                  program.name);
    const Path paths[] = {inOwnFolder(program.name), inOwnFolder(installed)};
    for (const Path &path : paths) {
        if (!path.ok || ::access(path.text, X_OK) != 0)
            continue;
        // argv[0] is passed on unchanged: X11 names the window's class after it, and the
        // desktop entry's StartupWMClass=sessionscope expects that name.
        ::execv(path.text, argv);
        const int error = errno;
        std::fprintf(stderr, "sessionscope: cannot start %s (%s): %s\n", program.role, path.text,
                     std::strerror(error));
        return Cli::Usage;
    }
    std::fprintf(stderr, "sessionscope: %s %s is not installed", program.role, program.name);
    if (paths[0].ok && paths[1].ok)
        std::fprintf(stderr, " (looked for %s and %s)", paths[0].text, paths[1].text);
    std::fprintf(stderr, "; %s\n", program.ifMissing);
    return Cli::Usage;
}

} // namespace Programs
