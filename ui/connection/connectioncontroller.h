#pragma once

#include "ui/connection/connectiondialog.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class AuthSession;
class QSettings;
class QWidget;

/// Runs the connection dialog against an AuthSession: signs in with what the user entered,
/// keeps the dialog open with the error when that fails, and says in the dialog when the
/// keychain could not keep the secret.
class ConnectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionController)

public:
    /// Starts the bundled demo and returns its base URL and staff key, or nullopt.
    using DemoStarter = std::function<std::optional<std::pair<QUrl, QString>>(QString *error)>;
    /// Puts the dialog's timeout, proxy and CA file into effect; false with a message when
    /// they cannot be (a proxy that is no URL, an unreadable CA file).
    using NetworkApplier =
        std::function<bool(const ConnectionDialog::Network &network, QString *error)>;

    ConnectionController(AuthSession *auth, QWidget *dialogParent, QObject *parent = nullptr);

    void setDemoStarter(DemoStarter starter) { m_demo = std::move(starter); }
    void setNetworkApplier(NetworkApplier applier) { m_applyNetwork = std::move(applier); }
    /// The network settings last put into effect, kept in `settings` (may be null).
    void setSettings(QSettings *settings);
    [[nodiscard]] ConnectionDialog::Network network() const { return m_network; }
    void setLastBaseUrl(const QUrl &url) { m_lastBaseUrl = url; }
    [[nodiscard]] QUrl lastBaseUrl() const { return m_lastBaseUrl; }
    [[nodiscard]] ConnectionDialog *dialog() const { return m_dialog; }

public Q_SLOTS:
    /// Opens the dialog (once; a second call only updates the reason).
    void ask(const QString &reason = {});
    void connectToDemo();

Q_SIGNALS:
    void baseUrlChosen(const QUrl &url);

private:
    AuthSession *m_auth;
    QWidget *m_dialogParent;
    QPointer<ConnectionDialog> m_dialog;
    DemoStarter m_demo;
    NetworkApplier m_applyNetwork;
    QSettings *m_settings = nullptr;
    ConnectionDialog::Network m_network;
    QUrl m_lastBaseUrl;
    QString m_storageWarning;
};
