#include "reports/outputfile.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// Where an export goes: a regular file whole or not at all, anything else written in place.
class TestOutputFile : public QObject
{
    Q_OBJECT

private:
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
    }

    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void aFileTakesItsNewContentOnlyOnCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(write(path, "before\n"));
        OutputFile out(path);
        QVERIFY(!out.isDirect());
        QVERIFY2(out.open(), qPrintable(out.errorString()));
        QCOMPARE(out.device().write("after\n"), qint64(6));
        QCOMPARE(contents(path), QByteArray("before\n"));
        QVERIFY(out.commit());
        QCOMPARE(contents(path), QByteArray("after\n"));
    }

    void aCancelledFileKeepsWhatItHeld()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(write(path, "before\n"));
        {
            OutputFile out(path);
            QVERIFY(out.open());
            out.device().write("half a file");
            out.cancel();
        }
        QCOMPARE(contents(path), QByteArray("before\n"));
        // A name not taken yet is not taken by a cancelled export either.
        const QString fresh = dir.filePath(QStringLiteral("new.jsonl"));
        {
            OutputFile out(fresh);
            QVERIFY(out.open());
            out.device().write("{}");
            out.cancel();
        }
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("export.csv")});
    }

    void aPipeIsWrittenThroughAndStaysAPipe()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QProcess reader;
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        OutputFile out(fifo);
        QVERIFY(out.isDirect());
        QVERIFY2(out.open(), qPrintable(out.errorString())); // until cat opens its end
        const QByteArray bytes = QByteArray("session,cost\r\n").repeated(10000);
        QCOMPARE(out.device().write(bytes), qint64(bytes.size()));
        QVERIFY(out.commit());
        QVERIFY(reader.waitForFinished(60000));
        QCOMPARE(reader.readAllStandardOutput(), bytes);
        struct stat info
        {};
        QVERIFY(::stat(QFile::encodeName(fifo).constData(), &info) == 0 && S_ISFIFO(info.st_mode));
        QCOMPARE(
            QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList{QStringLiteral("pipe")});
    }

    void aDeviceIsWrittenInPlace()
    {
        // Checked before a byte is written: were /dev/null taken for a file, it would be
        // replaced by one where the folder is writable (as root).
        OutputFile out(QStringLiteral("/dev/null"));
        QVERIFY(out.isDirect());
        QVERIFY(out.open());
        QCOMPARE(out.device().write("nothing"), qint64(7));
        QVERIFY(out.commit());
        struct stat info
        {};
        QVERIFY(::stat("/dev/null", &info) == 0 && S_ISCHR(info.st_mode));
        // A device that refuses what is written says so at the latest on commit.
        OutputFile full(QStringLiteral("/dev/full"));
        QVERIFY(full.isDirect());
        QVERIFY(full.open());
        const bool written = full.device().write(QByteArray(100000, 'x')) == 100000;
        QVERIFY(!(written && full.commit()));
        QVERIFY(!full.errorString().isEmpty());
    }

    void aFolderIsRefused()
    {
        QTemporaryDir dir;
        OutputFile out(dir.path());
        QVERIFY(!out.isDirect());
        QVERIFY(!out.open());
        QVERIFY(!out.errorString().isEmpty());
        QVERIFY(QFileInfo(dir.path()).isDir());
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
