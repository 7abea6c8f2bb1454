#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

/// Where API keys and tokens are kept: the system keychain, never the plain settings file.
/// Asynchronous because the keychain is (it may ask the user to unlock it). A store that
/// cannot keep a secret says so through `done`; the caller then keeps it for the session only.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using WriteDone = std::function<void(const QString &error)>; ///< empty error = stored
    using ReadDone = std::function<void(const std::optional<QString> &value, const QString &error)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void write(const QString &key, const QString &value, WriteDone done) = 0;
    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void remove(const QString &key, WriteDone done) = 0;
    /// For the connection dialog: "system keychain", "memory (this session only)".
    [[nodiscard]] virtual QString description() const = 0;
};

/// Keeps secrets for the life of the process: for tests, and as the fallback when the system
/// has no keychain (then the dialog says the key will not be remembered).
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    using SecretStore::SecretStore;
    void write(const QString &key, const QString &value, WriteDone done) override;
    void read(const QString &key, ReadDone done) override;
    void remove(const QString &key, WriteDone done) override;
    [[nodiscard]] QString description() const override;

private:
    QHash<QString, QString> m_values;
};

/// The system keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows
/// Credential Manager), under one service name.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    void write(const QString &key, const QString &value, WriteDone done) override;
    void read(const QString &key, ReadDone done) override;
    void remove(const QString &key, WriteDone done) override;
    [[nodiscard]] QString description() const override;

private:
    QString m_service;
};
