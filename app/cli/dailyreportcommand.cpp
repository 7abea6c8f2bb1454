#include "app/cli/cli.h"
#include "app/cli/clienvironment.h"
#include "app/cli/commands.h"
#include "reports/dailyreportbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString percentText(const std::optional<double> &percent)
{
    if (!percent)
        return QStringLiteral("n/a");
    return (*percent > 0 ? QStringLiteral("+") : QString()) + QString::number(*percent, 'f', 1) +
           QStringLiteral(" %");
}

QString durationText(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString localTime(const QDateTime &instant, const QTimeZone &zone)
{
    return instant.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void printSessions(QTextStream &out, const char *title, const QList<SessionBrief> &sessions,
                   const QTimeZone &zone)
{
    out << '\n' << title << ":\n";
    if (sessions.isEmpty())
        out << "  (none)\n";
    for (const SessionBrief &s : sessions)
        out << "  " << s.sessionId.leftJustified(22) << localTime(s.createdAt, zone) << "  "
            << s.cost.toDisplayString().rightJustified(9) << "  "
            << durationText(s.durationSeconds).rightJustified(13) << "  " << s.turnCount
            << " turns\n";
}

void printText(QTextStream &out, const DailyReport &r, const QString &label)
{
    out << "Report for " << r.characterSlug << ", " << label << " ("
        << QString::fromUtf8(r.zone.id()) << ")\n";
    out << "Period:          " << formatIsoUtc(*r.range.startMicros) << " to "
        << formatIsoUtc(*r.range.endMicros) << '\n';
    out << "Previous period: " << formatIsoUtc(*r.previousRange.startMicros) << " to "
        << formatIsoUtc(*r.previousRange.endMicros) << "\n\n";
    out << QString().leftJustified(24) << QStringLiteral("This period").rightJustified(16)
        << QStringLiteral("Previous").rightJustified(16)
        << QStringLiteral("Change").rightJustified(16) << QStringLiteral("%").rightJustified(10)
        << '\n';
    for (const DailyReport::Change &c : r.changes())
        out << c.name.leftJustified(24) << c.currentText.rightJustified(16)
            << c.previousText.rightJustified(16) << c.absoluteText.rightJustified(16)
            << percentText(c.percent).rightJustified(10) << '\n';
    printSessions(out, "Costliest sessions", r.costliest, r.zone);
    printSessions(out, "Longest sessions", r.longest, r.zone);
    out << "\nSessions per hour (local):\n";
    qint64 peak = 1;
    for (const DayFigures &h : r.hours)
        peak = qMax(peak, h.sessions);
    for (int hour = 0; hour < 24; ++hour) {
        const DayFigures &h = r.hours.at(hour);
        out << "  " << QString::number(hour).rightJustified(2, QLatin1Char('0')) << ":00 "
            << QString::number(h.sessions).rightJustified(5) << "  "
            << h.cost.toDisplayString().rightJustified(9) << "  "
            << QString(int(h.sessions * 40 / peak), QLatin1Char('#')) << '\n';
    }
}

QJsonArray sessionsJson(const QList<SessionBrief> &sessions)
{
    QJsonArray out;
    for (const SessionBrief &s : sessions)
        out.append(QJsonObject{
            {QStringLiteral("session_id"), s.sessionId},
            {QStringLiteral("created_at"), formatIsoUtc(s.createdAt.toMSecsSinceEpoch() * 1000)},
            {QStringLiteral("duration_seconds"), s.durationSeconds},
            {QStringLiteral("turn_count"), s.turnCount},
            {QStringLiteral("estimated_cost_usd"), s.cost.toDecimalString()},
        });
    return out;
}

void printJson(QTextStream &out, const DailyReport &r)
{
    QJsonObject totals;
    for (const DailyReport::Change &c : r.changes()) {
        const bool money = c.key.endsWith(QStringLiteral("_usd"));
        const auto number = [&](const QString &text, double value) {
            return money ? QJsonValue(text) : QJsonValue(value);
        };
        totals.insert(c.key, QJsonObject{
                                 {QStringLiteral("current"), number(c.currentText, c.current)},
                                 {QStringLiteral("previous"), number(c.previousText, c.previous)},
                                 {QStringLiteral("change"), number(c.absoluteText, c.absolute)},
                                 {QStringLiteral("percent_change"),
                                  c.percent ? QJsonValue(*c.percent) : QJsonValue()},
                             });
    }
    QJsonArray hours;
    for (int hour = 0; hour < 24; ++hour)
        hours.append(QJsonObject{
            {QStringLiteral("hour"), hour},
            {QStringLiteral("sessions"), r.hours.at(hour).sessions},
            {QStringLiteral("estimated_cost_usd"), r.hours.at(hour).cost.toDecimalString()}});
    const QJsonObject root{
        {QStringLiteral("character_slug"), r.characterSlug},
        {QStringLiteral("time_zone"), QString::fromUtf8(r.zone.id())},
        {QStringLiteral("start"), formatIsoUtc(*r.range.startMicros)},
        {QStringLiteral("end"), formatIsoUtc(*r.range.endMicros)},
        {QStringLiteral("previous_start"), formatIsoUtc(*r.previousRange.startMicros)},
        {QStringLiteral("previous_end"), formatIsoUtc(*r.previousRange.endMicros)},
        {QStringLiteral("totals"), totals},
        {QStringLiteral("costliest_sessions"), sessionsJson(r.costliest)},
        {QStringLiteral("longest_sessions"), sessionsJson(r.longest)},
        {QStringLiteral("hours"), hours},
    };
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

/// One fact per line (section, key, field, value): the sections differ in shape, and a long
/// table loads into any spreadsheet or data frame without guessing columns.
void printCsv(QTextStream &out, const DailyReport &r)
{
    out << "section,key,field,value\r\n";
    const auto row = [&](const QString &section, const QString &key, const QString &field,
                         const QString &value) {
        out << section << ',' << key << ',' << field << ',' << value << "\r\n";
    };
    for (const DailyReport::Change &c : r.changes()) {
        row(QStringLiteral("totals"), c.key, QStringLiteral("current"), c.currentText);
        row(QStringLiteral("totals"), c.key, QStringLiteral("previous"), c.previousText);
        row(QStringLiteral("totals"), c.key, QStringLiteral("change"), c.absoluteText);
        row(QStringLiteral("totals"), c.key, QStringLiteral("percent_change"),
            c.percent ? QString::number(*c.percent, 'f', 2) : QString());
    }
    for (const auto &[section, list] : {std::pair{QStringLiteral("costliest"), &r.costliest},
                                        std::pair{QStringLiteral("longest"), &r.longest}}) {
        for (int i = 0; i < list->size(); ++i) {
            const SessionBrief &s = list->at(i);
            const QString rank = QString::number(i + 1);
            row(section, rank, QStringLiteral("session_id"), s.sessionId);
            row(section, rank, QStringLiteral("estimated_cost_usd"), s.cost.toDecimalString());
            row(section, rank, QStringLiteral("duration_seconds"),
                QString::number(s.durationSeconds, 'f', 1));
        }
    }
    for (int hour = 0; hour < 24; ++hour) {
        const QString key = QString::number(hour);
        row(QStringLiteral("hour"), key, QStringLiteral("sessions"),
            QString::number(r.hours.at(hour).sessions));
        row(QStringLiteral("hour"), key, QStringLiteral("estimated_cost_usd"),
            r.hours.at(hour).cost.toDecimalString());
    }
}
} // namespace

namespace Cli {

int runDailyReport(CliEnvironment &env, const QCommandLineParser &parser, const UsageQuery &query,
                   const QString &format)
{
    const QString command = QStringLiteral("report");
    const QDate day = QDate::fromString(parser.value(QStringLiteral("day")), Qt::ISODate);
    if (!day.isValid())
        return env.usageError(QStringLiteral("--day must be a date such as 2026-05-01."), command);
    if (query.characterSlug.isEmpty())
        return env.usageError(QStringLiteral("--day needs --character SLUG."), command);
    if (parser.isSet(QStringLiteral("start")) || parser.isSet(QStringLiteral("end")))
        return env.usageError(QStringLiteral("--day replaces --start and --end."), command);
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (parser.isSet(QStringLiteral("timezone")))
        zone = QTimeZone(parser.value(QStringLiteral("timezone")).toUtf8());

    DailyReportBuilder builder(&env.client());
    std::optional<DailyReport> report;
    std::optional<ApiError> failure;
    QEventLoop loop;
    QObject::connect(&builder, &DailyReportBuilder::ready, &loop, [&](const DailyReport &r) {
        report = r;
        loop.quit();
    });
    QObject::connect(&builder, &DailyReportBuilder::failed, &loop, [&](const ApiError &e) {
        failure = e;
        loop.quit();
    });
    builder.start(query.characterSlug, query.tenantId, UtcRange::forDays(day, day, zone), zone);
    loop.exec();
    if (failure)
        return env.reportError(*failure);
    if (format == u"json")
        printJson(env.out(), *report);
    else if (format == u"csv")
        printCsv(env.out(), *report);
    else
        printText(env.out(), *report, day.toString(Qt::ISODate));
    return Ok;
}

} // namespace Cli
