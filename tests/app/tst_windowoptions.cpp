#include "app/cli/cli.h"
#include "app/launchoptions.h"

#include <QTest>

class TestWindowOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void databaseOpensTheWindowOnAStore_data();
    void databaseOpensTheWindowOnAStore();
    void aMissingOrRepeatedDatabaseIsRefused_data();
    void aMissingOrRepeatedDatabaseIsRefused();
};

void TestWindowOptions::databaseOpensTheWindowOnAStore_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("session");
    const QString app = QStringLiteral("sessionscope");
    QTest::newRow("none") << QStringList{app, QStringLiteral("--demo")} << QString() << QString();
    QTest::newRow("separate") << QStringList{app, QStringLiteral("--database"),
                                             QStringLiteral("/data/s.sqlite"),
                                             QStringLiteral("--session"), QStringLiteral("x")}
                              << QStringLiteral("/data/s.sqlite") << QStringLiteral("x");
    QTest::newRow("equals") << QStringList{app, QStringLiteral("--database=postgresql://u@h/db")}
                            << QStringLiteral("postgresql://u@h/db") << QString();
}

void TestWindowOptions::databaseOpensTheWindowOnAStore()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, database);
    QFETCH(QString, session);
    LaunchOptions options;
    QString error;
    QVERIFY2(Cli::parseGuiOptions(arguments, options, &error), qPrintable(error));
    QCOMPARE(options.database, database);
    QCOMPARE(options.sessionId, session);
}

void TestWindowOptions::aMissingOrRepeatedDatabaseIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString app = QStringLiteral("sessionscope");
    QTest::newRow("last") << QStringList{app, QStringLiteral("--database")}
                          << QStringLiteral("Missing value after '--database'");
    QTest::newRow("option next") << QStringList{app, QStringLiteral("--database"),
                                                QStringLiteral("--demo")}
                                 << QStringLiteral("needs a SQLite file");
    QTest::newRow("empty") << QStringList{app, QStringLiteral("--database=")}
                           << QStringLiteral("needs a SQLite file");
    QTest::newRow("twice") << QStringList{app, QStringLiteral("--database=a"),
                                          QStringLiteral("--database"), QStringLiteral("b")}
                           << QStringLiteral("twice");
}

void TestWindowOptions::aMissingOrRepeatedDatabaseIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    LaunchOptions options;
    QString error;
    QVERIFY(!Cli::parseGuiOptions(arguments, options, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestWindowOptions)
#include "tst_windowoptions.moc"
