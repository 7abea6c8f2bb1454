#include "reports/outputfile.h"

#include <QFileInfo>

namespace {
/// True for what exists and is no regular file (a device, a pipe, a socket), links followed:
/// /dev/stdout and /dev/fd/N name a terminal or a pipe. A folder is left to QSaveFile, which
/// refuses it with a message.
bool namesAStream(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && !info.isFile() && !info.isDir();
}
} // namespace

OutputFile::OutputFile(const QString &path)
    : m_path(path)
    , m_direct(namesAStream(path))
    , m_whole(path)
    , m_stream(path)
{}

bool OutputFile::open()
{
    // The system ignores truncation for a device or a pipe (and Append would make Qt seek one).
    return m_direct ? m_stream.open(QIODevice::WriteOnly) : m_whole.open(QIODevice::WriteOnly);
}

QIODevice &OutputFile::device()
{
    return m_direct ? static_cast<QIODevice &>(m_stream) : m_whole;
}

bool OutputFile::commit()
{
    if (!m_direct)
        return m_whole.commit();
    const bool flushed = m_stream.flush();
    m_stream.close();
    return flushed;
}

void OutputFile::cancel()
{
    if (m_direct)
        m_stream.close();
    else
        m_whole.cancelWriting();
}

QString OutputFile::errorString() const
{
    return m_direct ? m_stream.errorString() : m_whole.errorString();
}
