// The generated dataset on its own: determinism, ordering, transcript invariants, exact money,
// the awkward cases, and how long generation takes.

#include "demo/demodataset.h"
#include "demo/wavsynth.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemoDataset final : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 5, 28), QTime(14, 23, 48), Qt::UTC);

private Q_SLOTS:
    void sameSeedSameData()
    {
        const DemoDataset a(3000, 7, m_now);
        const DemoDataset b(3000, 7, m_now);
        const DemoDataset c(3000, 8, m_now);
        QCOMPARE(a.sessions().size(), 3000);
        bool differs = false;
        for (int i = 0; i < a.sessions().size(); ++i) {
            const DemoSession &x = a.sessions().at(i);
            const DemoSession &y = b.sessions().at(i);
            QCOMPARE(x.sessionId, y.sessionId);
            QCOMPARE(x.createdAtMs, y.createdAtMs);
            QCOMPARE(x.costMicros, y.costMicros);
            QCOMPARE(DemoDataset::transcriptText(a.transcript(x)),
                     DemoDataset::transcriptText(b.transcript(y)));
            differs = differs || x.sessionId != c.sessions().at(i).sessionId;
        }
        QVERIFY(differs);
    }

    void orderedNewestFirstWithTies()
    {
        const DemoDataset d(5000, 1, m_now);
        const auto &s = d.sessions();
        int ties = 0;
        QSet<QString> ids;
        for (int i = 0; i < s.size(); ++i) {
            QVERIFY(s.at(i).createdAtMs <= m_now.toMSecsSinceEpoch());
            QVERIFY(s.at(i).createdAtMs >= m_now.addDays(-121).toMSecsSinceEpoch());
            ids.insert(s.at(i).sessionId);
            if (i == 0)
                continue;
            QVERIFY(s.at(i - 1).createdAtMs >= s.at(i).createdAtMs);
            if (s.at(i - 1).createdAtMs == s.at(i).createdAtMs) {
                ++ties;
                QVERIFY(s.at(i - 1).id > s.at(i).id);
            }
        }
        QVERIFY(ties > 0);
        QCOMPARE(ids.size(), s.size());
    }

    void rhythm()
    {
        const DemoDataset d(20000, 3, m_now);
        int perHour[24] = {};
        int weekday = 0, weekend = 0;
        for (const DemoSession &s : d.sessions()) {
            const QDateTime t = s.createdAt();
            ++perHour[t.time().hour()];
            ++(t.date().dayOfWeek() >= 6 ? weekend : weekday);
        }
        int working = 0, smallHours = 0;
        for (int h = 9; h < 17; ++h)
            working += perHour[h];
        for (int h = 1; h < 5; ++h)
            smallHours += perHour[h];
        // Per hour, working hours are several times busier than the small hours; per day,
        // weekdays are busier than weekend days.
        QVERIFY(working / 8 > 4 * (smallHours / 4));
        QVERIFY(weekday / 5.0 > 1.5 * (weekend / 2.0));
    }

    void inProgressAreTheNewest()
    {
        const DemoDataset d(500, 1, m_now);
        const auto &s = d.sessions();
        QVERIFY(!s.at(0).finalizedAtMs.has_value());
        QVERIFY(!s.at(1).finalizedAtMs.has_value());
        for (int i = 3; i < s.size(); ++i)
            QVERIFY(s.at(i).finalizedAtMs.has_value());
    }

    void moneyAddsUp()
    {
        const DemoDataset d(3000, 5, m_now);
        QSet<QString> models, providers;
        for (const DemoSession &s : d.sessions()) {
            QCOMPARE(s.llmCostMicros,
                     DemoPricing::llmCostMicros(s.llmModel, s.llmInputTokens, s.llmOutputTokens));
            QCOMPARE(s.sttCostMicros, DemoPricing::sttCostMicros(s.sttProvider, s.sttDeciseconds));
            QCOMPARE(s.ttsCostMicros, DemoPricing::ttsCostMicros(s.ttsProvider, s.ttsCharacters));
            QCOMPARE(s.costMicros, s.llmCostMicros + s.sttCostMicros + s.ttsCostMicros);
            QVERIFY(s.costMicros > 0);
            models.insert(s.llmModel);
            providers.insert(s.llmProvider);
        }
        QVERIFY(models.contains(u"gpt-4o-mini"_s));
        QVERIFY(models.contains(u"claude-3-5-haiku"_s));
        QVERIFY(models.contains(u"gemini-1.5-flash"_s));
        QCOMPARE(providers.size(), 3);
    }

    void transcriptsAreConsistent()
    {
        const DemoDataset d(2000, 9, m_now);
        int alternations = 0, repeats = 0;
        for (const DemoSession &s : d.sessions()) {
            const QList<DemoTurn> turns = d.transcript(s);
            QCOMPARE(turns.size(), s.turnCount);
            for (int i = 0; i < turns.size(); ++i) {
                QCOMPARE(turns.at(i).turnIndex, i);
                QVERIFY(turns.at(i).tsDs >= 0);
                QVERIFY(turns.at(i).tsDs < s.durationDs);
                if (i > 0) {
                    QVERIFY(turns.at(i).tsDs > turns.at(i - 1).tsDs);
                    (turns.at(i).assistant != turns.at(i - 1).assistant ? alternations : repeats)++;
                }
            }
            const QStringList lines = DemoDataset::transcriptText(turns).split(u'\n');
            if (s.quirk != DemoQuirk::Markdown)
                QCOMPARE(lines.size(), turns.size());
            QVERIFY(
                lines.first().startsWith(turns.first().assistant ? u"Assistant: "_s : u"User: "_s));
        }
        QVERIFY(alternations > 5 * repeats);
    }

    void quirksArePresent()
    {
        const DemoDataset d(2000, 1, m_now);
        for (DemoQuirk q :
             {DemoQuirk::Unicode, DemoQuirk::Emoji, DemoQuirk::Html, DemoQuirk::Markdown,
              DemoQuirk::EmptyTurns, DemoQuirk::OddSessionId, DemoQuirk::LongTranscript}) {
            const int index = d.indexOfQuirk(q);
            QVERIFY2(index >= 0 && index < 50, "quirks sit on the first page");
        }
        const DemoSession &unicode = d.sessions().at(d.indexOfQuirk(DemoQuirk::Unicode));
        const QString text = DemoDataset::transcriptText(d.transcript(unicode));
        QVERIFY(text.contains(u"مرحبا"_s));
        QVERIFY(text.contains(u"你好"_s));
        QVERIFY(text.contains(u"Здравствуйте"_s));
        QVERIFY(text.contains(u"नमस्ते"_s));
        const DemoSession &html = d.sessions().at(d.indexOfQuirk(DemoQuirk::Html));
        QVERIFY(DemoDataset::transcriptText(d.transcript(html))
                    .contains(u"<script>alert(1)</script>"_s));
        const DemoSession &empty = d.sessions().at(d.indexOfQuirk(DemoQuirk::EmptyTurns));
        const auto emptyTurns = d.transcript(empty);
        QVERIFY(std::any_of(emptyTurns.cbegin(), emptyTurns.cend(),
                            [](const DemoTurn &t) { return t.text.isEmpty(); }));
        QCOMPARE(d.sessions().at(d.indexOfQuirk(DemoQuirk::LongTranscript)).turnCount, 5000);
        QVERIFY(d.sessions().at(d.indexOfQuirk(DemoQuirk::OddSessionId)).sessionId.contains(u' '));
        int nullUsers = 0, nullOrigins = 0, extras = 0;
        for (const DemoSession &s : d.sessions()) {
            nullUsers += !s.user.has_value();
            nullOrigins += s.originUrl.isNull();
            extras += s.extraFields;
        }
        QVERIFY(nullUsers > 0 && nullOrigins > 0 && extras > 0);
    }

    void recordingMatchesDuration()
    {
        const DemoDataset d(300, 1, m_now);
        const DemoSession &s = d.sessions().at(10);
        const WavSynth wav(s.durationDs, d.timeline(s), s.seed);
        QCOMPARE(wav.sampleCount(), s.durationDs * WavSynth::SampleRate / 10);
        QCOMPARE(wav.markers().size(), s.turnCount);
        // A byte range equals the same slice of the whole file.
        const QByteArray all = wav.bytes(0, wav.totalBytes());
        QCOMPARE(all.size(), wav.totalBytes());
        QCOMPARE(wav.bytes(1001, 777), all.mid(1001, 777));
        QCOMPARE(wav.bytes(3, 100), all.mid(3, 100));
    }

    void startupTime()
    {
        for (int count : {20000, 100000}) {
            QElapsedTimer timer;
            timer.start();
            const DemoDataset d(count, 1, m_now);
            qDebug("generating %d sessions took %lld ms", count, timer.elapsed());
            QCOMPARE(d.sessions().size(), count);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoDataset)
#include "tst_demodataset.moc"
