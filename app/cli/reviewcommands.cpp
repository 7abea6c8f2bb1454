#include "app/cli/commandenvironment.h"
#include "app/cli/storecommands.h"
#include "app/launch/exitcode.h"
#include "store/reviewstore.h"
#include "store/sessionstore.h"

namespace Cli {

namespace {
/// Parses, opens the store and checks that it holds the session; the exit code to stop with,
/// or nothing to go on.
std::optional<int> openFor(CommandEnvironment &env, QCommandLineParser &parser,
                           const QStringList &arguments, const QString &command,
                           SessionStore &store)
{
    parser.addHelpOption();
    CommandEnvironment::addDatabaseOption(parser);
    if (!parser.parse(arguments.mid(1)))
        return env.usageError(parser.errorText(), command);
    if (const auto done = env.answerHelp(parser, command))
        return done;
    if (parser.positionalArguments().isEmpty())
        return env.usageError(QStringLiteral("give a SESSION_ID."), command);
    StoreLocation location;
    QString error;
    if (!CommandEnvironment::readDatabase(parser, &location, &error))
        return env.usageError(error, command);
    if (!store.open(location, SessionStore::Access::Reader, &error)) {
        env.err() << "sessionscope " << command << ": " << error << Qt::endl;
        return LocalFailure;
    }
    const QString id = parser.positionalArguments().constFirst();
    if (!ReviewStore::hasSession(store, id))
        return env.usageError(
            QStringLiteral("the database holds no session %1 (sync it first?).").arg(id), command);
    return std::nullopt;
}
} // namespace

/// Local tags on a session, kept in the store and never sent to the API.
int runTag(CommandEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("tag");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tags a stored session (local review data, kept by every sync); without TAG, prints "
        "its tags."));
    parser.addPositionalArgument(QStringLiteral("SESSION_ID"), QStringLiteral("The session."));
    parser.addPositionalArgument(QStringLiteral("TAG"), QStringLiteral("Tags to add."),
                                 QStringLiteral("[TAG...]"));
    parser.addOption(
        {QStringLiteral("remove"), QStringLiteral("Remove the tags instead of adding them.")});
    SessionStore store;
    if (const auto stop = openFor(env, parser, arguments, command, store))
        return *stop;
    const QString id = parser.positionalArguments().constFirst();
    const QStringList tags = parser.positionalArguments().mid(1);
    QString error;
    const bool ok = tags.isEmpty() || (parser.isSet(QStringLiteral("remove"))
                                           ? ReviewStore::removeTags(store, id, tags, &error)
                                           : ReviewStore::addTags(store, id, tags, &error));
    if (!ok) {
        env.err() << "sessionscope tag: database error: " << error << Qt::endl;
        return LocalFailure;
    }
    env.out() << id << ": " << ReviewStore::tags(store, id).join(QStringLiteral(", ")) << '\n';
    return Ok;
}

/// A local note on a session; an empty TEXT removes it.
int runNote(CommandEnvironment &env, const QStringList &arguments)
{
    const QString command = QStringLiteral("note");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sets the note of a stored session (local review data, kept by every sync); \"\" "
        "removes it; without TEXT, prints it."));
    parser.addPositionalArgument(QStringLiteral("SESSION_ID"), QStringLiteral("The session."));
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("The note."),
                                 QStringLiteral("[TEXT]"));
    SessionStore store;
    if (const auto stop = openFor(env, parser, arguments, command, store))
        return *stop;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2)
        return env.usageError(QStringLiteral("quote the note: one TEXT."), command);
    const QString id = positional.constFirst();
    QString error;
    if (positional.size() == 2 && !ReviewStore::setNote(store, id, positional.at(1), &error)) {
        env.err() << "sessionscope note: database error: " << error << Qt::endl;
        return LocalFailure;
    }
    if (positional.size() == 1)
        env.out() << ReviewStore::note(store, id) << '\n';
    return Ok;
}

} // namespace Cli
