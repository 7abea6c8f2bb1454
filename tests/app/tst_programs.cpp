#include "app/cli/cli.h"
#include "app/cli/storecommands.h"
#include "app/launch/launch.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// The four programs: `sessionscope` links no Qt library and hands each command line to the
// program for it, found beside itself or in the install's libexec folder; the commands load no
// GUI library, and search, tag and note no network library.
class TestPrograms : public QObject
{
    Q_OBJECT

private:
    /// The shared libraries a run of `program` loaded (every program it became included), as the
    /// dynamic loader reports them; empty when the run did not end with `exitCode`.
    static QStringList librariesLoaded(const QString &program, const QStringList &arguments,
                                       int exitCode = 0)
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
        const auto run = TestSupport::runProgram(program, arguments, env);
        if (run.exitCode != exitCode)
            return {};
        static const QRegularExpression init(QStringLiteral("calling init: (\\S+)"));
        QStringList libraries;
        auto matches = init.globalMatch(QString::fromLocal8Bit(run.err));
        while (matches.hasNext())
            libraries.append(QFileInfo(matches.next().captured(1)).fileName());
        return libraries;
    }

    static QStringList matching(const QStringList &libraries, const QString &pattern)
    {
        const QRegularExpression re(pattern);
        QStringList found;
        for (const QString &library : libraries) {
            if (re.match(library).hasMatch())
                found.append(library);
        }
        return found;
    }

    static QStringList guiLibraries(const QStringList &libraries)
    {
        return matching(libraries, QStringLiteral("^lib(Qt6(Gui|Widgets|Multimedia|Charts|OpenGL|"
                                                  "DBus|Svg)|qt6keychain|X11|xcb|GL)"));
    }

    static QStringList networkLibraries(const QStringList &libraries)
    {
        return matching(libraries,
                        QStringLiteral("^lib(Qt6(Network|HttpServer|WebSockets)|gssapi|proxy)"));
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

    /// bin/sessionscope and, in libexec/sessionscope/ as installed, `programs`.
    static QString installed(const QTemporaryDir &prefix, const QStringList &programs)
    {
        const QString bin = prefix.filePath(QStringLiteral("bin/sessionscope"));
        if (!place(QStringLiteral(SESSIONSCOPE_BINARY), bin))
            return {};
        for (const QString &program : programs) {
            const QString target = QDir::cleanPath(prefix.filePath(
                QStringLiteral("bin/" SESSIONSCOPE_LIBEXEC_RELATIVE_DIR "/") + program));
            const QString source =
                QFileInfo(QStringLiteral(SESSIONSCOPE_BINARY)).dir().filePath(program);
            if (!place(source, target))
                return {};
        }
        return bin;
    }

    static QProcessEnvironment offscreen()
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    /// `launcher` hands --version to the commands' program and search to the store's.
    static void commandsRunThrough(const QString &launcher)
    {
        const auto version = TestSupport::runProgram(launcher, {QStringLiteral("--version")},
                                                     TestSupport::cliEnvironment());
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("sessionscope " VERSION "\n"));
        const auto search =
            TestSupport::runProgram(launcher, {QStringLiteral("search"), QStringLiteral("--help")},
                                    TestSupport::cliEnvironment());
        QCOMPARE(search.exitCode, 0);
        QVERIFY2(search.out.startsWith("Usage: sessionscope search"), search.out.constData());
    }

    /// A link the window's option parser refuses: only sessionscope-window says this, and it
    /// says it before any window opens.
    static QString badLink()
    {
        return QStringLiteral("sessionscope://session/s1?server=https://u:p@a.example");
    }

private Q_SLOTS:
    void launcherLoadsNoQtLibrary()
    {
        // An unknown command is answered by `sessionscope` itself, before it becomes another
        // program: what it loaded is all it loads.
        const QStringList launcher = librariesLoaded(QStringLiteral(SESSIONSCOPE_BINARY),
                                                     {QStringLiteral("reprot")}, Cli::Usage);
        QVERIFY2(launcher.contains(QStringLiteral("libc.so.6")), qPrintable(launcher.join(u' ')));
        QVERIFY2(matching(launcher, QStringLiteral("^libQt6")).isEmpty(),
                 qPrintable(launcher.join(u' ')));
        const auto run =
            TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), {QStringLiteral("reprot")},
                                    TestSupport::cliEnvironment());
        QCOMPARE(run.exitCode, int(Cli::Usage));
        QCOMPARE(run.err, QByteArray("sessionscope: unknown command \"reprot\"; see sessionscope "
                                     "--help.\n"));
    }

    void commandLineLoadsNoGuiLibrary()
    {
        const QStringList cli =
            librariesLoaded(QStringLiteral(SESSIONSCOPE_BINARY), {QStringLiteral("--version")});
        QVERIFY2(cli.contains(QStringLiteral("libQt6Core.so.6")), qPrintable(cli.join(u' ')));
        QVERIFY2(guiLibraries(cli).isEmpty(), qPrintable(guiLibraries(cli).join(u' ')));
        QVERIFY2(!networkLibraries(cli).isEmpty(), qPrintable(cli.join(u' ')));
        // The same check finds them in the window's program.
        const QStringList window = librariesLoaded(QStringLiteral(SESSIONSCOPE_WINDOW_BINARY),
                                                   {QStringLiteral("--version")});
        QVERIFY2(guiLibraries(window).contains(QStringLiteral("libQt6Widgets.so.6")),
                 qPrintable(window.join(u' ')));
        QVERIFY2(cli.size() < window.size(),
                 qPrintable(QStringLiteral("%1 against %2").arg(cli.size()).arg(window.size())));
    }

    void storeCommandsLoadNoNetworkLibrary()
    {
        for (const QString &command : Cli::storeCommandNames()) {
            const QStringList loaded = librariesLoaded(QStringLiteral(SESSIONSCOPE_BINARY),
                                                       {command, QStringLiteral("--help")});
            QVERIFY2(loaded.contains(QStringLiteral("libQt6Sql.so.6")),
                     qPrintable(command + QStringLiteral(": ") + loaded.join(u' ')));
            QVERIFY2(
                networkLibraries(loaded).isEmpty(),
                qPrintable(command + QStringLiteral(": ") + networkLibraries(loaded).join(u' ')));
            QVERIFY2(guiLibraries(loaded).isEmpty(), qPrintable(guiLibraries(loaded).join(u' ')));
        }
        // The help is the command's, as the program of every command prints it.
        const auto viaStore = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_BINARY),
            {QStringLiteral("search"), QStringLiteral("--help")}, TestSupport::cliEnvironment());
        const auto viaCommands = TestSupport::runProgram(
            QStringLiteral(SESSIONSCOPE_COMMANDS_BINARY),
            {QStringLiteral("search"), QStringLiteral("--help")}, TestSupport::cliEnvironment());
        QCOMPARE(viaStore.exitCode, 0);
        QVERIFY2(viaStore.out.startsWith("Usage: sessionscope search [options] TEXT"),
                 viaStore.out.constData());
        QCOMPARE(viaStore.out, viaCommands.out);
    }

    void commandNamesAgree()
    {
        // `sessionscope` chooses a program by the names in app/launch; the programs run the
        // commands of their own tables.
        const QStringList all = Cli::commandNames();
        const QStringList store = Cli::storeCommandNames();
        QCOMPARE(all.size(), 8);
        for (const QString &name : all) {
            const QByteArray latin1 = name.toLatin1();
            QVERIFY2(Launch::isCommand(latin1.constData()), latin1.constData());
            QCOMPARE(Launch::isStoreCommand(latin1.constData()), store.contains(name));
        }
        for (const QString &name : store)
            QVERIFY2(all.contains(name), qPrintable(name));
        for (const char *notOne : {"", "searchx", "Search", "--help", "sessionscope://x"}) {
            QVERIFY2(!Launch::isCommand(notOne), notOne);
            QVERIFY2(!Launch::isStoreCommand(notOne), notOne);
        }
        QVERIFY(Launch::isSessionLink("SessionScope://session/x"));
        QVERIFY(!Launch::isSessionLink("sessionscope"));
    }

    void storeProgramRunsOnlyItsCommands()
    {
        const auto run =
            TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_STORE_COMMANDS_BINARY),
                                    {QStringLiteral("report")}, TestSupport::cliEnvironment());
        QCOMPARE(run.exitCode, int(Cli::Usage));
        QVERIFY2(run.err.contains("this program runs search, tag, note"), run.err.constData());
    }

    void programsFoundInTheInstallLayout()
    {
        // bin/sessionscope and libexec/sessionscope/, as installed.
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/install-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = installed(prefix, {QStringLiteral("sessionscope-commands"),
                                               QStringLiteral("sessionscope-store-commands"),
                                               QStringLiteral("sessionscope-window")});
        QVERIFY(!bin.isEmpty());
        const auto window = TestSupport::runProgram(bin, {badLink()}, offscreen());
        QCOMPARE(window.exitCode, 2);
        QVERIFY2(window.err.contains("without a user name"), window.err.constData());
        commandsRunThrough(bin);
    }

    void aLinkToTheLauncherFindsThePrograms()
    {
        // A link in a folder of the user's (~/bin) leads to the programs beside the real file.
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/linked-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = installed(prefix, {QStringLiteral("sessionscope-commands"),
                                               QStringLiteral("sessionscope-store-commands")});
        QVERIFY(!bin.isEmpty());
        QVERIFY(QDir().mkpath(prefix.filePath(QStringLiteral("home/bin"))));
        const QString link = prefix.filePath(QStringLiteral("home/bin/sessionscope"));
        QVERIFY(QFile::link(bin, link));
        commandsRunThrough(link);
    }

    void missingWindowIsAClearError()
    {
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/alone-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = installed(prefix, {QStringLiteral("sessionscope-commands")});
        QVERIFY(!bin.isEmpty());
        const auto run = TestSupport::runProgram(bin, {QStringLiteral("--demo")}, offscreen());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("sessionscope: the window's program sessionscope-window is "
                                    "not installed (looked for "),
                 run.err.constData());
        QVERIFY2(run.err.contains(QFile::encodeName(QFileInfo(bin).path())), run.err.constData());
        QVERIFY2(run.err.endsWith("; the commands work without it (sessionscope --help)\n"),
                 run.err.constData());
        // The commands need no window.
        const auto version = TestSupport::runProgram(bin, {QStringLiteral("--version")},
                                                     TestSupport::cliEnvironment());
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("sessionscope " VERSION "\n"));
    }

    void missingCommandProgramsAreAClearError()
    {
        QTemporaryDir prefix(QDir::currentPath() + QStringLiteral("/bare-XXXXXX"));
        QVERIFY(prefix.isValid());
        const QString bin = installed(prefix, {});
        QVERIFY(!bin.isEmpty());
        const auto report =
            TestSupport::runProgram(bin, {QStringLiteral("report")}, TestSupport::cliEnvironment());
        QCOMPARE(report.exitCode, 2);
        QVERIFY2(report.err.startsWith("sessionscope: the commands' program sessionscope-commands "
                                       "is not installed (looked for "),
                 report.err.constData());
        QVERIFY2(report.err.endsWith("; reinstall Sessionscope\n"), report.err.constData());
        const auto search = TestSupport::runProgram(
            bin, {QStringLiteral("search"), QStringLiteral("x")}, TestSupport::cliEnvironment());
        QCOMPARE(search.exitCode, 2);
        QVERIFY2(search.err.contains("sessionscope-store-commands is not installed"),
                 search.err.constData());
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
        // The launcher says the same, without starting the window's program.
        const auto launcher =
            TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), {}, headless);
        QCOMPARE(launcher.exitCode, 2);
        QCOMPARE(launcher.err, noDisplay.err);
    }
};

QTEST_GUILESS_MAIN(TestPrograms)
#include "tst_programs.moc"
