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
    // into a buffer of ours, and one write for every run of rows that need no padding (all of
    // them unless a field turned up late).
    const qint64 size = m_file.size();
    if (uchar *mapped = size > 0 ? m_file.map(0, size) : nullptr) {
        const char *const rows = reinterpret_cast<const char *>(mapped);
        qint64 at = 0;
        qint64 run = 0; // bytes of rows with every column, from `at`
        const auto writtenRun = [&] {
            const bool ok = out.write(rows + at, run) == run ||
                            fail(QCoreApplication::translate("CsvSpool", "cannot write: %1")
                                     .arg(out.errorString()));
            at += std::exchange(run, 0);
            return ok;
        };
        bool ok = true;
        for (const Row &row : m_rows) {
            if (row.columns == columns) {
                run += row.bytes;
                continue;
            }
            if (!(ok = writtenRun()))
                break;
            QByteArray padded(rows + at, qsizetype(row.bytes - 2)); // without its line end
            padded += QByteArray(qMax(0, columns - row.columns), ',');
            padded += "\r\n";
            at += row.bytes;
            if (!(ok = written(padded)))
                break;
        }
        ok = ok && writtenRun();
        m_file.unmap(mapped);
        return ok;
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
