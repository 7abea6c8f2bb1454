#include "demo/wavsynth.h"

#include "demo/demodataset.h"
#include "demo/demorandom.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace {
constexpr qint64 ToneSamples = qint64(WavSynth::SampleRate) * WavSynth::ToneMs / 1000;
constexpr qint64 FadeSamples = WavSynth::SampleRate / 100; // 10 ms, avoids clicks
} // namespace

WavSynth::WavSynth(qint64 durationDs, const QList<DemoTurn> &timeline, quint64 seed)
    : m_samples(durationDs * SampleRate / 10)
    , m_seed(seed)
{
    m_markers.reserve(timeline.size());
    for (const DemoTurn &t : timeline) {
        const qint64 sample = t.tsDs * SampleRate / 10;
        m_markers.append(
            {t.turnIndex, t.assistant, sample, HeaderBytes + 2 * sample, double(t.tsDs) / 10.0});
    }
}

QByteArray WavSynth::header() const
{
    QByteArray h(HeaderBytes, '\0');
    char *p = h.data();
    const quint32 dataBytes = quint32(2 * m_samples);
    memcpy(p, "RIFF", 4);
    qToLittleEndian<quint32>(36 + dataBytes, p + 4);
    memcpy(p + 8, "WAVEfmt ", 8);
    qToLittleEndian<quint32>(16, p + 16);             // fmt chunk size
    qToLittleEndian<quint16>(1, p + 20);              // PCM
    qToLittleEndian<quint16>(1, p + 22);              // mono
    qToLittleEndian<quint32>(SampleRate, p + 24);     // sample rate
    qToLittleEndian<quint32>(SampleRate * 2, p + 28); // byte rate
    qToLittleEndian<quint16>(2, p + 32);              // block align
    qToLittleEndian<quint16>(16, p + 34);             // bits per sample
    memcpy(p + 36, "data", 4);
    qToLittleEndian<quint32>(dataBytes, p + 40);
    return h;
}

qint16 WavSynth::sample(qint64 index) const
{
    // The last marker starting at or before this sample decides whether a tone sounds.
    const auto it = std::upper_bound(m_markers.cbegin(), m_markers.cend(), index,
                                     [](qint64 i, const Marker &m) { return i < m.sample; });
    return sampleWith(index, it - m_markers.cbegin() - 1);
}

qint16 WavSynth::sampleWith(qint64 index, qsizetype marker) const
{
    const qint64 noise =
        qint64(DemoRandom::mix(m_seed, quint64(index)) % (2 * NoiseAmplitude + 1)) - NoiseAmplitude;
    if (marker < 0)
        return qint16(noise);
    const Marker &m = m_markers.at(marker);
    const qint64 into = index - m.sample;
    if (into >= ToneSamples)
        return qint16(noise);
    const double fade = double(std::min({into, ToneSamples - into, FadeSamples})) / FadeSamples;
    const double hz = m.assistant ? AssistantHz : UserHz;
    const double tone =
        ToneAmplitude * fade * std::sin(6.283185307179586 * hz * double(into) / SampleRate);
    return qint16(std::clamp<qint64>(std::llround(tone) + noise, -32768, 32767));
}

QByteArray WavSynth::bytes(qint64 offset, qint64 length) const
{
    offset = std::clamp<qint64>(offset, 0, totalBytes());
    length = std::clamp<qint64>(length, 0, totalBytes() - offset);
    QByteArray out;
    out.reserve(length);
    if (offset < HeaderBytes) {
        const qint64 n = std::min<qint64>(length, HeaderBytes - offset);
        out.append(header().mid(offset, n));
        offset += n;
        length -= n;
    }
    // Whole samples covering the range, then trim the edges.
    const qint64 firstSample = (offset - HeaderBytes) / 2;
    const qint64 lastSample = (offset - HeaderBytes + length + 1) / 2;
    QByteArray pcm(2 * (lastSample - firstSample), '\0');
    // Walk the markers alongside the samples instead of searching for each one.
    qsizetype marker = std::upper_bound(m_markers.cbegin(), m_markers.cend(), firstSample,
                                        [](qint64 i, const Marker &m) { return i < m.sample; }) -
                       m_markers.cbegin() - 1;
    for (qint64 i = firstSample; i < lastSample; ++i) {
        while (marker + 1 < m_markers.size() && m_markers.at(marker + 1).sample <= i)
            ++marker;
        qToLittleEndian<qint16>(sampleWith(i, marker), pcm.data() + 2 * (i - firstSample));
    }
    out.append(pcm.mid((offset - HeaderBytes) % 2, length));
    return out;
}
