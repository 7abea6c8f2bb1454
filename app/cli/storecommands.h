#pragma once

#include <QStringList>

class QCoreApplication;
class CommandEnvironment;

/// The subcommands that need only the store; both programs run them (see app/launch/programs.h).
namespace Cli {

int runSearch(CommandEnvironment &env, const QStringList &arguments);
int runTag(CommandEnvironment &env, const QStringList &arguments);
int runNote(CommandEnvironment &env, const QStringList &arguments);

/// The names of the commands above, as typed.
[[nodiscard]] QStringList storeCommandNames();
/// The application's name, organisation and version, which every program sets alike: the
/// default store's path is made from them.
void nameApplication(const char *version);
/// Runs the store's command that the application's arguments name; the process exit code.
int runStoreCommand(QCoreApplication &app);

} // namespace Cli
