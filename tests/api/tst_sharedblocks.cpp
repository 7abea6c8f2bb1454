#include "api/sharedblocks.h"
#include "api/usagedecoder.h"

#include <QTest>

#include <cstring>
#include <memory>
#include <type_traits>

namespace {
/// A QByteArray of `text` taken from `blocks`, as the decoder makes them.
QByteArray bytes(SharedBlocks<char> &blocks, QByteArrayView text)
{
    return QByteArray(blocks.copyOf(text.data(), text.size()));
}

/// A session whose short values are all read into shared blocks.
QByteArray sessionJson(int id, const QByteArray &room)
{
    return "{\"id\":" + QByteArray::number(id) + ",\"session_id\":\"sess_" +
           QByteArray::number(id) + "\",\"room_name\":\"" + room +
           "\",\"origin_url\":\"https://shop.example/p/" + QByteArray::number(id) +
           "\",\"metadata\":{\"n\":" + QByteArray::number(id) + "},\"recording_url\":\"s3://b/" +
           QByteArray::number(id) + ".wav\",\"recording_presigned_url\":\"https://rec.example/" +
           QByteArray::number(id) +
           ".wav?sig=x\",\"transcript\":[{\"role\":\"assistant\",\"text\":\"turn " +
           QByteArray::number(id) + "\",\"ts\":0},{\"role\":\"user\",\"text\":\"é 👋\",\"ts\":1}]}";
}

UsagePage decodePage(int sessions, const QByteArray &room = "room")
{
    QByteArray list;
    for (int i = 1; i <= sessions; ++i)
        list += (i > 1 ? "," : "") + sessionJson(i, room);
    const QByteArray json = "{\"success\":true,\"message\":\"ok\",\"data\":{\"total_sessions\":" +
                            QByteArray::number(sessions) +
                            ",\"total_llm_input_tokens\":0,\"total_llm_output_tokens\":0,"
                            "\"total_stt_audio_seconds\":0,\"total_tts_characters\":0,"
                            "\"total_estimated_cost_usd\":\"0.000000\",\"sessions\":{\"data\":[" +
                            list + "],\"pagination\":{\"count\":" + QByteArray::number(sessions) +
                            ",\"next\":null,\"previous\":null}}},\"errors\":null}";
    auto result = UsageDecoder::decodeUsagePage(json);
    if (!result)
        qFatal("%s", qPrintable(result.error().message));
    return result.value();
}
} // namespace

class TestSharedBlocks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arraysShareABlockAndAreTerminated()
    {
        SharedBlocks<char> blocks(64, true);
        const QByteArray a = bytes(blocks, "abc");
        const QByteArray b = bytes(blocks, "defg");
        QCOMPARE(a, QByteArray("abc"));
        QCOMPARE(b, QByteArray("defg"));
        // One block: b starts right after a and its terminator.
        QCOMPARE(b.constData(), a.constData() + 4);
        QCOMPARE(a.constData()[3], '\0');
        QCOMPARE(b.constData()[4], '\0');
        QCOMPARE(std::strlen(a.constData()), size_t(3));
        QVERIFY(!a.isDetached()); // the block is held by b and by the blocks too
    }

    void aFullBlockStartsAnother()
    {
        SharedBlocks<char> blocks(16, true);
        QList<QByteArray> all;
        for (int i = 0; i < 10; ++i)
            all.append(bytes(blocks, "xyz"));
        for (const QByteArray &x : std::as_const(all))
            QCOMPARE(x, QByteArray("xyz"));
        // Four a block (3 bytes and a terminator in 16): ten arrays in three blocks.
        QCOMPARE(all.at(3).constData(), all.at(0).constData() + 12);
        QVERIFY(all.at(4).constData() != all.at(3).constData() + 4);
    }

    void aLargeArrayHasItsOwnAllocation()
    {
        SharedBlocks<char> blocks(64, true);
        const QByteArray small = bytes(blocks, "ab");
        const QByteArray large(40, 'L');
        const QByteArray big = bytes(blocks, large);
        QCOMPARE(big, large);
        QVERIFY(big.isDetached()); // nothing else holds its storage
        const QByteArray next = bytes(blocks, "cd");
        QCOMPARE(next.constData(), small.constData() + 3); // the block went on being filled
    }

    void arraysOutliveTheirBlocksAndEachOther()
    {
        QByteArray kept;
        QList<QByteArray> others;
        {
            SharedBlocks<char> blocks(64, true);
            others.append(bytes(blocks, "first"));
            kept = bytes(blocks, "kept");
            others.append(bytes(blocks, "third"));
        }
        others.clear();
        // The last holder of the block: the rest of it is free, and it may grow into it.
        QVERIFY(kept.isDetached());
        kept.append("+more");
        QCOMPARE(kept, QByteArray("kept+more"));
        kept.prepend("<");
        QCOMPARE(kept, QByteArray("<kept+more"));
    }

    void aChangeDetachesFromNeighbours()
    {
        SharedBlocks<char16_t> blocks(64, true);
        const auto make = [&](QStringView text) {
            std::copy(text.utf16(), text.utf16() + text.size(), blocks.reserve(text.size()));
            return QString(blocks.take(text.size()));
        };
        QString a = make(u"alpha");
        const QString b = make(u"beta");
        a.append(u"-changed");
        a[0] = u'A';
        QCOMPARE(a, QStringLiteral("Alpha-changed"));
        QCOMPARE(b, QStringLiteral("beta"));
        QCOMPARE(b.utf16()[4], u'\0');
    }

    void listsOfTrivialElements()
    {
        struct Pair
        {
            int a;
            double b;
        };
        SharedBlocks<Pair> blocks(8, false);
        const auto make = [&](int n) {
            Pair *p = blocks.reserve(n);
            for (int i = 0; i < n; ++i)
                p[i] = {i, i * 0.5};
            return QList<Pair>(blocks.take(n));
        };
        const QList<Pair> one = make(2);
        QList<Pair> two = make(2);
        QCOMPARE(two.constData(), one.constData() + 2); // no terminator between lists
        two.append({9, 9});
        QCOMPARE(one.size(), 2);
        QCOMPARE(one.at(1).a, 1);
        QCOMPARE(two.at(2).a, 9);
    }

    // Through the decoder: the values read into shared blocks are those the text holds, and
    // each session keeps its values whatever happens to the others.
    void decodedValuesAreIndependent()
    {
        std::unique_ptr<SessionSummary> kept;
        {
            const UsagePage page = decodePage(50, "caf\\u00e9 \\ud83c\\udfa7 <b>x</b>");
            QCOMPARE(page.sessions.size(), 50);
            for (int i = 0; i < 50; ++i) {
                const SessionSummary &s = page.sessions.at(i);
                const QByteArray n = QByteArray::number(i + 1);
                QCOMPARE(s.roomName, QString::fromUtf8("café 🎧 <b>x</b>"));
                QCOMPARE(s.originUrl, QString::fromUtf8("https://shop.example/p/" + n));
                QCOMPARE(s.metadataJson, QByteArray("{\"n\":" + n + "}"));
                QCOMPARE(s.recordingUrl, QString::fromUtf8("s3://b/" + n + ".wav"));
                QCOMPARE(s.recordingPresignedUrl,
                         QString::fromUtf8("https://rec.example/" + n + ".wav?sig=x"));
                QCOMPARE(s.transcript.size(), 2);
                QCOMPARE(s.transcript.at(0).text, QString::fromUtf8("turn " + n));
                QCOMPARE(s.transcript.at(1).text, QString::fromUtf8("é 👋"));
            }
            // Consecutive sessions' values share storage: that is the point.
            QCOMPARE(page.sessions.at(1).roomName.constData(),
                     page.sessions.at(0).roomName.constData() +
                         (page.sessions.at(0).roomName.size() +
                          page.sessions.at(0).originUrl.size() +
                          page.sessions.at(0).recordingUrl.size() +
                          page.sessions.at(0).recordingPresignedUrl.size() + 4));
            kept = std::make_unique<SessionSummary>(page.sessions.at(7));
            QString changed = page.sessions.at(8).roomName;
            changed.append(u'!');
            QCOMPARE(page.sessions.at(8).roomName, QString::fromUtf8("café 🎧 <b>x</b>"));
            QCOMPARE(page.sessions.at(9).roomName, QString::fromUtf8("café 🎧 <b>x</b>"));
        }
        // The page is gone; what was kept of it is intact.
        QCOMPARE(kept->sessionId, QStringLiteral("sess_8"));
        QCOMPARE(kept->originUrl, QStringLiteral("https://shop.example/p/8"));
        QCOMPARE(kept->transcript.at(1).text, QString::fromUtf8("é 👋"));
        QCOMPARE(kept->metadataJson, QByteArray("{\"n\":8}"));
    }

    /// What SharedBlocks takes from Qt's containers beyond their documented API (QArrayData and
    /// QArrayDataPointer are Qt's private-in-spirit building blocks): if an update of Qt changes
    /// any of it, this test fails before anything subtler does.
    void qtArrayInternalsAreAsAssumed()
    {
        static_assert(sizeof(QArrayDataPointer<char>) == 3 * sizeof(void *));
        static_assert(std::is_constructible_v<QByteArray, QArrayDataPointer<char> &&>);
        static_assert(std::is_constructible_v<QString, QArrayDataPointer<char16_t> &&>);
        static_assert(std::is_constructible_v<QList<int>, QArrayDataPointer<int> &&>);

        // allocate() gives a header and the start of its elements, with one reference.
        auto [header, start] = QTypedArrayData<char>::allocate(64);
        QVERIFY(header && start);
        QVERIFY(header->allocatedCapacity() >= 64);
        QVERIFY(!header->isShared());
        header->ref(); // a second holder, as when a block and an array in it both hold it

        // An array in the middle of the block: Qt sees the room before and after it.
        std::memcpy(start + 10, "abc", 4);
        QByteArray middle(QArrayDataPointer<char>(header, start + 10, 3));
        QCOMPARE(middle, QByteArray("abc"));
        QCOMPARE(middle.constData(), start + 10);
        QCOMPARE(middle.data_ptr().freeSpaceAtBegin(), qsizetype(10));
        QCOMPARE(middle.data_ptr().freeSpaceAtEnd(), header->allocatedCapacity() - 13);
        // While another holder remains, a change copies instead of writing into the block.
        QVERIFY(!middle.isDetached());
        QByteArray changed = middle;
        changed.append('d');
        QVERIFY(changed.constData() != start + 10);
        QCOMPARE(QByteArrayView(start + 10, 3), QByteArrayView("abc"));

        // The last holder may grow in place, into the rest of the block.
        QVERIFY(header->deref()); // true: `middle` still holds it
        QVERIFY(middle.isDetached());
        middle.append("def");
        QCOMPARE(middle.constData(), start + 10);
        QCOMPARE(middle, QByteArray("abcdef"));
    } // the block is freed by `middle`, the last holder, through Qt's own deallocate

    void aByteOrderMarkIsKept()
    {
        const UsagePage page = decodePage(1, "\\ufeffroom");
        QCOMPARE(page.sessions.first().roomName, QString(QChar(0xfeff)) + QStringLiteral("room"));
    }

    void longValuesAreWhole()
    {
        const QByteArray longRoom(20000, 'r');
        const UsagePage page = decodePage(3, longRoom);
        for (const SessionSummary &s : page.sessions)
            QCOMPARE(s.roomName, QString::fromLatin1(longRoom));
    }
};

QTEST_GUILESS_MAIN(TestSharedBlocks)
#include "tst_sharedblocks.moc"
