#include "reports/csvspool.h"

#include <QDir>

#include <QCoreApplication>
#include <utility>

bool CsvSpool::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

bool CsvSpool::open()
{
    m_file.setFileTemplate(QDir::tempPath() + QStringLiteral("/sessionscope-export-XXXXXX.csv"));
    if (!m_file.open())
        return fail(
            QCoreApplication::translate("CsvSpool", "cannot make a temporary file in %1: %2")
                .arg(QDir::tempPath(), m_file.errorString()));
    return true;
}

bool CsvSpool::append(const QByteArray &rows, const std::vector<Row> &sizes)
{
    if (m_file.write(rows) != rows.size())
        return fail(
            QCoreApplication::translate("CsvSpool", "cannot write the temporary file %1: %2")
                .arg(m_file.fileName(), m_file.errorString()));
    m_rows.insert(m_rows.end(), sizes.begin(), sizes.end());
    return true;
}

bool CsvSpool::writeTo(QIODevice &out, const QByteArray &header, int columns)
{
    const auto written = [&](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size() ||
               fail(QCoreApplication::translate("CsvSpool", "cannot write: %1")
                        .arg(out.errorString()));
    };
    const auto cannotRead = [&] {
        return fail(
            QCoreApplication::translate("CsvSpool", "cannot read back the temporary file %1: %2")
                .arg(m_file.fileName(), m_file.errorString()));
    };
    if (!m_file.flush() || !m_file.seek(0))
        return cannotRead();
    if (!written(header + "\r\n"))
        return false;
    // Mapped, the rows go from the system's cache of the file straight to the output: no read
    // into a buffer of ours, and few writes (all rows have every column unless a field turned
    // up late). A few megabytes are mapped at a time: mapped pages count as the process's
    // memory, and the spool of 100,000 sessions is some 250 MB.
    constexpr qint64 Window = 8 << 20;
    const auto writtenFromFile = [&](qint64 at, qint64 bytes, const QByteArray &then) {
        while (bytes > 0) {
            const qint64 piece = qMin(bytes, Window);
            uchar *mapped = m_file.map(at, piece);
            if (!mapped)
                return false;
            const bool ok = out.write(reinterpret_cast<const char *>(mapped), piece) == piece;
            m_file.unmap(mapped);
            if (!ok)
                return fail(QCoreApplication::translate("CsvSpool", "cannot write: %1")
                                .arg(out.errorString()));
            at += piece;
            bytes -= piece;
        }
        return then.isEmpty() || written(then);
    };
    if (uchar *probe = m_file.size() > 0 ? m_file.map(0, 1) : nullptr) {
        m_file.unmap(probe);
        qint64 at = 0;
        qint64 run = 0; // bytes of rows with every column, from `at`
        for (const Row &row : m_rows) {
            if (row.columns == columns) {
                run += row.bytes;
                continue;
            }
            // The row without its line end, then its padding and the line end.
            const QByteArray padding = QByteArray(qMax(0, columns - row.columns), ',') + "\r\n";
            if (!writtenFromFile(at, run + row.bytes - 2, padding))
                return m_error.isEmpty() ? cannotRead() : false;
            at += run + row.bytes;
            run = 0;
        }
        if (!writtenFromFile(at, run, {}))
            return m_error.isEmpty() ? cannotRead() : false;
        return true;
    }
    // Rows that already have every column (all of them, unless a field turned up late) are
    // copied as they lie, in reads of up to a megabyte; the others are padded one by one.
    constexpr qint64 Block = 1 << 20;
    QByteArray chunk;
    chunk.reserve(Block + Block / 2);
    qint64 pending = 0; // bytes of whole rows not read yet
    const auto readInto = [&](qint64 bytes) {
        const qsizetype before = chunk.size();
        chunk.resize(before + qsizetype(bytes));
        return m_file.read(chunk.data() + before, bytes) == bytes;
    };
    for (const Row &row : m_rows) {
        if (row.columns == columns) {
            pending += row.bytes;
        } else {
            if (!readInto(std::exchange(pending, 0)) || !readInto(row.bytes))
                return cannotRead();
            chunk.chop(2); // the line end, after the padding
            chunk += QByteArray(qMax(0, columns - row.columns), ',');
            chunk += "\r\n";
        }
        if (chunk.size() + pending >= Block) {
            if (!readInto(std::exchange(pending, 0)))
                return cannotRead();
            if (!written(chunk))
                return false;
            chunk.resize(0);
        }
    }
    if (!readInto(pending))
        return cannotRead();
    return written(chunk);
}
