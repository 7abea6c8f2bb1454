#include "store/sessionrow.h"
#include "api/sessionserializer.h"
#include "api/sessionsummary.h"
#include "api/usagequery.h"

#include <QStringList>

namespace {

/// NULL for a string that was never assigned (a field the server left out or sent as null),
/// otherwise its text, empty included.
SqlValue text(const QString &value)
{
    return value.isNull() ? SqlValue() : SqlValue(value.toUtf8());
}

SqlValue dateText(const QDateTime &d)
{
    return d.isValid() ? SqlValue(SessionSerializer::formatDateTime(d).toUtf8()) : SqlValue();
}

SqlValue dateMicros(const QDateTime &d)
{
    return d.isValid() ? SqlValue(microsFromDateTime(d)) : SqlValue();
}

} // namespace

namespace SessionRow {

Values values(const SessionSummary &s, qint64 syncedAtMicros)
{
    // The server's own bytes when the page kept them (every field, unknown ones included),
    // otherwise the session written back out; never the presigned URL's signature.
    QByteArray json = s.sourceJson ? s.sourceJson->line(false) : [&] {
        SessionSummary copy = s;
        copy.recordingPresignedUrl = withoutSignature(s.recordingPresignedUrl);
        return SessionSerializer::toJson(copy);
    }();
    QByteArray transcriptText =
        s.transcriptTextIsTurns ? s.transcript.linesUtf8() : s.transcriptTextUtf8;
    return Values{
        s.sessionId.toUtf8(),
        s.id,
        text(s.tenantId),
        text(s.characterSlug),
        s.user ? SqlValue(*s.user) : SqlValue(),
        text(s.roomName),
        text(s.originUrl),
        s.metadataJson.isNull() ? SqlValue() : SqlValue(s.metadataJson),
        dateText(s.createdAt),
        dateMicros(s.createdAt),
        dateText(s.finalizedAt),
        dateMicros(s.finalizedAt),
        s.durationSeconds,
        qint64(s.turnCount),
        qint64(s.interruptionCount),
        s.llmInputTokens,
        s.llmOutputTokens,
        text(s.llmModel),
        text(s.llmProvider),
        s.sttAudioSeconds,
        text(s.sttProvider),
        s.ttsCharacters,
        text(s.ttsProvider),
        s.estimatedCost.micros(),
        s.estimatedCost.toDecimalString().toUtf8(),
        (s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                         : s.recordingStatusText)
            .toUtf8(),
        text(s.recordingUrl),
        s.recordingPresignedUrl.isEmpty()
            ? SqlValue()
            : SqlValue(withoutSignature(s.recordingPresignedUrl).toUtf8()),
        std::move(transcriptText), // never NULL: an empty transcript is ''
        std::move(json),
        formatIsoUtc(syncedAtMicros).toUtf8(),
    };
}

QString upsertSql()
{
    QStringList names, marks, updates;
    for (const char *column : Columns) {
        const QString name = QString::fromLatin1(column);
        names.append(name);
        marks.append(QStringLiteral("?"));
        if (name != u"session_id")
            updates.append(name + QStringLiteral(" = excluded.") + name);
    }
    return QStringLiteral("INSERT INTO sessions (%1) VALUES (%2) ON CONFLICT (session_id) DO "
                          "UPDATE SET %3")
        .arg(names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

QString withoutSignature(const QString &url)
{
    const qsizetype query = url.indexOf(QLatin1Char('?'));
    return query < 0 ? url : url.left(query);
}

} // namespace SessionRow
