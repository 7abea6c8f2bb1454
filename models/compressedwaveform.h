#pragma once

#include "models/waveformbuilder.h"

#include <QBuffer>
#include <QList>
#include <QObject>

class QAudioDecoder;

/// The waveform of a recording that is not PCM WAV (the platform's recordings are MP4/AAC):
/// QtMultimedia decodes it on its own threads, and each decoded buffer is reduced to one peak
/// as it arrives, so nothing but a few numbers per buffer is kept. The peaks are bucketed once
/// decoding has finished and the duration is known.
class CompressedWaveform final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompressedWaveform)

public:
    CompressedWaveform(const QByteArray &bytes, int buckets, QObject *parent = nullptr);
    ~CompressedWaveform() override;
    void start();

Q_SIGNALS:
    void ready(const Waveform &waveform);
    void failed(const QString &reason);

private:
    void onBuffer();
    void onFinished();

    struct Slice
    {
        qint64 startUs = 0;
        float peak = 0;
    };
    QByteArray m_bytes;
    QBuffer m_device;
    QAudioDecoder *m_decoder;
    int m_buckets;
    QList<Slice> m_slices;
    qint64 m_endUs = 0;
};
