#include "connectioncontroller.h"
#include "authsession.h"
#include "connectiondialog.h"

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
        if (m_dialog)
            m_dialog->connectionFailed(error.toDisplayString());
    });
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
    connect(m_dialog, &ConnectionDialog::connectRequested, this,
            [this](const ConnectionDialog::Request &r) {
                m_storageWarning.clear();
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
