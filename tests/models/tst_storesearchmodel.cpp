#include "models/storebrowser.h"
#include "models/storesearchmodel.h"
#include "tests/models/storefixture.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSqlQuery>

namespace {
constexpr int Timeout = 60000;
}

class TestStoreSearchModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsTheTurnsTheIndexHolds();
    void aNewSearchDropsTheOldAnswer();
    void aQueryWithoutWordsFailsWithItsMessage();

private:
    SyncedStore m_store;
    std::unique_ptr<StoreBrowser> m_browser;
    QString m_word; ///< a word of some stored turn
};

void TestStoreSearchModel::initTestCase()
{
    QString error;
    QVERIFY2(m_store.fill(800, &error), qPrintable(error));
    {
        SessionStore direct;
        QVERIFY(direct.open(m_store.location, SessionStore::Access::Reader, &error));
        QSqlQuery turns(direct.database());
        QVERIFY(turns.exec(QStringLiteral("SELECT text FROM transcript_turns ORDER BY turn_id "
                                          "LIMIT 50")));
        static const QRegularExpression word(QStringLiteral("\\b([A-Za-z]{7,})\\b"));
        while (m_word.isEmpty() && turns.next()) {
            const auto match = word.match(turns.value(0).toString());
            if (match.hasMatch())
                m_word = match.captured(1);
        }
    }
    QVERIFY(!m_word.isEmpty());
    m_browser = std::make_unique<StoreBrowser>();
    QSignalSpy opened(m_browser.get(), &StoreBrowser::opened);
    m_browser->open(m_store.location.path);
    QVERIFY(opened.wait(Timeout));
    QVERIFY(opened.constFirst().constFirst().toBool());
}

void TestStoreSearchModel::findsTheTurnsTheIndexHolds()
{
    StoreSearchModel model(m_browser.get());
    QAbstractItemModelTester tester(&model);
    model.search(m_word);
    QCOMPARE(model.status(), StoreSearchModel::Status::Searching);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), StoreSearchModel::Status::Ready, Timeout);
    QVERIFY(model.rowCount() > 0);

    // The same as the index answers on a connection of this thread.
    SessionStore direct;
    QString error;
    QVERIFY(direct.open(m_store.location, SessionStore::Access::Reader, &error));
    QList<TranscriptHit> expected;
    QVERIFY2(
        TranscriptIndex::search(direct, m_word, {}, StoreBrowser::SearchLimit, &expected, &error),
        qPrintable(error));
    QCOMPARE(model.rowCount(), expected.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(StoreSearchModel::SessionIdRole).toString(), expected[row].sessionId);
        QCOMPARE(index.data(StoreSearchModel::SecondsRole).toDouble(), expected[row].ts);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(m_word, Qt::CaseInsensitive));
        const QString snippet = index.data(StoreSearchModel::SnippetRole).toString();
        const qint64 start = index.data(StoreSearchModel::MatchStartRole).toLongLong();
        const qint64 length = index.data(StoreSearchModel::MatchLengthRole).toLongLong();
        QVERIFY(start >= 0);
        QCOMPARE(snippet.mid(start, length).compare(m_word, Qt::CaseInsensitive), 0);
        QVERIFY(index.data().toString().contains(expected[row].characterSlug));
        // A screen reader gets the place and the painted snippet.
        const QString spoken = index.data(Qt::AccessibleTextRole).toString();
        QVERIFY(spoken.startsWith(index.data().toString()));
        QVERIFY(spoken.endsWith(snippet));
    }
}

void TestStoreSearchModel::aNewSearchDropsTheOldAnswer()
{
    StoreSearchModel model(m_browser.get());
    QAbstractItemModelTester tester(&model);
    QSignalSpy status(&model, &StoreSearchModel::statusChanged);
    model.search(QStringLiteral("zzzzqqqq"));
    model.search(m_word);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), StoreSearchModel::Status::Ready, Timeout);
    QCOMPARE(model.text(), m_word);
    QVERIFY(model.rowCount() > 0);
    // Searching, then Ready once: the first question's empty answer never showed.
    QCOMPARE(status.size(), 2);
}

void TestStoreSearchModel::aQueryWithoutWordsFailsWithItsMessage()
{
    StoreSearchModel model(m_browser.get());
    QAbstractItemModelTester tester(&model);
    model.search(QStringLiteral("?!"));
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), StoreSearchModel::Status::Failed, Timeout);
    QVERIFY2(model.lastError().contains(QStringLiteral("no letters or digits")),
             qPrintable(model.lastError()));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestStoreSearchModel)
#include "tst_storesearchmodel.moc"
