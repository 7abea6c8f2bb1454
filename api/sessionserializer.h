#pragma once

#include "usagepage.h"

#include <QByteArray>
#include <QStringList>

/// Writes sessions back out with the API's own field names, for exports a user can load
/// elsewhere: one JSON object per session (every field, the transcript as an array, metadata as
/// the caller sent it) or one CSV row (the transcript as `transcript_text`).
namespace SessionSerializer {
[[nodiscard]] QByteArray toJson(const SessionSummary &session);
[[nodiscard]] QByteArray transcriptToJson(const Transcript &turns);
[[nodiscard]] QStringList csvColumns();
[[nodiscard]] QByteArray csvHeader();
[[nodiscard]] QByteArray toCsvRow(const SessionSummary &session);
/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
[[nodiscard]] QByteArray csvField(const QString &text);
/// A JSON string literal, escaped (control characters, quotes, backslashes).
void appendJsonString(QByteArray &out, QStringView text);
/// The same for text that is already UTF-8.
void appendJsonUtf8(QByteArray &out, QByteArrayView utf8);
[[nodiscard]] QString formatNumber(double value);
[[nodiscard]] QString formatDateTime(const QDateTime &dateTime);
} // namespace SessionSerializer
