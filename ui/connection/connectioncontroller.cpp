#include "ui/connection/connectioncontroller.h"
#include "models/authsession.h"
#include "ui/connection/connectiondialog.h"

#include <QSettings>

namespace {
const QString TimeoutKey = QStringLiteral("connection/timeoutSeconds");
const QString ProxyKey = QStringLiteral("connection/proxy");
const QString CaFileKey = QStringLiteral("connection/caCertificateFile");
} // namespace

ConnectionController::ConnectionController(AuthSession *auth, QWidget *dialogParent,
                                           QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_dialogParent(dialogParent)
{
    connect(auth, &AuthSession::storageFailed, this,
            [this](const QString &message) { m_storageWarning = message; });
    connect(auth, &AuthSession::connected, this, [this] {
        if (m_dialog)
            m_dialog->connectionSucceeded(m_storageWarning);
        m_storageWarning.clear();
    });
    connect(auth, &AuthSession::loginFailed, this, [this](const ApiError &error) {
        // Connecting from the command line or from remembered credentials has no dialog yet:
        // open it with the reason, so that the window never shows an empty list instead.
        if (!m_dialog)
            ask();
        m_dialog->connectionFailed(error.toDisplayString());
    });
}

void ConnectionController::setSettings(QSettings *settings)
{
    m_settings = settings;
    if (!settings)
        return;
    m_network.timeoutSeconds =
        settings->value(TimeoutKey, ConnectionDialog::Network::DefaultTimeoutSeconds).toInt();
    m_network.proxy = settings->value(ProxyKey).toString();
    m_network.caCertificateFile = settings->value(CaFileKey).toString();
}

void ConnectionController::ask(const QString &reason)
{
    if (m_dialog) {
        m_dialog->setReason(reason);
        m_dialog->raise();
        return;
    }
    m_dialog = new ConnectionDialog(m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setBaseUrl(m_lastBaseUrl);
    m_dialog->setReason(reason);
    m_dialog->setDemoAvailable(bool(m_demo));
    m_dialog->setNetwork(m_network);
    connect(m_dialog, &ConnectionDialog::connectRequested, this,
            [this](const ConnectionDialog::Request &r) {
                m_storageWarning.clear();
                QString error;
                if (m_applyNetwork && !m_applyNetwork(r.network, &error)) {
                    m_dialog->connectionFailed(error);
                    return;
                }
                m_network = r.network;
                if (m_settings) {
                    m_settings->setValue(TimeoutKey, m_network.timeoutSeconds);
                    m_settings->setValue(ProxyKey, m_network.proxy);
                    m_settings->setValue(CaFileKey, m_network.caCertificateFile);
                }
                m_lastBaseUrl = r.baseUrl;
                Q_EMIT baseUrlChosen(r.baseUrl);
                if (r.usesPassword())
                    m_auth->login(r.baseUrl, r.email, r.password);
                else
                    m_auth->useApiKey(r.baseUrl, r.apiKey);
            });
    connect(m_dialog, &ConnectionDialog::demoRequested, this, &ConnectionController::connectToDemo);
    m_dialog->open();
}

void ConnectionController::connectToDemo()
{
    QString error;
    const auto demo = m_demo ? m_demo(&error) : std::nullopt;
    if (!demo) {
        if (m_dialog)
            m_dialog->connectionFailed(tr("The demo server did not start: %1").arg(error));
        return;
    }
    // The demo's key changes with each run: nothing to remember.
    m_auth->useApiKey(demo->first, demo->second, false);
}
