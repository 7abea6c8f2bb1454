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
    /// False when the temporary file cannot be made; errorString() says why.
    [[nodiscard]] bool open();
    /// One row of `columns` cells, comma-separated, without its line end.
    [[nodiscard]] bool append(const QByteArray &cells, int columns);
    /// `header` (of `columns` cells, without its line end), then every row padded to as many.
    [[nodiscard]] bool writeTo(QIODevice &out, const QByteArray &header, int columns);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool fail(const QString &error);

    struct Row
    {
        qint64 bytes = 0;
        int columns = 0;
    };
    QTemporaryFile m_file;
    std::vector<Row> m_rows;
    QString m_error;
};
