#pragma once

#include <QByteArray>
#include <QTemporaryFile>

#include <vector>

class QIODevice;

/// The rows of a CSV file whose columns are all known only at the end: an export may meet a
/// field the client does not know on its last page, and every row must still have every
/// column. Rows wait in a temporary file with the columns known when they were written, and
/// are copied out behind the full header at the end, each padded with empty trailing cells.
/// What is held in memory is 16 bytes a row, not the rows.
class CsvSpool
{
public:
    /// One row as appended: its bytes (its line end included) and its cells.
    struct Row
    {
        qint64 bytes = 0;
        int columns = 0;
    };

    /// False when the temporary file cannot be made; errorString() says why.
    [[nodiscard]] bool open();
    /// `rows` one after the other, each of comma-separated cells and a CRLF line end, as
    /// `sizes` measures them (a page at a time: one write, not one a row).
    [[nodiscard]] bool append(const QByteArray &rows, const std::vector<Row> &sizes);
    /// `header` (of `columns` cells, without its line end), then every row padded to as many.
    [[nodiscard]] bool writeTo(QIODevice &out, const QByteArray &header, int columns);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool fail(const QString &error);

    QTemporaryFile m_file;
    std::vector<Row> m_rows;
    QString m_error;
};
