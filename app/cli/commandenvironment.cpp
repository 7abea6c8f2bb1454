#include "app/cli/commandenvironment.h"
#include "app/launch/exitcode.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>
#include <unistd.h>

namespace {
/// A date-only value names a whole day in `zone`; anything else must be a full ISO date-time.
std::optional<qint64> readBound(const QString &text, const QTimeZone &zone, bool isEnd)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (text.size() == 10 && day.isValid()) {
        const UtcRange range = UtcRange::forDays(day, day, zone);
        return isEnd ? range.endMicros : range.startMicros;
    }
    return parseIsoDateTime(QStringView(text));
}
} // namespace

CommandEnvironment::CommandEnvironment()
    : m_out(stdout)
    , m_err(stderr)
{}

CommandEnvironment::~CommandEnvironment()
{
    m_out.flush();
    m_err.flush();
}

void CommandEnvironment::addFilterOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("character"), QStringLiteral("Only this character's sessions."),
         QStringLiteral("SLUG")},
        {QStringLiteral("tenant"), QStringLiteral("Only this tenant's sessions."),
         QStringLiteral("ID")},
        {QStringLiteral("start"),
         QStringLiteral("From this instant (ISO-8601, inclusive); a date alone means the start of "
                        "that day."),
         QStringLiteral("ISO")},
        {QStringLiteral("end"),
         QStringLiteral("Up to this instant (inclusive); a date alone means the end of that day."),
         QStringLiteral("ISO")},
        {QStringLiteral("timezone"),
         QStringLiteral("Zone of date-only values, e.g. Europe/Berlin or UTC (default: local)."),
         QStringLiteral("ZONE")},
    });
}

void CommandEnvironment::addDatabaseOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("The store: a SQLite file, or "
                                     "postgresql://user[:password]@host[:port]/database (default "
                                     "%1).")
                          .arg(StoreLocation::defaultSqlitePath()),
                      QStringLiteral("PATH|URL")});
}

bool CommandEnvironment::readDatabase(const QCommandLineParser &parser, StoreLocation *location,
                                      QString *error)
{
    return StoreLocation::parse(parser.value(QStringLiteral("database")), location, error);
}

bool CommandEnvironment::readFilter(const QCommandLineParser &parser, UsageQuery &query,
                                    QString *error)
{
    query.characterSlug = parser.value(QStringLiteral("character"));
    query.tenantId = parser.value(QStringLiteral("tenant"));
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (parser.isSet(QStringLiteral("timezone"))) {
        zone = QTimeZone(parser.value(QStringLiteral("timezone")).toUtf8());
        if (!zone.isValid()) {
            *error = QStringLiteral("Unknown time zone \"%1\".")
                         .arg(parser.value(QStringLiteral("timezone")));
            return false;
        }
    }
    for (const bool isEnd : {false, true}) {
        const QString name = isEnd ? QStringLiteral("end") : QStringLiteral("start");
        if (!parser.isSet(name))
            continue;
        const auto bound = readBound(parser.value(name), zone, isEnd);
        if (!bound) {
            *error = QStringLiteral("--%1 \"%2\" is not an ISO-8601 date or date-time (for example "
                                    "2026-05-01 or 2026-05-01T00:00:00Z).")
                         .arg(name, parser.value(name));
            return false;
        }
        (isEnd ? query.range.endMicros : query.range.startMicros) = *bound;
    }
    if (query.range.startMicros && query.range.endMicros &&
        *query.range.startMicros > *query.range.endMicros) {
        *error = QStringLiteral("--start is after --end.");
        return false;
    }
    return true;
}

std::optional<int> CommandEnvironment::answerHelp(const QCommandLineParser &parser,
                                                  const QString &command)
{
    // --help-all is listed by addHelpOption(); Qt's own options do not apply to a command, so it
    // prints the same help rather than being ignored while the command runs.
    if (!parser.isSet(QStringLiteral("help")) && !parser.isSet(QStringLiteral("help-all")))
        return std::nullopt;
    QString help = parser.helpText();
    help.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                 QStringLiteral("Usage: sessionscope ") + command);
    m_out << help;
    return Cli::Ok;
}

bool CommandEnvironment::stderrIsTerminal() const
{
    return ::isatty(STDERR_FILENO) == 1;
}

int CommandEnvironment::usageError(const QString &message, const QString &command)
{
    m_err << "sessionscope " << command << ": " << message << Qt::endl;
    m_err << "Try 'sessionscope " << command << " --help'." << Qt::endl;
    return Cli::Usage;
}
