#pragma once

#include "api/sessionsummary.h"

#include <QByteArray>
#include <QString>

/// Writes a transcript (and a whole session bundle) to files. Turn texts are written as data:
/// the Markdown form escapes markup so a reader shows it literally, JSON escapes everything.
namespace TranscriptExport {
enum class Format : quint8 { Text, Markdown, Json };

[[nodiscard]] QByteArray render(const SessionSummary &session, const QList<TranscriptTurn> &turns,
                                Format format);
[[nodiscard]] QString suffix(Format format);
bool writeFile(const QString &path, const QByteArray &bytes, QString *error = nullptr);

/// One folder for a session: session.json (every field and the cost, as the API names them,
/// without the presigned URL's signature), transcript.json / .txt / .md and, when loaded,
/// recording.<suffix>. Returns the folder's path, empty on failure.
QString writeBundle(const QString &parentDir, const SessionSummary &session,
                    const QList<TranscriptTurn> &turns, const QByteArray &recording,
                    const QString &recordingSuffix, QString *error = nullptr);
} // namespace TranscriptExport
