#pragma once

#include <QByteArray>
#include <QList>

struct DemoTurn;

/// Synthesises a session's recording: 8 kHz 16-bit mono PCM exactly as long as the session,
/// quiet noise with a short tone at every turn start (high for the assistant, low for the
/// user), so a player's position can be checked against the transcript. Any byte range is
/// computed directly, so Range requests and multi-hour recordings need no cache at all.
class WavSynth
{
public:
    static constexpr int SampleRate = 8000;
    static constexpr int HeaderBytes = 44;
    static constexpr int ToneMs = 250;
    static constexpr int AssistantHz = 1200;
    static constexpr int UserHz = 440;
    static constexpr int ToneAmplitude = 9000;
    static constexpr int NoiseAmplitude = 150; ///< peak of the background noise

    /// Where a tone starts in the file.
    struct Marker
    {
        int turnIndex = 0;
        bool assistant = true;
        qint64 sample = 0;
        qint64 byteOffset = 0; ///< of the first sample of the tone
        double seconds = 0;
    };

    WavSynth(qint64 durationDs, const QList<DemoTurn> &timeline, quint64 seed);

    [[nodiscard]] qint64 sampleCount() const { return m_samples; }
    [[nodiscard]] qint64 totalBytes() const { return HeaderBytes + 2 * m_samples; }
    [[nodiscard]] const QList<Marker> &markers() const { return m_markers; }
    /// Bytes [offset, offset + length) of the WAV file, clipped to its end.
    [[nodiscard]] QByteArray bytes(qint64 offset, qint64 length) const;
    [[nodiscard]] qint16 sample(qint64 index) const;

private:
    [[nodiscard]] QByteArray header() const;
    /// The sample at index, given the index of the last marker at or before it (-1: none).
    [[nodiscard]] qint16 sampleWith(qint64 index, qsizetype marker) const;

    qint64 m_samples;
    quint64 m_seed;
    QList<Marker> m_markers;
};
