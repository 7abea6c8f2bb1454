#include "models/sessioncolumns.h"
#include "reports/moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace SessionColumns {

QString title(int column)
{
    switch (column) {
    case Created:
        return QCoreApplication::translate("SessionColumns", "Created");
    case Character:
        return QCoreApplication::translate("SessionColumns", "Character");
    case Tenant:
        return QCoreApplication::translate("SessionColumns", "Tenant");
    case Duration:
        return QCoreApplication::translate("SessionColumns", "Duration");
    case Turns:
        return QCoreApplication::translate("SessionColumns", "Turns");
    case Interruptions:
        return QCoreApplication::translate("SessionColumns", "Interruptions");
    case LlmInputTokens:
        return QCoreApplication::translate("SessionColumns", "LLM in");
    case LlmOutputTokens:
        return QCoreApplication::translate("SessionColumns", "LLM out");
    case LlmModel:
        return QCoreApplication::translate("SessionColumns", "Model");
    case SttSeconds:
        return QCoreApplication::translate("SessionColumns", "STT s");
    case TtsCharacters:
        return QCoreApplication::translate("SessionColumns", "TTS chars");
    case Cost:
        return QCoreApplication::translate("SessionColumns", "Cost");
    case Recording:
        return QCoreApplication::translate("SessionColumns", "Recording");
    case InProgress:
        return QCoreApplication::translate("SessionColumns", "In progress");
    case SessionId:
        return QCoreApplication::translate("SessionColumns", "Session ID");
    default:
        return {};
    }
}

QVariant sortValue(const SessionSummary &s, int column)
{
    switch (column) {
    case Created:
        return QVariant::fromValue<qint64>(s.createdAt.toMSecsSinceEpoch());
    case Character:
        return s.characterSlug;
    case Tenant:
        return s.tenantId;
    case Duration:
        return s.durationSeconds;
    case Turns:
        return s.turnCount;
    case Interruptions:
        return s.interruptionCount;
    case LlmInputTokens:
        return QVariant::fromValue<qint64>(s.llmInputTokens);
    case LlmOutputTokens:
        return QVariant::fromValue<qint64>(s.llmOutputTokens);
    case LlmModel:
        return s.llmModel;
    case SttSeconds:
        return s.sttAudioSeconds;
    case TtsCharacters:
        return QVariant::fromValue<qint64>(s.ttsCharacters);
    case Cost:
        return QVariant::fromValue<qint64>(s.estimatedCost.micros());
    case Recording:
        return s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                               : s.recordingStatusText;
    case InProgress:
        return s.inProgress();
    case SessionId:
        return s.sessionId;
    default:
        return {};
    }
}

QString displayText(const SessionSummary &s, int column, const QString &createdText)
{
    const QLocale locale;
    switch (column) {
    case Created:
        return createdText;
    case Duration:
        return formatDuration(s.durationSeconds);
    case Turns:
    case Interruptions:
    case LlmInputTokens:
    case LlmOutputTokens:
    case TtsCharacters:
        return locale.toString(sortValue(s, column).toLongLong());
    case SttSeconds:
        return locale.toString(s.sttAudioSeconds, 'f', 1);
    case Cost:
        return MoneyFormat::text(s.estimatedCost);
    case InProgress:
        return s.inProgress() ? QCoreApplication::translate("SessionColumns", "live") : QString();
    default:
        return sortValue(s, column).toString();
    }
}

QVariant accessibleText(const SessionSummary &s, int column)
{
    if (column == InProgress && !s.inProgress())
        return QCoreApplication::translate("SessionColumns", "finished");
    return {};
}

QString toolTip(const SessionSummary &s, int column, const QTimeZone &zone)
{
    switch (column) {
    case Created:
        return QStringLiteral("%1\n%2 UTC")
            .arg(formatCreated(s.createdAt, zone),
                 s.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    case Duration:
        return QStringLiteral("%1 s").arg(s.durationSeconds, 0, 'g', 12);
    case SttSeconds:
        return QStringLiteral("%1 s").arg(s.sttAudioSeconds, 0, 'g', 12);
    case Cost:
        return MoneyFormat::exact(s.estimatedCost);
    case LlmModel:
        return QStringLiteral("%1 (%2)").arg(s.llmModel, s.llmProvider);
    case InProgress:
        return s.inProgress() ? QCoreApplication::translate("SessionColumns", "Still in progress")
                              : QCoreApplication::translate("SessionColumns", "Finalized %1")
                                    .arg(formatCreated(s.finalizedAt, zone));
    default:
        return sortValue(s, column).toString();
    }
}

bool isNumeric(int column)
{
    switch (column) {
    case Duration:
    case Turns:
    case Interruptions:
    case LlmInputTokens:
    case LlmOutputTokens:
    case SttSeconds:
    case TtsCharacters:
    case Cost:
        return true;
    default:
        return false;
    }
}

Qt::Alignment alignment(int column)
{
    return (isNumeric(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
}

QString formatCreated(const QDateTime &createdAt, const QTimeZone &zone)
{
    if (!createdAt.isValid())
        return {};
    const QDateTime shown = zone.isValid() ? createdAt.toTimeZone(zone) : createdAt.toLocalTime();
    return shown.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatDuration(double seconds)
{
    const qint64 total = qint64(std::llround(qMax(0.0, seconds)));
    const qint64 h = total / 3600, m = (total / 60) % 60, sec = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(sec, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
}

QVariant cellData(const SessionSummary &s, int column, int role, const QString &createdText,
                  const QTimeZone &zone)
{
    switch (role) {
    case Qt::DisplayRole:
        return displayText(s, column, createdText);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(alignment(column));
    case Qt::AccessibleTextRole:
        return accessibleText(s, column);
    case SortRole:
        return sortValue(s, column);
    case Qt::ToolTipRole:
        return toolTip(s, column, zone);
    case SessionRole:
        return QVariant::fromValue(s);
    case LoadingRole:
        return false;
    case ErrorRole:
        return QString();
    case SessionIdRole:
        return s.sessionId;
    default:
        return {};
    }
}

QVariant headerData(int section, int role)
{
    if (role == Qt::DisplayRole)
        return title(section);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(alignment(section));
    return {};
}

QHash<int, QByteArray> roleNames(QHash<int, QByteArray> names)
{
    names.insert(SortRole, "sortValue");
    names.insert(SessionRole, "session");
    names.insert(LoadingRole, "loading");
    names.insert(ErrorRole, "error");
    names.insert(SessionIdRole, "sessionId");
    return names;
}

} // namespace SessionColumns
