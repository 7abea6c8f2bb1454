#include "demo/demodataset.h"
#include "demo/wavsynth.h"
#include "models/compressedwaveform.h"
#include "models/waveformbuilder.h"

#include <QSignalSpy>
#include <QTest>

namespace {
/// Twenty seconds of the demo's audio with a turn starting every five seconds.
QByteArray demoWav()
{
    QList<DemoTurn> turns;
    for (int i = 0; i < 4; ++i)
        turns.append({i % 2 == 0, QStringLiteral("turn"), i, qint64(i) * 50});
    const WavSynth synth(200, turns, 42);
    return synth.bytes(0, synth.totalBytes());
}

/// Mean of the peaks around second `s` of a 20-second recording in `buckets` buckets.
float peakAt(const Waveform &w, double s)
{
    const int b = int(s / 20.0 * w.peaks.size());
    return w.peaks.value(b);
}
} // namespace

/// The waveform under the seek bar: PCM WAV reduced on a worker, anything else decoded by
/// QtMultimedia; a turn's tone must stand out of the quiet between turns either way.
class TestWaveform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("QT_MEDIA_BACKEND", "gstreamer"); }

    void wavPeaksShowTheTurns()
    {
        const auto w = WaveformBuilder::fromWav(demoWav(), 200);
        QVERIFY(w);
        QCOMPARE(w->durationMs, 20000);
        QCOMPARE(w->peaks.size(), 200);
        QVERIFY(peakAt(*w, 5.1) > 0.2f);  // a tone
        QVERIFY(peakAt(*w, 3.0) < 0.05f); // quiet between turns
    }

    void decodedPathAgreesWithTheWavReader()
    {
        // The decoder path, fed the same bytes as the WAV reader: the platform's MP4/AAC goes
        // the same way when the system has a decoder for it.
        CompressedWaveform decoder(demoWav(), 200);
        QSignalSpy ready(&decoder, &CompressedWaveform::ready);
        QSignalSpy failed(&decoder, &CompressedWaveform::failed);
        decoder.start();
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, 60000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const auto w = ready.first().first().value<Waveform>();
        QVERIFY(qAbs(w.durationMs - 20000) < 200);
        QCOMPARE(w.peaks.size(), 200);
        QVERIFY(peakAt(w, 5.1) > 0.2f);
        QVERIFY(peakAt(w, 3.0) < 0.05f);
    }

    void unreadableBytesFailClearly()
    {
        WaveformBuilder builder;
        QSignalSpy ready(&builder, &WaveformBuilder::ready);
        QSignalSpy failed(&builder, &WaveformBuilder::failed);
        builder.build(QByteArray(4096, 'x'));
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() + failed.size() > 0, 60000);
        QCOMPARE(ready.size(), 0);
        QVERIFY(failed.first().first().toString().startsWith(QStringLiteral("No waveform")));
    }
};

QTEST_MAIN(TestWaveform)
#include "tst_waveform.moc"
