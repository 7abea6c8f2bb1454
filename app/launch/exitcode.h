#pragma once

/// The exit codes of every Sessionscope program, as `sessionscope --help` lists them.
namespace Cli {

enum ExitCode : int {
    Ok = 0,
    Usage = 2,
    Auth = 3,
    ApiFailure = 4,
    NetworkFailure = 5,
    LocalFailure = 6, ///< a local file or database could not be read or written
};

} // namespace Cli
