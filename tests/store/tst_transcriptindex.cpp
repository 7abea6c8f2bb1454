// Search over every stored turn, on SQLite (FTS5) and PostgreSQL (to_tsvector): accents and
// case folded, non-Latin scripts found (Cyrillic, Greek, Arabic, Devanagari, and Chinese,
// Japanese, Korean and Thai inside a sentence without spaces), markup kept as text, filters
// applied, and the folding itself.

#include "api/usagequery.h"
#include "store/searchtext.h"
#include "store/sessionwriter.h"
#include "store/transcriptindex.h"
#include "tests/store/storefixture.h"

#include <QTimeZone>

namespace {
SessionSummary session(const QString &id, const QString &character, int day,
                       const QStringList &turns)
{
    SessionSummary s;
    s.sessionId = id;
    s.characterSlug = character;
    s.tenantId = QStringLiteral("tenant-a");
    s.createdAt = QDateTime(QDate(2026, 5, day), QTime(10, 0), QTimeZone::utc());
    s.finalizedAt = s.createdAt.addSecs(300);
    s.estimatedCost = Money::fromMicros(1234);
    s.recordingStatus = RecordingStatus::Ready;
    QList<TranscriptTurn> list;
    for (int i = 0; i < turns.size(); ++i)
        list.append({i % 2 ? TranscriptTurn::Role::User : TranscriptTurn::Role::Assistant, i,
                     12.5 * i, turns.at(i)});
    s.transcript = list;
    s.turnCount = int(list.size());
    s.transcriptTextIsTurns = true;
    return s;
}

const QList<SessionSummary> &corpus()
{
    static const QList<SessionSummary> sessions = {
        session(QStringLiteral("sess_fr"), QStringLiteral("support-bot"), 1,
                {QStringLiteral("Bonjour, comment puis-je vous aider ?"),
                 QStringLiteral("Je voudrais un remboursement, s'il vous plaît. Un café crème "
                                "renversé sur ma commande.")}),
        session(QStringLiteral("sess_ru"), QStringLiteral("support-bot"), 2,
                {QStringLiteral("Здравствуйте! Где мой возврат?")}),
        session(QStringLiteral("sess_el"), QStringLiteral("sales-bot"), 3,
                {QStringLiteral("Καλημέρα, θέλω επιστροφή χρημάτων.")}),
        session(QStringLiteral("sess_ar"), QStringLiteral("sales-bot"), 4,
                {QStringLiteral("مرحبا، أريد اسْتِرداد المال من فضلك.")}),
        session(QStringLiteral("sess_cjk"), QStringLiteral("support-bot"), 5,
                {QStringLiteral("你好，我想申请退款。"), QStringLiteral("返金をお願いします。"),
                 QStringLiteral("환불해 주세요"), QStringLiteral("ขอคืนเงินครับ")}),
        session(QStringLiteral("sess_hi"), QStringLiteral("sales-bot"), 6,
                {QStringLiteral("नमस्ते, मुझे अपना पासवर्ड बदलना है।")}),
        session(QStringLiteral("sess_html"), QStringLiteral("support-bot"), 7,
                {QStringLiteral("<b>refund</b> <script>alert(1)</script> &amp; done"),
                 QStringLiteral("A refund policy applies to annual plans.")}),
    };
    return sessions;
}
} // namespace

class TestTranscriptIndex final : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_fixture;

    QList<TranscriptHit> find(const SessionStore &store, const QString &text,
                              const UsageQuery &filter = {})
    {
        QList<TranscriptHit> hits;
        QString error;
        if (!TranscriptIndex::search(store, text, filter, 100, &hits, &error))
            qWarning() << error;
        return hits;
    }

private Q_SLOTS:
    void initTestCase() { m_fixture.start(); }

    void folding()
    {
        QCOMPARE(SearchText::folded(QStringLiteral("Café CRÈME, s'il vous plaît!")),
                 QStringLiteral("cafe creme s il vous plait"));
        QCOMPARE(SearchText::folded(QStringLiteral("Straße ﬁle")), QStringLiteral("strasse file"));
        QCOMPARE(SearchText::folded(QStringLiteral("我想退款")), QStringLiteral("我 想 退 款"));
        QCOMPARE(SearchText::folded(QStringLiteral("Καλημέρα")), QStringLiteral("καλημερα"));
        QCOMPARE(SearchText::tokens(QStringLiteral("<b>x</b>")),
                 (QStringList{QStringLiteral("b"), QStringLiteral("x"), QStringLiteral("b")}));
        QVERIFY(SearchText::queryWords(QStringLiteral(" ?! ")).isEmpty());
        // The writer's UTF-8 way folds as the QString one does, ASCII or not.
        for (const QString &text :
             {QStringLiteral("  Hello, World!--42  "), QStringLiteral("Straße Café"),
              QStringLiteral("<b>x</b>"), QStringLiteral("我想退款 ok"), QString()})
            QCOMPARE(SearchText::foldedUtf8(text.toUtf8()), SearchText::folded(text).toUtf8());
        const auto s = SearchText::snippet(QStringLiteral("Un café crème renversé"),
                                           SearchText::tokens(QStringLiteral("CREME")));
        QCOMPARE(s.text.mid(s.matchStart, s.matchLength), QStringLiteral("crème"));
    }

    void search_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("character");
        QTest::addColumn<QStringList>("sessions");
        QTest::addColumn<QString>("matched"); ///< the snippet's marked text, in the turn
        struct Case
        {
            const char *name;
            QString query;
            QString character;
            QStringList sessions;
            QString matched;
        };
        const QList<Case> cases = {
            {"accent folded",
             QStringLiteral("CAFE"),
             {},
             {QStringLiteral("sess_fr")},
             QStringLiteral("café")},
            {"accent in query",
             QStringLiteral("plaît remboursement"),
             {},
             {QStringLiteral("sess_fr")},
             QStringLiteral("plaît")},
            {"cyrillic",
             QStringLiteral("ВОЗВРАТ"),
             {},
             {QStringLiteral("sess_ru")},
             QStringLiteral("возврат")},
            {"greek without accent",
             QStringLiteral("επιστροφη"),
             {},
             {QStringLiteral("sess_el")},
             QStringLiteral("επιστροφή")},
            {"arabic without harakat",
             QStringLiteral("استرداد"),
             {},
             {QStringLiteral("sess_ar")},
             QStringLiteral("اسْتِرداد")},
            {"chinese inside a sentence",
             QStringLiteral("退款"),
             {},
             {QStringLiteral("sess_cjk")},
             QStringLiteral("退款")},
            {"japanese",
             QStringLiteral("返金"),
             {},
             {QStringLiteral("sess_cjk")},
             QStringLiteral("返金")},
            {"korean",
             QStringLiteral("환불"),
             {},
             {QStringLiteral("sess_cjk")},
             QStringLiteral("환불")},
            {"thai",
             QStringLiteral("คืนเงิน"),
             {},
             {QStringLiteral("sess_cjk")},
             QStringLiteral("คืนเงิน")},
            {"devanagari",
             QStringLiteral("पासवर्ड"),
             {},
             {QStringLiteral("sess_hi")},
             QStringLiteral("पासवर्ड")},
            {"markup is text",
             QStringLiteral("script"),
             {},
             {QStringLiteral("sess_html")},
             QStringLiteral("script")},
            {"two turns",
             QStringLiteral("refund"),
             {},
             {QStringLiteral("sess_html"), QStringLiteral("sess_html")},
             QStringLiteral("refund")},
            {"every word",
             QStringLiteral("refund annual"),
             {},
             {QStringLiteral("sess_html")},
             QStringLiteral("refund")},
            {"character filter", QStringLiteral("refund"), QStringLiteral("sales-bot"), {}, {}},
            {"nothing", QStringLiteral("xylophone"), {}, {}, {}},
        };
        for (const char *backend : {"sqlite", "postgresql"}) {
            for (const Case &c : cases)
                QTest::addRow("%s, %s", backend, c.name) << QString::fromLatin1(backend) << c.query
                                                         << c.character << c.sessions << c.matched;
        }
    }
    void search()
    {
        FRESH_STORE(m_fixture, location);
        QFETCH(QString, query);
        QFETCH(QString, character);
        QFETCH(QStringList, sessions);
        QFETCH(QString, matched);
        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        {
            SessionWriter writer(store);
            QVERIFY(store.begin(&error));
            for (const SessionSummary &s : corpus()) {
                bool inserted = false;
                QVERIFY2(writer.upsert(s, &inserted, &error), qPrintable(error));
            }
            QVERIFY2(store.commit(&error), qPrintable(error));
        }
        UsageQuery filter;
        filter.characterSlug = character;
        const QList<TranscriptHit> hits = find(store, query, filter);
        QStringList found;
        for (const TranscriptHit &h : hits)
            found.append(h.sessionId);
        QCOMPARE(found, sessions);
        for (const TranscriptHit &h : hits) {
            QVERIFY(h.matchStart >= 0);
            QCOMPARE(h.snippet.mid(h.matchStart, h.matchLength).toLower(), matched.toLower());
            QVERIFY(h.text.contains(h.snippet.mid(h.matchStart, h.matchLength)));
        }
        if (query == u"script") {
            QCOMPARE(hits.constFirst().text,
                     QStringLiteral("<b>refund</b> <script>alert(1)</script> &amp; done"));
            QCOMPARE(hits.constFirst().turnIndex, qint64(0));
        }
        if (query == u"退款") {
            QCOMPARE(hits.constFirst().turnIndex, qint64(0));
            QCOMPARE(hits.constFirst().role, QStringLiteral("assistant"));
        }
        // Written again (a later sync), a session is found once, not twice.
        SessionWriter writer(store);
        QVERIFY(store.begin(&error));
        for (const SessionSummary &s : corpus()) {
            bool inserted = true;
            QVERIFY2(writer.upsert(s, &inserted, &error), qPrintable(error));
            QVERIFY(!inserted);
        }
        QVERIFY(store.commit(&error));
        QCOMPARE(find(store, query, filter).size(), hits.size());
    }

    void newestSessionsFirst_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
    }
    /// A common word is looked for among the newest sessions first; what it finds there must be
    /// exactly the first hits of the whole index, whatever order the turns were written in, with
    /// sessions of the same instant, a filter, and words that the newest sessions lack.
    void newestSessionsFirst()
    {
        FRESH_STORE(m_fixture, location);
        SessionStore store;
        QString error;
        QVERIFY2(store.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        // 240 sessions, three to a minute, written in a shuffled order so that row IDs say
        // nothing of age; every session says "common" twice, the older half also "older".
        const QDateTime start(QDate(2026, 5, 1), QTime(10, 0), QTimeZone::utc());
        const auto idOf = [](int age) {
            return QStringLiteral("sess_%1").arg((age * 7919) % 1000, 3, 10, QLatin1Char('0'));
        };
        QList<SessionSummary> sessions;
        for (int i = 0; i < 240; ++i) {
            QStringList turns = {QStringLiteral("A common greeting %1").arg(i),
                                 QStringLiteral("Nothing to see"),
                                 QStringLiteral("The common answer")};
            if (i < 120)
                turns.append(QStringLiteral("An older habit, common then"));
            SessionSummary s = session(
                QStringLiteral("sess_%1").arg((i * 7919) % 1000, 3, 10, QLatin1Char('0')),
                i % 4 ? QStringLiteral("support-bot") : QStringLiteral("sales-bot"), 1, turns);
            s.createdAt = start.addSecs(60 * (i / 3));
            s.finalizedAt = s.createdAt.addSecs(30);
            sessions.append(s);
        }
        for (int i = 0; i < sessions.size(); ++i)
            sessions.swapItemsAt(i, (i * 131) % sessions.size());
        // The newest session's turns get the lowest row IDs and the next newest's the highest:
        // the turns of the newest sessions span every row ID in between, ends included.
        const auto moveSession = [&](int age, qsizetype to) {
            for (qsizetype at = 0; at < sessions.size(); ++at) {
                if (sessions.at(at).sessionId == idOf(age)) {
                    sessions.move(at, to);
                    return;
                }
            }
        };
        moveSession(239, 0);
        moveSession(238, sessions.size() - 1);
        {
            SessionWriter writer(store);
            QVERIFY(store.begin(&error));
            for (const SessionSummary &s : std::as_const(sessions)) {
                bool inserted = false;
                QVERIFY2(writer.upsert(s, &inserted, &error), qPrintable(error));
            }
            QVERIFY2(store.commit(&error), qPrintable(error));
        }
        const auto keys = [](const QList<TranscriptHit> &hits) {
            QStringList list;
            for (const TranscriptHit &h : hits)
                list.append(h.sessionId + QLatin1Char('/') + QString::number(h.turnIndex));
            return list;
        };
        int fromNewest = 0;
        for (const QString &word : {QStringLiteral("common"), QStringLiteral("older")}) {
            for (const QString &character :
                 {QString(), QStringLiteral("support-bot"), QStringLiteral("sales-bot")}) {
                UsageQuery filter;
                filter.characterSlug = character;
                QList<TranscriptHit> all;
                QVERIFY2(TranscriptIndex::search(store, word, filter, 100000, &all, &error),
                         qPrintable(error));
                QVERIFY(all.size() >= 30);
                for (int limit : {1, 2, 3, 5, 7, 10, 30}) {
                    QList<TranscriptHit> hits;
                    QStringList statements;
                    QVERIFY2(TranscriptIndex::search(store, word, filter, limit, &hits, &error,
                                                     &statements),
                             qPrintable(error));
                    QCOMPARE(keys(hits), keys(all.mid(0, limit)));
                    QCOMPARE(hits.constFirst().snippet, all.constFirst().snippet);
                    if (statements.size() > 2) // the probe, and more than the whole index
                        ++fromNewest;
                }
            }
        }
        QVERIFY(fromNewest > 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptIndex)
#include "tst_transcriptindex.moc"
