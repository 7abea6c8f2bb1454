#include "models/waveformbuilder.h"
#include "models/compressedwaveform.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <algorithm>
#include <cstdlib>

namespace {
struct PcmFormat
{
    int channels = 0;
    int sampleRate = 0;
    int bits = 0;
};
} // namespace

WaveformBuilder::WaveformBuilder(QObject *parent)
    : QObject(parent)
{}

WaveformBuilder::~WaveformBuilder() = default;

void WaveformBuilder::build(const QByteArray &bytes, int buckets)
{
    const quint64 job = ++m_job;
    auto *watcher = new QFutureWatcher<std::optional<Waveform>>(this);
    connect(watcher, &QFutureWatcher<std::optional<Waveform>>::finished, this,
            [this, watcher, job, bytes, buckets] {
                watcher->deleteLater();
                if (job != m_job)
                    return;
                const auto result = watcher->result();
                if (result)
                    Q_EMIT ready(*result);
                else
                    buildCompressed(bytes, buckets, job);
            });
    // The QByteArray is implicitly shared: the worker reads the same bytes without a copy.
    watcher->setFuture(QtConcurrent::run([bytes, buckets] { return fromWav(bytes, buckets); }));
}

void WaveformBuilder::buildCompressed(const QByteArray &bytes, int buckets, quint64 job)
{
    // Not PCM WAV: let QtMultimedia decode it (MP4/AAC and whatever else its backend reads).
    auto *decoder = new CompressedWaveform(bytes, buckets, this);
    connect(decoder, &CompressedWaveform::ready, this, [this, decoder, job](const Waveform &w) {
        decoder->deleteLater();
        if (job == m_job)
            Q_EMIT ready(w);
    });
    connect(decoder, &CompressedWaveform::failed, this, [this, decoder, job](const QString &why) {
        decoder->deleteLater();
        if (job == m_job)
            Q_EMIT failed(why);
    });
    decoder->start();
}

std::optional<Waveform> WaveformBuilder::fromWav(const QByteArray &bytes, int buckets)
{
    if (buckets <= 0 || bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE")
        return std::nullopt;
    PcmFormat format;
    const char *data = nullptr;
    qint64 dataBytes = 0;
    qint64 at = 12;
    while (at + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(at, 4);
        const qint64 size = qFromLittleEndian<quint32>(bytes.constData() + at + 4);
        const qint64 body = at + 8;
        if (id == "fmt " && size >= 16 && body + 16 <= bytes.size()) {
            const char *f = bytes.constData() + body;
            if (qFromLittleEndian<quint16>(f) != 1) // PCM only
                return std::nullopt;
            format.channels = qFromLittleEndian<quint16>(f + 2);
            format.sampleRate = int(qFromLittleEndian<quint32>(f + 4));
            format.bits = qFromLittleEndian<quint16>(f + 14);
        } else if (id == "data") {
            data = bytes.constData() + body;
            // A streaming writer may leave the size open; take what is there.
            dataBytes = std::min<qint64>(size, bytes.size() - body);
            break;
        }
        at = body + size + (size & 1);
    }
    if (!data || format.channels <= 0 || format.sampleRate <= 0 ||
        (format.bits != 16 && format.bits != 8))
        return std::nullopt;

    const int frameBytes = format.channels * format.bits / 8;
    const qint64 frames = dataBytes / frameBytes;
    Waveform w;
    w.durationMs = frames * 1000 / format.sampleRate;
    w.peaks.fill(0.0f, frames > 0 ? buckets : 0);
    if (frames == 0)
        return w;
    for (int b = 0; b < buckets; ++b) {
        const qint64 first = frames * b / buckets;
        const qint64 last = std::max(first + 1, frames * (b + 1) / buckets);
        int peak = 0;
        for (qint64 i = first * format.channels; i < last * format.channels; ++i) {
            const int s = format.bits == 16 ? std::abs(int(qFromLittleEndian<qint16>(data + 2 * i)))
                                            : std::abs((int(quint8(data[i])) - 128) * 256);
            peak = std::max(peak, s);
        }
        w.peaks[b] = float(peak) / 32768.0f;
    }
    return w;
}
