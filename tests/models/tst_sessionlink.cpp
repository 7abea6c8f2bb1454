#include "models/sessionlink.h"

#include <QTest>

class TestSessionLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsIdsAndLinks_data();
    void readsIdsAndLinks();
    void aLinkReadsBackAsItsId();
};

void TestSessionLink::readsIdsAndLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id"); // empty: refused
    QTest::newRow("bare id") << "sess_0a1b2c"
                             << "sess_0a1b2c";
    QTest::newRow("pasted with spaces") << "  sess_0a1b2c\n"
                                        << "sess_0a1b2c";
    QTest::newRow("link") << "sessionscope://session/sess_0a1b2c"
                          << "sess_0a1b2c";
    QTest::newRow("link with a slash at the end") << "sessionscope://session/sess_9/"
                                                  << "sess_9";
    QTest::newRow("encoded link") << "sessionscope://session/a%2Bb"
                                  << "a+b";
    QTest::newRow("empty") << "   "
                           << "";
    QTest::newRow("two words") << "sess_1 sess_2"
                               << "";
    QTest::newRow("another kind of link") << "sessionscope://character/sess_1"
                                          << "";
    QTest::newRow("link without id") << "sessionscope://session/"
                                     << "";
    QTest::newRow("a web address") << "https://example.com/sess_1"
                                   << "";
}

void TestSessionLink::readsIdsAndLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    const auto read = SessionLink::sessionId(text);
    if (id.isEmpty()) {
        QVERIFY2(!read, qPrintable(read.value_or(QString())));
    } else {
        QVERIFY(read);
        QCOMPARE(*read, id);
    }
}

void TestSessionLink::aLinkReadsBackAsItsId()
{
    for (const QString &id :
         {QStringLiteral("sess_42"), QStringLiteral("a+b"), QStringLiteral("7f3e-ü")}) {
        const QUrl link = SessionLink::forSession(id);
        QCOMPARE(link.scheme(), QStringLiteral("sessionscope"));
        QVERIFY(link.toString().startsWith(QStringLiteral("sessionscope://session/")));
        QCOMPARE(SessionLink::sessionId(link.toString()).value_or(QString()), id);
    }
}

QTEST_GUILESS_MAIN(TestSessionLink)
#include "tst_sessionlink.moc"
