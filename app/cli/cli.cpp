#include "app/cli/cli.h"
#include "api/apierror.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "app/cli/storecommands.h"
#include "app/launch/launch.h"
#include "reports/sessionlink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QRegularExpression>

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
    // The store's commands need no network: `sessionscope` runs them in a program of their own
    // (app/launch/programs.h); this table runs them when this program is started directly.
    {"search", "find words in every stored transcript",
     [](CliEnvironment &env, const QStringList &arguments) {
         return runSearch(env, arguments);
     }},
    {"tag", "tag a stored session (local review data)",
     [](CliEnvironment &env, const QStringList &arguments) {
         return runTag(env, arguments);
     }},
    {"note", "keep a note on a stored session (local review data)",
     [](CliEnvironment &env, const QStringList &arguments) {
         return runNote(env, arguments);
     }},
};

/// The window's options. The same parser reads them and prints them, so --help cannot leave one
/// out; help and version are answered before any window exists (see main.cpp).
void setUpWindowParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Sessionscope: browse, hear and cost the calls of your voice characters.\n"
                       "Without a command, opens the window."));
    parser.addOptions({
        {{QStringLiteral("h"), QStringLiteral("help")},
         QStringLiteral("Show this help; 'sessionscope COMMAND --help' describes a command.")},
        {QStringLiteral("version"), QStringLiteral("Show the version.")},
    });
    CliEnvironment::addConnectionOptions(parser);
    parser.addOption(
        {QStringLiteral("session"), QStringLiteral("Open this session."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Open the window on this store (a SQLite file or a "
                                     "postgresql:// URL) without connecting to a server."),
                      QStringLiteral("PATH|URL")});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QStringLiteral("A session link, sessionscope://session/ID?server=URL: opens that session "
                       "on that server, as --session ID --base-url URL do."),
        QStringLiteral("[LINK]"));
}

int printTopLevelHelp(CliEnvironment &env)
{
    QCommandLineParser parser;
    setUpWindowParser(parser);
    QString help = parser.helpText();
    help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+([^\n]*)\n")),
                 QStringLiteral("Usage: sessionscope\\1\n       sessionscope COMMAND [options]\n"));
    env.out() << help << "\nCommands:\n";
    for (const Command &c : Commands)
        env.out() << "  " << QString::fromLatin1(c.name).leftJustified(10) << c.summary << '\n';
    env.out() << "  " << QStringLiteral("help").leftJustified(10) << "show this help\n"
              << "\nEnvironment: SESSIONSCOPE_API_KEY, SESSIONSCOPE_TOKEN (instead of --api-key,\n"
                 "--token); http_proxy, https_proxy, no_proxy (unless --proxy is given).\n"
                 "\nExit codes: 0 ok, 2 usage, 3 authentication, 4 other API error, 5 network,\n"
                 "6 local file or database error.\n";
    return Ok;
}
} // namespace

QStringList commandNames()
{
    QStringList names;
    for (const Command &c : Commands)
        names.append(QString::fromLatin1(c.name));
    names.append(QStringLiteral("help"));
    return names;
}

int run(QCoreApplication &app)
{
    // The user's proxies, as every other program on the machine uses them (http_proxy,
    // https_proxy and no_proxy on Linux); --proxy overrides them for the API client.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    CliEnvironment env;
    const QStringList arguments = app.arguments();
    const QByteArray name = arguments.value(1).toUtf8();
    // --version anywhere before a command, as in "sessionscope --demo --version".
    if (!Launch::isCommand(name.constData()) && arguments.contains(QStringLiteral("--version"))) {
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
    setUpWindowParser(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && !SessionLinks::isLink(positional[0]))) {
        *error = QStringLiteral("Unknown command \"%1\"; see sessionscope --help.")
                     .arg(positional.constFirst());
        return false;
    }
    if (!CliEnvironment::readConnection(parser, options, error))
        return false;
    options.sessionId = parser.value(QStringLiteral("session"));
    const QStringList databases = parser.values(QStringLiteral("database"));
    if (databases.size() > 1) {
        *error = QStringLiteral("--database is given twice.");
        return false;
    }
    if (!databases.isEmpty() &&
        (databases.first().isEmpty() || databases.first().startsWith(u'-'))) {
        *error = QStringLiteral("--database needs a SQLite file or a postgresql:// URL.");
        return false;
    }
    options.database = databases.value(0);
    if (positional.isEmpty())
        return true;
    const auto link = SessionLinks::parse(positional[0], error);
    if (!link)
        return false;
    if (parser.isSet(QStringLiteral("session"))) {
        *error = QStringLiteral("Give a session link or --session, not both.");
        return false;
    }
    options.sessionId = link->sessionId;
    if (link->server.isEmpty())
        return true;
    if (parser.isSet(QStringLiteral("base-url")) || options.demo) {
        *error = QStringLiteral("The link names its server: give it without --base-url or --demo.");
        return false;
    }
    options.baseUrl = link->server;
    // A key or token in the environment belongs to the server the user set up; the link's server
    // was chosen by whoever wrote the link, so it gets only what the keychain holds for it (or
    // what the user types into the connection dialog).
    if (!parser.isSet(QStringLiteral("api-key")))
        options.apiKey.clear();
    if (!parser.isSet(QStringLiteral("token")))
        options.token.clear();
    return true;
}

std::optional<int> runUnlessWindow(int argc, char **argv, const char *version)
{
    switch (Launch::modeFor(argc, argv)) {
    case Launch::Mode::UnknownCommand:
        return Launch::reportUnknownCommand(argv);
    case Launch::Mode::Command: {
        QCoreApplication app(argc, argv);
        nameApplication(version);
        return run(app); // honours the system's proxies itself
    }
    case Launch::Mode::Window:
        break;
    }
    if (!Launch::hasDisplay())
        return Launch::reportNoDisplay();
    return std::nullopt;
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
