#pragma once

#include "api/usagepage.h"

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
[[nodiscard]] QByteArray csvFieldUtf8(QByteArrayView utf8);
/// The same, appended to `out`.
void appendCsvField(QByteArray &out, QByteArrayView utf8);

/// Whether `key` is a field of the API's AgentSessionSummary (a CSV column or `transcript`).
[[nodiscard]] bool isApiField(QByteArrayView key);
/// Appends one CSV row of the server's own values to `row`, with its line end: csvColumns(),
/// then `extraColumns`, to which it first adds each top-level field of `json` that is not an
/// API field and can be a CSV cell (strings, numbers, true/false, null) and is not there yet,
/// in the order sent (unknown objects and arrays are left to JSON). Strings are unescaped, any
/// other value as spelled (numbers, dates and money exactly as sent, metadata as its JSON),
/// null or missing as an empty cell; of a repeated key, the last. The query string (signature)
/// of `recording_presigned_url` is cut unless `keepPresignedQueries`. Returns the row's cells.
int appendCsvRowAsSent(QByteArray &row, const SessionJson &json, QList<QByteArray> &extraColumns,
                       bool keepPresignedQueries);
/// A JSON string literal, escaped (control characters, quotes, backslashes).
void appendJsonString(QByteArray &out, QStringView text);
/// The same for text that is already UTF-8.
void appendJsonUtf8(QByteArray &out, QByteArrayView utf8);
[[nodiscard]] QString formatNumber(double value);
[[nodiscard]] QString formatDateTime(const QDateTime &dateTime);
} // namespace SessionSerializer
