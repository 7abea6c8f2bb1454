#include "tests/support/testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

// The man pages are written by hand; this keeps them true to the programs: every option that a
// --help prints, and every command, is described in the page.
class TestManPage : public QObject
{
    Q_OBJECT

private:
    static QString readPage(const char *path)
    {
        QFile file(QString::fromLocal8Bit(path));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }

    static QString helpOf(const QString &program, const QStringList &arguments)
    {
        QProcessEnvironment env = TestSupport::cliEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const auto run = TestSupport::runProgram(program, arguments, env);
        if (run.exitCode != 0)
            return {};
        return QString::fromUtf8(run.out);
    }

    /// The long options of a help text: the lines of its option list.
    static QStringList optionsIn(const QString &help)
    {
        static const QRegularExpression option(
            QStringLiteral("^  (?:-[a-zA-Z], )?--([a-z][a-z0-9-]*)"),
            QRegularExpression::MultilineOption);
        QStringList names;
        for (auto it = option.globalMatch(help); it.hasNext();)
            names.append(it.next().captured(1));
        return names;
    }

    /// How roff spells an option: every hyphen escaped, as man pages must for copy and paste.
    static QString inRoff(const QString &option)
    {
        return QStringLiteral("--%1").arg(option).replace(u'-', QStringLiteral("\\-"));
    }

    static void checkAllDescribed(const QString &help, const QString &page, const QString &what)
    {
        const QStringList options = optionsIn(help);
        QVERIFY2(options.size() >= 2,
                 qPrintable(what + QStringLiteral(" lists no options:\n") + help));
        for (const QString &option : options)
            QVERIFY2(
                page.contains(inRoff(option)),
                qPrintable(QStringLiteral("--%1 of %2 is not in the man page").arg(option, what)));
    }

private Q_SLOTS:
    void pagesCarryTheVersion_data()
    {
        QTest::addColumn<QString>("page");
        QTest::newRow("sessionscope") << readPage(MANPAGE_SESSIONSCOPE);
        QTest::newRow("sessionscope-demo-server") << readPage(MANPAGE_DEMO_SERVER);
    }
    void pagesCarryTheVersion()
    {
        QFETCH(QString, page);
        QVERIFY(page.startsWith(QStringLiteral(".\\\"")));
        QVERIFY(page.contains(QStringLiteral("\"Sessionscope %1\"").arg(QStringLiteral(VERSION))));
    }

    void everyCommandHasItsSection()
    {
        const QString help =
            helpOf(QStringLiteral(SESSIONSCOPE_BINARY), {QStringLiteral("--help")});
        const qsizetype commandsAt = help.indexOf(QStringLiteral("\nCommands:\n"));
        QVERIFY2(commandsAt > 0, qPrintable(help));
        static const QRegularExpression command(QStringLiteral("^  ([a-z]+) "),
                                                QRegularExpression::MultilineOption);
        QStringList commands;
        for (auto it = command.globalMatch(help, commandsAt); it.hasNext();)
            commands.append(it.next().captured(1));
        QVERIFY2(commands.contains(QStringLiteral("report")), qPrintable(help));
        const QString page = readPage(MANPAGE_SESSIONSCOPE);
        for (const QString &name : commands)
            QVERIFY2(page.contains(QStringLiteral("\n.SS %1\n").arg(name)),
                     qPrintable(QStringLiteral("command %1 has no section").arg(name)));
    }

    void helpAllIsTheCommandsHelp()
    {
        // Listed by every command's --help, so the page describes it; it must print the help,
        // not be ignored while the command runs.
        const QString binary = QStringLiteral(SESSIONSCOPE_BINARY);
        const QString help = helpOf(binary, {QStringLiteral("export"), QStringLiteral("--help")});
        QVERIFY(help.contains(QStringLiteral("--help-all")));
        QCOMPARE(helpOf(binary, {QStringLiteral("export"), QStringLiteral("--help-all")}), help);
    }

    void everyOptionIsDescribed_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("page");
        const QString binary = QStringLiteral(SESSIONSCOPE_BINARY);
        const QString page = readPage(MANPAGE_SESSIONSCOPE);
        QTest::newRow("window") << binary << QStringList{QStringLiteral("--help")} << page;
        for (const char *command :
             {"report", "export", "sync", "compare", "search", "tag", "note"}) {
            QTest::newRow(command)
                << binary << QStringList{QString::fromLatin1(command), QStringLiteral("--help")}
                << page;
        }
        QTest::newRow("demo server")
            << QStringLiteral(DEMO_SERVER_BINARY) << QStringList{QStringLiteral("--help")}
            << readPage(MANPAGE_DEMO_SERVER);
    }
    void everyOptionIsDescribed()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, page);
        QVERIFY(!page.isEmpty());
        const QString help = helpOf(program, arguments);
        QVERIFY2(!help.isEmpty(), qPrintable(arguments.join(u' ')));
        checkAllDescribed(help, page, QString::fromLatin1(QTest::currentDataTag()));
    }
};

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_manpage.moc"
