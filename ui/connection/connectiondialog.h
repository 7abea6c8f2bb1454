#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

/// Where to connect and as whom: base URL, and an API key or email and password (for a JWT).
/// It only collects and reports; whoever owns the client signs in and answers with
/// connectionSucceeded() or connectionFailed(), so the dialog stays open on an error and
/// shows it inline.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    /// How requests travel; kept in the settings file (none of it is a secret).
    struct Network
    {
        static constexpr int DefaultTimeoutSeconds = 120;
        int timeoutSeconds = DefaultTimeoutSeconds; ///< overall deadline of one request
        QString proxy;                              ///< empty: the system's proxies
        QString caCertificateFile; ///< empty: the system's certificate authorities only
        friend bool operator==(const Network &, const Network &) = default;
    };

    struct Request
    {
        QUrl baseUrl;
        QString apiKey;
        QString email;
        QString password;
        Network network;
        [[nodiscard]] bool usesPassword() const { return apiKey.isEmpty(); }
    };

    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    void setEmail(const QString &email);
    void setDemoAvailable(bool available);
    void setNetwork(const Network &network);
    /// Why the dialog opened (a 401, say), shown at the top.
    void setReason(const QString &reason);
    [[nodiscard]] Request request() const;
    [[nodiscard]] QString errorText() const;

public Q_SLOTS:
    /// `storageWarning` non-empty keeps the dialog open to show it (keychain unavailable).
    void connectionSucceeded(const QString &storageWarning = {});
    void connectionFailed(const QString &message);

Q_SIGNALS:
    void connectRequested(const ConnectionDialog::Request &request);
    void demoRequested();

private:
    void updateMode();
    void submit();
    void setBusy(bool busy);

    QLineEdit *m_baseUrl;
    QRadioButton *m_keyMode;
    QRadioButton *m_passwordMode;
    QLineEdit *m_apiKey;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QSpinBox *m_timeout;
    QLineEdit *m_proxy;
    QLineEdit *m_caFile;
    QLabel *m_reason;
    QLabel *m_error;
    QPushButton *m_connect;
    QPushButton *m_demo;
    bool m_connected = false;
};
