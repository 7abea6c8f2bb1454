#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <optional>

/// A recording reduced to one peak (0..1) per bucket: all a waveform strip needs.
struct Waveform
{
    QList<float> peaks;
    qint64 durationMs = 0;
};

Q_DECLARE_METATYPE(Waveform)

/// Turns recording bytes into a Waveform on a worker thread (a three-hour WAV is 170 MB of
/// samples, far too many to walk on the GUI thread); other formats go to CompressedWaveform,
/// which QtMultimedia decodes on its own threads. Results come back queued, tagged with a
/// job number, so the waveform of a session the user has already left is dropped.
class WaveformBuilder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformBuilder)

public:
    static constexpr int DefaultBuckets = 1600;

    explicit WaveformBuilder(QObject *parent = nullptr);
    ~WaveformBuilder() override;

    /// Starts a new job; an older one still running is forgotten.
    void build(const QByteArray &bytes, int buckets = DefaultBuckets);
    void cancel() { ++m_job; }

    /// Peaks of a PCM WAV (8/16-bit, any channel count); nullopt for anything else.
    [[nodiscard]] static std::optional<Waveform> fromWav(const QByteArray &bytes, int buckets);

Q_SIGNALS:
    void ready(const Waveform &waveform);
    void failed(const QString &reason);

private:
    void buildCompressed(const QByteArray &bytes, int buckets, quint64 job);

    quint64 m_job = 0;
};
