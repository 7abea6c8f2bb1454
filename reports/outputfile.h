#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

/// Where an export goes. A regular file (or a name not taken yet) is written whole or not at
/// all: under a temporary name, renamed over the path by commit(), so that a failed export never
/// leaves a half file that looks complete. A path that names something else, such as /dev/null,
/// /dev/stdout, a named pipe or a shell's >(gzip > out.gz), is written to directly: such a file
/// cannot be replaced, and renaming over it would put a regular file in the device's place (as
/// QSaveFile does where it may write to the device's folder).
class OutputFile
{
public:
    explicit OutputFile(const QString &path);
    Q_DISABLE_COPY_MOVE(OutputFile)

    /// Opens for writing; false with errorString() set when it cannot.
    [[nodiscard]] bool open();
    [[nodiscard]] QIODevice &device();
    /// Everything written is in place (a regular file takes its name now); false with
    /// errorString() set when it is not.
    [[nodiscard]] bool commit();
    /// Drops what was written to a regular file, which keeps what it held before. What went to a
    /// device or a pipe cannot be taken back.
    void cancel();
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] QString fileName() const { return m_path; }
    /// Written in place (not a regular file): see above.
    [[nodiscard]] bool isDirect() const { return m_direct; }

private:
    QString m_path;
    bool m_direct;
    QSaveFile m_whole;
    QFile m_stream;
};
