#include "ui/transcript/transcriptexport.h"

#include "api/sessionserializer.h"
#include "models/transcriptmodel.h"
#include "reports/outputfile.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace {
/// A file-system-safe folder name from a session id (ids may hold spaces, plus, slashes).
QString folderName(const QString &sessionId)
{
    QString out;
    for (QChar c : sessionId)
        out += c.isLetterOrNumber() || c == u'_' || c == u'-' ? c : u'_';
    return out.isEmpty() ? u"session"_s : out;
}
} // namespace

namespace TranscriptExport {

QByteArray render(const SessionSummary &session, const QList<TranscriptTurn> &turns, Format format)
{
    if (format == Format::Json)
        return SessionSerializer::transcriptToJson(turns);
    TranscriptModel model;
    model.setTurns(turns);
    if (format == Format::Text)
        return model.toPlainText().toUtf8();
    QString md =
        u"# "_s +
        QCoreApplication::translate("TranscriptExport", "Transcript of %1").arg(session.sessionId) +
        u"\n\n"_s;
    if (!session.characterSlug.isEmpty())
        md += QCoreApplication::translate("TranscriptExport", "Character: %1")
                  .arg(session.characterSlug) +
              u"  \n"_s;
    if (session.createdAt.isValid())
        md += QCoreApplication::translate("TranscriptExport", "Created: %1")
                  .arg(SessionSerializer::formatDateTime(session.createdAt)) +
              u"\n\n"_s;
    return (md + model.toMarkdown()).toUtf8();
}

QString suffix(Format format)
{
    switch (format) {
    case Format::Text:
        return u"txt"_s;
    case Format::Markdown:
        return u"md"_s;
    case Format::Json:
        break;
    }
    return u"json"_s;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    OutputFile file(path);
    if (file.open() && file.device().write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("TranscriptExport", "Could not write %1: %2")
                     .arg(path, file.errorString());
    return false;
}

QString writeBundle(const QString &parentDir, const SessionSummary &session,
                    const QList<TranscriptTurn> &turns, const QByteArray &recording,
                    const QString &recordingSuffix, QString *error)
{
    const QString dir = QDir(parentDir).filePath(folderName(session.sessionId));
    if (!QDir().mkpath(dir)) {
        if (error)
            *error =
                QCoreApplication::translate("TranscriptExport", "Could not create the folder %1.")
                    .arg(dir);
        return {};
    }
    // A presigned URL is a bearer credential for the recording until it expires: never write it.
    SessionSummary fields = session;
    fields.recordingPresignedUrl.clear();
    const QDir d(dir);
    const bool ok =
        writeFile(d.filePath(u"session.json"_s), SessionSerializer::toJson(fields), error) &&
        writeFile(d.filePath(u"transcript.json"_s), render(session, turns, Format::Json), error) &&
        writeFile(d.filePath(u"transcript.txt"_s), render(session, turns, Format::Text), error) &&
        writeFile(d.filePath(u"transcript.md"_s), render(session, turns, Format::Markdown),
                  error) &&
        (recording.isEmpty() ||
         writeFile(d.filePath(u"recording."_s + recordingSuffix), recording, error));
    return ok ? dir : QString();
}

} // namespace TranscriptExport
