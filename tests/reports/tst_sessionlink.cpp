#include "reports/sessionlink.h"

#include <QTest>

/// What "Go to session" and "Copy link to session" make of links and ids. The links' full
/// grammar (servers, bad parameters) is checked with the command line in tst_cli_sessionlink.
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
    QTest::newRow("link with its server")
        << "sessionscope://session/sess_9?server=https://api.example.com"
        << "sess_9";
    QTest::newRow("encoded link") << "sessionscope://session/a%2Bb%2Fc"
                                  << "a+b/c";
    QTest::newRow("empty") << "   "
                           << "";
    QTest::newRow("two words") << "sess_1 sess_2"
                               << "";
    QTest::newRow("another kind of link") << "sessionscope://character/sess_1"
                                          << "";
    QTest::newRow("link without id") << "sessionscope://session/"
                                     << "";
}

void TestSessionLink::readsIdsAndLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QString error;
    const auto read = SessionLinks::sessionIdFrom(text, &error);
    if (id.isEmpty()) {
        QVERIFY2(!read, qPrintable(read.value_or(QString())));
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(*read, id);
    }
}

void TestSessionLink::aLinkReadsBackAsItsId()
{
    const QUrl server(QStringLiteral("https://api.example.com/v2"));
    for (const QString &id :
         {QStringLiteral("sess_42"), QStringLiteral("a+b/c d"), QStringLiteral("7f3e-ü?#%")}) {
        for (const QUrl &with : {QUrl(), server}) {
            const QUrl link = SessionLinks::toUrl(id, with);
            QVERIFY(link.isValid());
            QString error;
            const auto parsed = SessionLinks::parse(link.toString(QUrl::FullyEncoded), &error);
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(parsed->sessionId, id);
            QCOMPARE(parsed->server, with);
        }
    }
}

QTEST_GUILESS_MAIN(TestSessionLink)
#include "tst_sessionlink.moc"
