#include "demo/demodataset.h"
#include "models/transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
TranscriptTurn turn(TranscriptTurn::Role role, int index, double ts, const QString &text)
{
    TranscriptTurn t;
    t.role = role;
    t.turnIndex = index;
    t.ts = ts;
    t.text = text;
    return t;
}

QList<TranscriptTurn> threeTurns()
{
    using R = TranscriptTurn::Role;
    return {turn(R::Assistant, 0, 0.5, u"Hello, how can I help?"_s),
            turn(R::User, 1, 4.0, u"My <b>order</b> is late"_s),
            turn(R::Assistant, 2, 9.5, u"Let me check the order."_s)};
}

QList<TranscriptTurn> fromDemo(const QList<DemoTurn> &demo)
{
    QList<TranscriptTurn> out;
    for (const DemoTurn &d : demo)
        out.append(turn(d.assistant ? TranscriptTurn::Role::Assistant : TranscriptTurn::Role::User,
                        d.turnIndex, double(d.tsDs) / 10.0, d.text));
    return out;
}
} // namespace

class TestTranscriptModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndRoles()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setTurns(threeTurns());
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex user = model.index(1);
        QCOMPARE(user.data(TranscriptModel::RawTextRole).toString(), u"My <b>order</b> is late"_s);
        QCOMPARE(user.data(Qt::DisplayRole).toString(), u"My <b>order</b> is late"_s);
        QCOMPARE(user.data(TranscriptModel::SpeakerRole).toInt(), int(TranscriptTurn::Role::User));
        QCOMPARE(user.data(TranscriptModel::TimeTextRole).toString(), u"00:04"_s);
        QCOMPARE(user.data(TranscriptModel::TurnIndexRole).toInt(), 1);
        QVERIFY(user.data(Qt::ToolTipRole).toString().contains(u"Turn 1"_s));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void unsortedTurnsAreOrderedByTime()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto turns = threeTurns();
        std::swap(turns[0], turns[2]);
        model.setTurns(turns);
        QCOMPARE(model.index(0).data(TranscriptModel::TurnIndexRole).toInt(), 0);
        QCOMPARE(model.index(2).data(TranscriptModel::TurnIndexRole).toInt(), 2);
    }

    void rowAtTime_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("row");
        QTest::newRow("before first") << 0.2 << -1;
        QTest::newRow("at first") << 0.5 << 0;
        QTest::newRow("inside second") << 5.0 << 1;
        QTest::newRow("at third") << 9.5 << 2;
        QTest::newRow("past the end") << 900.0 << 2;
    }
    void rowAtTime()
    {
        QFETCH(double, seconds);
        QFETCH(int, row);
        TranscriptModel model;
        model.setTurns(threeTurns());
        QCOMPARE(model.rowAtTime(seconds), row);
    }

    void playingRoleChangesOnlyWhenTheTurnChanges()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTurns(threeTurns());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy rowChanged(&model, &TranscriptModel::playingRowChanged);
        for (qint64 ms = 600; ms < 4000; ms += 100) // many ticks inside turn 0
            model.setPlaybackPosition(ms);
        QCOMPARE(rowChanged.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
                 (QList<int>{TranscriptModel::PlayingRole, Qt::AccessibleDescriptionRole}));
        QVERIFY(model.index(0).data(TranscriptModel::PlayingRole).toBool());

        changed.clear();
        model.setPlaybackPosition(4200);
        QCOMPARE(model.playingRow(), 1);
        QCOMPARE(changed.size(), 2); // the old row and the new one, nothing else
        QVERIFY(!model.index(0).data(TranscriptModel::PlayingRole).toBool());
        QVERIFY(model.index(1).data(TranscriptModel::PlayingRole).toBool());
        model.setPlaybackPosition(100);
        QCOMPARE(model.playingRow(), -1);
    }

    void controlCharactersBecomeVisible()
    {
        const QString raw = u"a\u0007b\u001bc\u007fd\ne\tf"_s;
        const QString shown = TranscriptModel::displayText(raw);
        QCOMPARE(shown, u"a\u2407b\u241bc\u2421d\ne\tf"_s);
        QCOMPARE(shown.size(), raw.size()); // offsets of find matches stay valid
    }

    void htmlAndRightToLeftTextStayRaw_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("html") << u"<script>alert(1)</script> <b>bold</b> &amp; &lt;"_s;
        QTest::newRow("markdown") << u"**bold** _it_ [link](http://x) # head"_s;
        QTest::newRow("rtl") << u"مرحبا، كيف يمكنني مساعدتك؟ order 42"_s;
        QTest::newRow("bidi override") << u"abc \u202Eevil\u202C def"_s;
    }
    void htmlAndRightToLeftTextStayRaw()
    {
        QFETCH(QString, text);
        TranscriptModel model;
        model.setTurns({turn(TranscriptTurn::Role::User, 0, 0, text)});
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), text);
        QCOMPARE(model.index(0).data(TranscriptModel::RawTextRole).toString(), text);
    }

    void findHighlightsAndCycles()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTurns(threeTurns());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.setSearchText(u"ORDER"_s), 2);
        QCOMPARE(changed.size(), 2); // rows 1 and 2
        const auto ranges =
            model.index(1).data(TranscriptModel::MatchesRole).value<QList<TextRange>>();
        QCOMPARE(ranges, (QList<TextRange>{{6, 5}}));
        QVERIFY(model.index(1).data(TranscriptModel::CurrentMatchRole).isValid());
        QCOMPARE(model.nextMatch(), 2);
        QVERIFY(!model.index(1).data(TranscriptModel::CurrentMatchRole).isValid());
        QCOMPARE(model.nextMatch(), 1); // wraps
        QCOMPARE(model.previousMatch(), 2);
        QCOMPARE(model.setSearchText(u"(?"_s), 0); // plain text, not a pattern
        QCOMPARE(model.nextMatch(), -1);
        QCOMPARE(model.setSearchText({}), 0);
    }

    void exportsKeepTextLiteral()
    {
        TranscriptModel model;
        model.setTurns(threeTurns());
        const QString plain = model.toPlainText();
        QVERIFY(plain.contains(u"[00:04] User: My <b>order</b> is late\n"_s));
        const QString md = model.toMarkdown();
        QVERIFY(md.contains(u"My \\<b\\>order\\</b\\> is late"_s));
    }

    void demoQuirkTranscripts_data()
    {
        QTest::addColumn<int>("quirk");
        QTest::newRow("html") << int(DemoQuirk::Html);
        QTest::newRow("unicode") << int(DemoQuirk::Unicode);
        QTest::newRow("emoji") << int(DemoQuirk::Emoji);
        QTest::newRow("empty turns") << int(DemoQuirk::EmptyTurns);
        QTest::newRow("long") << int(DemoQuirk::LongTranscript);
    }
    void demoQuirkTranscripts()
    {
        QFETCH(int, quirk);
        static const DemoDataset dataset(2000, 1,
                                         QDateTime(QDate(2026, 5, 28), QTime(12, 0), Qt::UTC));
        const int index = dataset.indexOfQuirk(DemoQuirk(quirk));
        QVERIFY(index >= 0);
        const auto demo = dataset.transcript(dataset.sessions().at(index));
        TranscriptModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTurns(fromDemo(demo));
        QCOMPARE(model.rowCount(), demo.size());
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString raw = model.index(row).data(TranscriptModel::RawTextRole).toString();
            QCOMPARE(model.index(row).data(Qt::DisplayRole).toString(),
                     TranscriptModel::displayText(raw));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
