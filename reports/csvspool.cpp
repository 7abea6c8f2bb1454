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

bool CsvSpool::append(const QByteArray &cells, int columns)
{
    if (m_file.write(cells) != cells.size())
        return fail(
            QCoreApplication::translate("CsvSpool", "cannot write the temporary file %1: %2")
                .arg(m_file.fileName(), m_file.errorString()));
    m_rows.push_back({cells.size(), columns});
    return true;
}

bool CsvSpool::writeTo(QIODevice &out, const QByteArray &header, int columns)
{
    const auto written = [&](const QByteArray &bytes) {
        return out.write(bytes) == bytes.size() ||
               fail(QCoreApplication::translate("CsvSpool", "cannot write: %1")
                        .arg(out.errorString()));
    };
    if (!m_file.flush() || !m_file.seek(0))
        return fail(
            QCoreApplication::translate("CsvSpool", "cannot read back the temporary file %1: %2")
                .arg(m_file.fileName(), m_file.errorString()));
    if (!written(header + "\r\n"))
        return false;
    QByteArray chunk;
    for (const Row &row : m_rows) {
        const QByteArray cells = m_file.read(row.bytes);
        if (cells.size() != row.bytes)
            return fail(QCoreApplication::translate("CsvSpool",
                                                    "cannot read back the temporary file %1: %2")
                            .arg(m_file.fileName(), m_file.errorString()));
        chunk += cells;
        chunk += QByteArray(qMax(0, columns - row.columns), ',');
        chunk += "\r\n";
        if (chunk.size() >= 1 << 20 && !written(std::exchange(chunk, {})))
            return false;
    }
    return written(chunk);
}
