#include "models/secretstore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

// The memory store answers on the next turn of the event loop, like the keychain, so that
// callers cannot come to rely on a synchronous answer.
void MemorySecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    m_values.insert(key, value);
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

void MemorySecretStore::read(const QString &key, ReadDone done)
{
    std::optional<QString> value;
    if (m_values.contains(key))
        value = m_values.value(key);
    QTimer::singleShot(0, this, [done = std::move(done), value] { done(value, {}); });
}

void MemorySecretStore::remove(const QString &key, WriteDone done)
{
    m_values.remove(key);
    QTimer::singleShot(0, this, [done = std::move(done)] { done({}); });
}

QString MemorySecretStore::description() const
{
    return tr("memory (this session only)");
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

void KeychainSecretStore::write(const QString &key, const QString &value, WriteDone done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(value);
    // Never fall back to QtKeychain's own plain-text file: a missing keychain is reported.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
}

void KeychainSecretStore::read(const QString &key, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            done(read->textData(), {});
        else if (j->error() == QKeychain::EntryNotFound)
            done(std::nullopt, {});
        else
            done(std::nullopt, j->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        const bool gone =
            j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(gone ? QString() : j->errorString());
    });
    job->start();
}

QString KeychainSecretStore::description() const
{
    return tr("system keychain");
}
