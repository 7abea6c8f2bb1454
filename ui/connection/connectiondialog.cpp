#include "ui/connection/connectiondialog.h"
#include "ui/palettecolours.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_baseUrl(new QLineEdit(QStringLiteral("https://api.oshara.ai"), this))
    , m_keyMode(new QRadioButton(tr("API key"), this))
    , m_passwordMode(new QRadioButton(tr("Email and password"), this))
    , m_apiKey(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_proxy(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_reason(new QLabel(this))
    , m_error(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_demo(new QPushButton(tr("Connect to demo"), this))
{
    setWindowTitle(tr("Connection"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(QStringLiteral("sk_…"));
    m_password->setEchoMode(QLineEdit::Password);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(Network::DefaultTimeoutSeconds);
    m_timeout->setToolTip(tr("A request that has not ended after this long is given up, retries "
                             "included."));
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(tr("as the system says (http_proxy, no_proxy)"));
    m_caFile->setObjectName(QStringLiteral("caCertificateFile"));
    m_caFile->setPlaceholderText(tr("PEM file of a private certificate authority"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("connectionError"));
    PaletteColours::showAsError(m_error);
    const std::pair<QWidget *, std::pair<QString, QString>> described[] = {
        {m_baseUrl, {tr("Base URL"), tr("The address of the API server")}},
        {m_keyMode, {tr("API key"), tr("Connects with an API key")}},
        {m_passwordMode, {tr("Email and password"), tr("Signs in with an email and a password")}},
        {m_apiKey, {tr("API key"), tr("The API key; kept in the system keychain")}},
        {m_email, {tr("Email"), tr("The email address to sign in with")}},
        {m_password, {tr("Password"), tr("The password; never stored")}},
        {m_timeout, {tr("Timeout"), tr("Seconds after which a request is given up")}},
        {m_proxy, {tr("Proxy"), tr("The proxy to use; empty for the system's")}},
        {m_caFile, {tr("CA certificate"), tr("A PEM file of a private certificate authority")}},
        {m_connect, {tr("Connect"), tr("Connects to the server with these credentials")}},
        {m_demo, {tr("Connect to demo"), tr("Starts the bundled demo server and connects to it")}}};
    for (const auto &[widget, text] : described) {
        widget->setAccessibleName(text.first);
        widget->setAccessibleDescription(text.second);
    }
    m_error->hide();
    m_keyMode->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(m_keyMode);
    form->addRow(tr("API key"), m_apiKey);
    form->addRow(m_passwordMode);
    form->addRow(tr("Email"), m_email);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Proxy"), m_proxy);
    form->addRow(tr("CA certificate"), m_caFile);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_demo, QDialogButtonBox::ActionRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleDescription(tr("Closes the dialog without connecting"));
    m_connect->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Keys and tokens are kept in the system keychain, never in "
                                    "the settings file."),
                                 this));
    layout->addWidget(buttons);

    connect(m_keyMode, &QRadioButton::toggled, this, &ConnectionDialog::updateMode);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionDialog::submit);
    connect(m_demo, &QPushButton::clicked, this, [this] {
        setBusy(true);
        Q_EMIT demoRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_demo->hide();
    updateMode();
}

void ConnectionDialog::setBaseUrl(const QUrl &url)
{
    if (url.isValid())
        m_baseUrl->setText(url.toString());
}

void ConnectionDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    if (!email.isEmpty())
        m_passwordMode->setChecked(true);
}

void ConnectionDialog::setDemoAvailable(bool available)
{
    m_demo->setVisible(available);
}

void ConnectionDialog::setNetwork(const Network &network)
{
    m_timeout->setValue(network.timeoutSeconds);
    m_proxy->setText(network.proxy);
    m_caFile->setText(network.caCertificateFile);
}

void ConnectionDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

ConnectionDialog::Request ConnectionDialog::request() const
{
    Request r;
    r.baseUrl = QUrl::fromUserInput(m_baseUrl->text().trimmed());
    if (m_keyMode->isChecked()) {
        r.apiKey = m_apiKey->text().trimmed();
    } else {
        r.email = m_email->text().trimmed();
        r.password = m_password->text();
    }
    r.network.timeoutSeconds = m_timeout->value();
    r.network.proxy = m_proxy->text().trimmed();
    r.network.caCertificateFile = m_caFile->text().trimmed();
    return r;
}

QString ConnectionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ConnectionDialog::updateMode()
{
    const bool key = m_keyMode->isChecked();
    m_apiKey->setEnabled(key);
    m_email->setEnabled(!key);
    m_password->setEnabled(!key);
}

void ConnectionDialog::submit()
{
    if (m_connected) { // the button reads "Close" after a warning
        accept();
        return;
    }
    const Request r = request();
    if (!r.baseUrl.isValid() || r.baseUrl.scheme().isEmpty()) {
        connectionFailed(tr("The base URL is not valid."));
        return;
    }
    if (r.usesPassword() ? (r.email.isEmpty() || r.password.isEmpty()) : r.apiKey.isEmpty()) {
        connectionFailed(tr("Enter an API key, or an email and a password."));
        return;
    }
    m_error->hide();
    setBusy(true);
    Q_EMIT connectRequested(r);
}

void ConnectionDialog::setBusy(bool busy)
{
    m_connect->setEnabled(!busy);
    m_demo->setEnabled(!busy);
    m_connect->setText(busy ? tr("Connecting…") : tr("Connect"));
}

void ConnectionDialog::connectionSucceeded(const QString &storageWarning)
{
    setBusy(false);
    m_password->clear();
    if (storageWarning.isEmpty()) {
        accept();
        return;
    }
    m_connected = true;
    m_error->setText(storageWarning);
    m_error->show();
    m_connect->setText(tr("Close"));
}

void ConnectionDialog::connectionFailed(const QString &message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
}
