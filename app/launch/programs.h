#pragma once

/// Sessionscope is four programs, so that each loads only the libraries its work needs:
/// `sessionscope` (the one users run) reads the first argument and replaces itself with
///  - sessionscope-window: the window (Qt Widgets, Charts, Multimedia, the keychain);
///  - sessionscope-commands: every command (QtCore, QtNetwork, QtSql; QtHttpServer for --demo);
///  - sessionscope-store-commands: search, tag and note, which need only the store (QtCore and
///    QtSql).
/// The three are found beside `sessionscope` (the build tree, or a folder that holds them all),
/// then in the install's libexec folder, relative to `sessionscope`, so that a package installed
/// under any prefix finds them. Written against the C library alone: the launcher loads nothing
/// else (not even the C++ library), since every command pays for what it loads.
namespace Programs {

struct Program
{
    const char *name;
    const char *role;      ///< in messages: "the window's program"
    const char *ifMissing; ///< what a user can do when it is not installed
};

inline constexpr Program Window{"sessionscope-window", "the window's program",
                                "the commands work without it (sessionscope --help)"};
inline constexpr Program Commands{"sessionscope-commands", "the commands' program",
                                  "reinstall Sessionscope"};
inline constexpr Program StoreCommands{
    "sessionscope-store-commands", "the program of search, tag and note", "reinstall Sessionscope"};

/// Replaces this process with `program`, given the same arguments (argv[0] included) and
/// environment. Returns only when it could not (after saying why on stderr), with the exit code
/// (usage).
int exec(const Program &program, char **argv);

} // namespace Programs
