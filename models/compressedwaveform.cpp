#include "models/compressedwaveform.h"

#include <QAudioBuffer>
#include <QAudioDecoder>

#include <algorithm>
#include <cmath>

namespace {
/// The largest absolute sample of a buffer, scaled to 0..1, whatever its sample format.
float bufferPeak(const QAudioBuffer &buffer)
{
    const int samples = int(buffer.frameCount()) * buffer.format().channelCount();
    float peak = 0;
    switch (buffer.format().sampleFormat()) {
    case QAudioFormat::UInt8: {
        const auto *d = buffer.constData<quint8>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(float(d[i]) - 128.0f) / 128.0f);
        break;
    }
    case QAudioFormat::Int16: {
        const auto *d = buffer.constData<qint16>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(float(d[i])) / 32768.0f);
        break;
    }
    case QAudioFormat::Int32: {
        const auto *d = buffer.constData<qint32>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(float(d[i])) / 2147483648.0f);
        break;
    }
    case QAudioFormat::Float: {
        const auto *d = buffer.constData<float>();
        for (int i = 0; i < samples; ++i)
            peak = std::max(peak, std::abs(d[i]));
        break;
    }
    default:
        break;
    }
    return std::min(peak, 1.0f);
}
} // namespace

CompressedWaveform::CompressedWaveform(const QByteArray &bytes, int buckets, QObject *parent)
    : QObject(parent)
    , m_bytes(bytes)
    , m_decoder(new QAudioDecoder(this))
    , m_buckets(buckets)
{
    m_device.setData(m_bytes);
    connect(m_decoder, &QAudioDecoder::bufferReady, this, &CompressedWaveform::onBuffer);
    connect(m_decoder, &QAudioDecoder::finished, this, &CompressedWaveform::onFinished);
    connect(m_decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), this,
            [this](QAudioDecoder::Error) {
                m_decoder->stop();
                Q_EMIT failed(tr("No waveform: %1").arg(m_decoder->errorString()));
            });
}

CompressedWaveform::~CompressedWaveform()
{
    m_decoder->stop();
}

void CompressedWaveform::start()
{
    if (!m_decoder->isSupported()) {
        Q_EMIT failed(tr("No waveform: this system cannot decode the recording."));
        return;
    }
    m_device.open(QIODevice::ReadOnly);
    m_decoder->setSourceDevice(&m_device);
    m_decoder->start();
}

void CompressedWaveform::onBuffer()
{
    const QAudioBuffer buffer = m_decoder->read();
    if (!buffer.isValid())
        return;
    m_slices.append({buffer.startTime(), bufferPeak(buffer)});
    m_endUs = std::max(m_endUs, buffer.startTime() + buffer.duration());
}

void CompressedWaveform::onFinished()
{
    Waveform w;
    w.durationMs = m_endUs / 1000;
    if (m_endUs <= 0 || m_buckets <= 0) {
        Q_EMIT failed(tr("No waveform: the recording holds no audio."));
        return;
    }
    w.peaks.fill(0.0f, m_buckets);
    for (const Slice &s : std::as_const(m_slices)) {
        const int b = int(std::min<qint64>(m_buckets - 1, s.startUs * m_buckets / m_endUs));
        w.peaks[b] = std::max(w.peaks[b], s.peak);
    }
    Q_EMIT ready(w);
}
