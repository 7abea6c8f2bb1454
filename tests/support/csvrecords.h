#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace TestSupport {

/// RFC 4180 records: quoted fields may hold commas, quotes and line breaks (transcripts do).
/// A last record without a closing line break is kept.
inline QList<QList<QByteArray>> parseCsv(const QByteArray &data)
{
    QList<QList<QByteArray>> records;
    QList<QByteArray> record;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.append(std::exchange(field, {}));
        } else if (c == '\n') {
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace TestSupport
