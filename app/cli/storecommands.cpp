#include "app/cli/storecommands.h"
#include "app/cli/commandenvironment.h"
#include "app/launch/exitcode.h"

#include <QCoreApplication>

namespace Cli {
namespace {
struct StoreCommand
{
    const char *name;
    int (*run)(CommandEnvironment &, const QStringList &);
};

constexpr StoreCommand StoreCommands[] = {
    {"search", &runSearch},
    {"tag", &runTag},
    {"note", &runNote},
};
} // namespace

QStringList storeCommandNames()
{
    QStringList names;
    for (const StoreCommand &c : StoreCommands)
        names.append(QString::fromLatin1(c.name));
    return names;
}

void nameApplication(const char *version)
{
    QCoreApplication::setApplicationName(QStringLiteral("sessionscope"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(version));
    QCoreApplication::setOrganizationName(QStringLiteral("Sessionscope"));
}

int runStoreCommand(QCoreApplication &app)
{
    CommandEnvironment env;
    const QStringList arguments = app.arguments();
    const QString name = arguments.value(1);
    for (const StoreCommand &c : StoreCommands) {
        if (name == QLatin1String(c.name))
            return c.run(env, arguments);
    }
    // `sessionscope` starts this program for these commands alone.
    env.err() << "sessionscope: this program runs "
              << storeCommandNames().join(QStringLiteral(", "))
              << "; every command is run by sessionscope (see sessionscope --help)." << Qt::endl;
    return Usage;
}

} // namespace Cli
