#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// The two programs: `sessionscope`, the command line, loads no GUI library and hands the window
// over to `sessionscope-window`, which it finds beside itself or in the install's libexec folder.
class TestWindowProgram : public QObject
{
    Q_OBJECT

private:
    /// The shared libraries a run of `program` loaded, as the dynamic loader reports them.
    static QStringList librariesLoaded(const QString &program, const QStringList &arguments)
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
        const auto run = TestSupport::runProgram(program, arguments, env);
        if (run.exitCode != 0)
            return {};
        static const QRegularExpression init(QStringLiteral("calling init: (\\S+)"));
        QStringList libraries;
        auto matches = init.globalMatch(QString::fromLocal8Bit(run.err));
        while (matches.hasNext())
            libraries.append(QFileInfo(matches.next().captured(1)).fileName());
        return libraries;
    }

    static QStringList guiLibraries(const QStringList &libraries)
    {
        static const QRegularExpression gui(QStringLiteral(
            "^lib(Qt6(Gui|Widgets|Multimedia|Charts|OpenGL|DBus|Svg)|qt6keychain|X11|xcb|GL)"));
        QStringList found;
        for (const QString &library : libraries) {
            if (gui.match(library).hasMatch())
                found.append(library);
        }
        return found;
    }

    /// Puts `source` at `target`: a hard link where the file system allows one (the programs
    /// are tens of megabytes), a copy elsewhere.
    static bool place(const QString &source, const QString &target)
    {
        if (!QDir().mkpath(QFileInfo(target).path()))
            return false;
        if (::link(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) ==
            0)
            return true;
        return QFile::copy(source, target);
    }

    static QProcessEnvironment offscreen()
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    /// A link the window's option parser refuses: only sessionscope-window says this, and it
    /// says it before any window opens.
    static QString badLink()
    {
        return QStringLiteral("sessionscope://session/s1?server=https://u:p@a.example");
    }

private Q_SLOTS:
    void commandLineLoadsNoGuiLibrary()
    {
        const QStringList cli =
            librariesLoaded(QStringLiteral(SESSIONSCOPE_BINARY), {QStringLiteral("--version")});
        QVERIFY2(cli.contains(QStringLiteral("libQt6Core.so.6")), qPrintable(cli.join(u' ')));
        QVERIFY2(guiLibraries(cli).isEmpty(), qPrintable(guiLibraries(cli).join(u' ')));
        // The same check finds them in the window's program.
        const QStringList window = librariesLoaded(QStringLiteral(SESSIONSCOPE_WINDOW_BINARY),
                                                   {QStringLiteral("--version")});
        QVERIFY2(guiLibraries(window).contains(QStringLiteral("libQt6Widgets.so.6")),
                 qPrintable(window.join(u' ')));
        QVERIFY2(cli.size() < window.size(),
                 qPrintable(QStringLiteral("%1 against %2").arg(cli.size()).arg(window.size())));
    }

    void windowFoundInTheInstallLayout()
    {
        // bin/sessionscope and libexec/sessionscope/sessionscope-window, as installed.
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/install-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = prefix.filePath(QStringLiteral("bin/sessionscope"));
        const QString window = QDir::cleanPath(prefix.filePath(
            QStringLiteral("bin/" SESSIONSCOPE_WINDOW_RELATIVE_DIR "/sessionscope-window")));
        QVERIFY(place(QStringLiteral(SESSIONSCOPE_BINARY), bin));
        QVERIFY(place(QStringLiteral(SESSIONSCOPE_WINDOW_BINARY), window));
        const auto run = TestSupport::runProgram(bin, {badLink()}, offscreen());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("without a user name"), run.err.constData());
    }

    void missingWindowIsAClearError()
    {
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/alone-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = prefix.filePath(QStringLiteral("bin/sessionscope"));
        QVERIFY(place(QStringLiteral(SESSIONSCOPE_BINARY), bin));
        const auto run = TestSupport::runProgram(bin, {QStringLiteral("--demo")}, offscreen());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("sessionscope: the window's program sessionscope-window is "
                                    "not installed (looked for "),
                 run.err.constData());
        QVERIFY2(run.err.contains(QFile::encodeName(QFileInfo(bin).path())), run.err.constData());
        // The commands need no window.
        const auto version = TestSupport::runProgram(bin, {QStringLiteral("--version")},
                                                     TestSupport::cliEnvironment());
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("sessionscope " VERSION "\n"));
    }

    void windowProgramRunDirectly()
    {
        const QString window = QStringLiteral(SESSIONSCOPE_WINDOW_BINARY);
        const auto version = TestSupport::runProgram(window, {QStringLiteral("--version")},
                                                     TestSupport::cliEnvironment());
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("sessionscope " VERSION "\n"));
        const auto bad = TestSupport::runProgram(window, {badLink()}, offscreen());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("without a user name"), bad.err.constData());
        QProcessEnvironment headless = TestSupport::cliEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            headless.remove(QString::fromLatin1(name));
        const auto noDisplay = TestSupport::runProgram(window, {}, headless);
        QCOMPARE(noDisplay.exitCode, 2);
        QVERIFY2(noDisplay.err.contains("no display to open the window on"),
                 noDisplay.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestWindowProgram)
#include "tst_windowprogram.moc"
