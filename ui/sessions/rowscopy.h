#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

/// Rows of the session table as text for the clipboard: TSV (pastes into spreadsheets as
/// cells) or CSV (RFC 4180 quoting). Numbers are raw, money is its exact decimal, so what is
/// pasted sums to what the server reports. Only loaded rows can be copied.
namespace RowsCopy {
enum class Format { Tsv, Csv };

struct Result
{
    QString text;
    int copied = 0;
    int skipped = 0; ///< rows not loaded yet, left out
};

/// `columns` in display order; a header line comes first.
[[nodiscard]] Result copyRows(const QAbstractItemModel &model, QList<int> rows,
                              const QList<int> &columns, Format format);
[[nodiscard]] QString quoteCsv(const QString &field);
} // namespace RowsCopy
