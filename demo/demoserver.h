#pragma once

// The demo server shares no code with the client, so that each checks the other.
#if defined(SESSIONSCOPE_LAYER_API) || defined(SESSIONSCOPE_LAYER_STORE) ||                        \
    defined(SESSIONSCOPE_LAYER_REPORTS) || defined(SESSIONSCOPE_LAYER_MODELS) ||                   \
    defined(SESSIONSCOPE_LAYER_UI)
#error "demo/ is not part of the client: only app/, tests and benchmarks may include it"
#endif

#include "demo/demodataset.h"
#include "demo/demooptions.h"
#include "demo/demorequestlog.h"
#include "demo/faultinjector.h"
#include "demo/wavsynth.h"

#include <QObject>
#include <QUrl>

#include <memory>

class DemoApiServer;
class DemoAuth;
class DemoRecordingServer;
class DemoRecordingSigner;

/// The whole demo backend in one object: the dataset, the API origin and the recording
/// origin, with their credentials, fault injection and a log of what clients sent.
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    explicit DemoServer(DemoOptions options, QObject *parent = nullptr);
    ~DemoServer() override;

    /// Starts both origins; false with a reason if a port cannot be bound.
    bool start(QString *error = nullptr);

    [[nodiscard]] QUrl apiBaseUrl() const;       ///< e.g. http://127.0.0.1:41234
    [[nodiscard]] QUrl recordingBaseUrl() const; ///< the recording origin (another port)
    [[nodiscard]] QString staffApiKey() const;
    [[nodiscard]] QString ownerApiKey() const;    ///< owns some, not all, characters
    [[nodiscard]] QString inactiveApiKey() const; ///< exists but inactive: 401
    [[nodiscard]] QString staffEmail() const;
    [[nodiscard]] QString ownerEmail() const;
    [[nodiscard]] QString password() const;
    [[nodiscard]] QStringList ownerCharacterSlugs() const;
    [[nodiscard]] const DemoDataset &dataset() const { return m_dataset; }
    [[nodiscard]] const DemoOptions &options() const { return m_options; }

    FaultInjector &faults() { return m_faults; }
    [[nodiscard]] QList<RecordedRequest> requestLog() const { return m_log.entries(); }
    void clearRequestLog() { m_log.clear(); }

    /// A freshly signed recording URL for a session (as the API would print it now).
    [[nodiscard]] QUrl presignedRecordingUrl(const QString &sessionId) const;
    /// The synthesised recording of a session, to find tone positions (turn starts).
    [[nodiscard]] WavSynth recording(const DemoSession &session) const;
    /// Current time as the servers see it (the clock option or the wall clock).
    [[nodiscard]] QDateTime currentTime() const;

private:
    DemoOptions m_options;
    DemoDataset m_dataset;
    FaultInjector m_faults;
    DemoRequestLog m_log;
    std::unique_ptr<DemoAuth> m_auth;
    std::unique_ptr<DemoRecordingSigner> m_signer;
    DemoApiServer *m_api = nullptr;
    DemoRecordingServer *m_recording = nullptr;
};
