#include "app/gui/storeoption.h"

#include <QTest>

class TestStoreOption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesTheValueOutOfTheArguments_data();
    void takesTheValueOutOfTheArguments();
    void refusesAMissingOrRepeatedValue_data();
    void refusesAMissingOrRepeatedValue();
};

void TestStoreOption::takesTheValueOutOfTheArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("rest");
    const QString app = QStringLiteral("sessionscope");
    QTest::newRow("none") << QStringList{app, QStringLiteral("--demo")} << QString()
                          << QStringList{app, QStringLiteral("--demo")};
    QTest::newRow("separate") << QStringList{app, QStringLiteral("--database"),
                                             QStringLiteral("/data/s.sqlite"),
                                             QStringLiteral("--session"), QStringLiteral("x")}
                              << QStringLiteral("/data/s.sqlite")
                              << QStringList{app, QStringLiteral("--session"), QStringLiteral("x")};
    QTest::newRow("equals") << QStringList{app, QStringLiteral("--database=postgresql://u@h/db")}
                            << QStringLiteral("postgresql://u@h/db") << QStringList{app};
}

void TestStoreOption::takesTheValueOutOfTheArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, database);
    QFETCH(QStringList, rest);
    QString value;
    QString error;
    QVERIFY2(StoreOption::take(arguments, &value, &error), qPrintable(error));
    QCOMPARE(value, database);
    QCOMPARE(arguments, rest);
}

void TestStoreOption::refusesAMissingOrRepeatedValue_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString app = QStringLiteral("sessionscope");
    QTest::newRow("last") << QStringList{app, QStringLiteral("--database")}
                          << QStringLiteral("needs a SQLite file");
    QTest::newRow("option next") << QStringList{app, QStringLiteral("--database"),
                                                QStringLiteral("--demo")}
                                 << QStringLiteral("needs a SQLite file");
    QTest::newRow("empty") << QStringList{app, QStringLiteral("--database=")}
                           << QStringLiteral("needs a SQLite file");
    QTest::newRow("twice") << QStringList{app, QStringLiteral("--database=a"),
                                          QStringLiteral("--database"), QStringLiteral("b")}
                           << QStringLiteral("twice");
}

void TestStoreOption::refusesAMissingOrRepeatedValue()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QString value;
    QString error;
    QVERIFY(!StoreOption::take(arguments, &value, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestStoreOption)
#include "tst_storeoption.moc"
