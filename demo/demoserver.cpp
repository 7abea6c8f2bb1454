#include "demo/demoserver.h"

#include "demo/demoapiserver.h"
#include "demo/demoauth.h"
#include "demo/demorandom.h"
#include "demo/demorecordingserver.h"
#include "demo/demorecordingsigner.h"

using namespace Qt::StringLiterals;

DemoServer::DemoServer(DemoOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_dataset(m_options.sessions, m_options.seed, m_options.now)
{
    auto nowSecs = [this] {
        return currentTime().toSecsSinceEpoch();
    };
    m_auth =
        std::make_unique<DemoAuth>(m_options.seed, nowSecs, m_options.accessTokenLifetimeSeconds,
                                   m_options.refreshTokenLifetimeSeconds);
    quint64 secretSeed = DemoRandom::mix(m_options.seed, 0x5EC7E7);
    QByteArray secret;
    for (int i = 0; i < 4; ++i)
        secret += QByteArray::number(DemoRandom::splitMix(secretSeed), 16);
    m_signer = std::make_unique<DemoRecordingSigner>(secret, m_options.recordingExpirySeconds);
    m_api = new DemoApiServer(m_dataset, *m_auth, *m_signer, &m_faults, &m_log, nowSecs,
                              qint64(m_options.pageCacheMiB) * 1024 * 1024, this);
    m_recording = new DemoRecordingServer(m_dataset, *m_signer, &m_faults, &m_log, nowSecs, this);
}

DemoServer::~DemoServer()
{
    // The origins refer to the auth and signer members: take them down first.
    delete m_api;
    delete m_recording;
}

bool DemoServer::start(QString *error)
{
    if (!m_options.tlsCertificate.isNull() && !m_options.tlsKey.isNull()) {
        m_api->enableTls(m_options.tlsCertificate, m_options.tlsKey);
        m_recording->enableTls(m_options.tlsCertificate, m_options.tlsKey);
    }
    if (!m_api->start(m_options.address, m_options.apiPort, error) ||
        !m_recording->start(m_options.address, m_options.recordingPort, error))
        return false;
    m_api->updateBaseUrl();
    m_signer->setBaseUrl(m_recording->baseUrl());
    return true;
}

QUrl DemoServer::apiBaseUrl() const
{
    return m_api->baseUrl();
}

QUrl DemoServer::recordingBaseUrl() const
{
    return m_recording->baseUrl();
}

QString DemoServer::staffApiKey() const
{
    return m_auth->staff().apiKey;
}

QString DemoServer::ownerApiKey() const
{
    return m_auth->owner().apiKey;
}

QString DemoServer::inactiveApiKey() const
{
    return m_auth->inactive().apiKey;
}

QString DemoServer::staffEmail() const
{
    return m_auth->staff().email;
}

QString DemoServer::ownerEmail() const
{
    return m_auth->owner().email;
}

QString DemoServer::password() const
{
    return DemoAuth::password();
}

QStringList DemoServer::ownerCharacterSlugs() const
{
    QStringList slugs;
    for (const DemoCharacter &c : m_dataset.characters()) {
        if (c.ownerUserId == m_auth->owner().userId)
            slugs.append(c.slug);
    }
    return slugs;
}

QUrl DemoServer::presignedRecordingUrl(const QString &sessionId) const
{
    const qint64 now = currentTime().toSecsSinceEpoch();
    return QUrl::fromEncoded(m_signer->presignedUrl(sessionId, m_signer->bucketStart(now)));
}

WavSynth DemoServer::recording(const DemoSession &session) const
{
    return WavSynth(session.durationDs, m_dataset.timeline(session), session.seed);
}

QDateTime DemoServer::currentTime() const
{
    return m_options.clock ? m_options.clock().toUTC() : QDateTime::currentDateTimeUtc();
}
