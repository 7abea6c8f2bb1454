#include "app/cli/cli.h"
#include "api/apierror.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkProxyFactory>

#include <cstring>

namespace Cli {
namespace {
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(CliEnvironment &, const QStringList &);
};

constexpr Command Commands[] = {
    {"report", "print the server's totals for a filter", &runReport},
    {"export", "write every matching session as JSON lines or CSV", &runExport},
    {"sync", "copy sessions into a local database (SQLite or PostgreSQL), keep it current",
     &runSync},
    {"compare", "compare characters side by side over a range", &runCompare},
    {"search", "find words in every stored transcript", &runSearch},
    {"tag", "tag a stored session (local review data)", &runTag},
    {"note", "keep a note on a stored session (local review data)", &runNote},
};

int printTopLevelHelp(CliEnvironment &env)
{
    env.out() << "Usage: sessionscope [--demo] [--base-url URL] [--api-key KEY] [--token JWT] "
                 "[--session ID]\n"
                 "       sessionscope <command> [options]\n\n"
                 "Without a command, opens the window. Commands:\n";
    for (const Command &c : Commands)
        env.out() << "  " << QString::fromLatin1(c.name).leftJustified(10) << c.summary << '\n';
    env.out() << "\nExit codes: 0 ok, 2 usage, 3 authentication, 4 other API error, 5 network,\n"
                 "6 local file or database error.\n"
                 "'sessionscope <command> --help' describes each command.\n";
    return Ok;
}
} // namespace

bool isSubcommand(const char *argument)
{
    if (std::strcmp(argument, "help") == 0)
        return true;
    for (const Command &c : Commands) {
        if (std::strcmp(argument, c.name) == 0)
            return true;
    }
    return false;
}

int run(QCoreApplication &app)
{
    // The user's proxies, as every other program on the machine uses them (http_proxy,
    // https_proxy and no_proxy on Linux); --proxy overrides them for the API client.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    CliEnvironment env;
    const QStringList arguments = app.arguments();
    const QByteArray name = arguments.value(1).toUtf8();
    if (name == "--version") {
        env.out() << "sessionscope " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    for (const Command &c : Commands) {
        if (name == c.name)
            return c.run(env, arguments);
    }
    return printTopLevelHelp(env);
}

bool parseGuiOptions(const QStringList &arguments, LaunchOptions &options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sessionscope: browse, hear and cost the calls of your voice characters.\n"
                       "Commands for scripts: sessionscope report|export|sync|search --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    CliEnvironment::addConnectionOptions(parser);
    parser.addOption(
        {QStringLiteral("session"), QStringLiteral("Open this session."), QStringLiteral("ID")});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("Unknown command \"%1\"; see sessionscope --help.")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    options.sessionId = parser.value(QStringLiteral("session"));
    return CliEnvironment::readConnection(parser, options, error);
}

int exitCodeFor(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return Auth;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        return NetworkFailure;
    default:
        return ApiFailure;
    }
}

} // namespace Cli
