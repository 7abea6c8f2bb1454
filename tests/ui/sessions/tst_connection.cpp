#include "models/authsession.h"
#include "models/secretstore.h"
#include "tests/models/modeltestfixture.h"
#include "ui/connection/connectioncontroller.h"
#include "ui/connection/connectiondialog.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {
constexpr int Timeout = 30000;

/// A machine without a Secret Service: every write fails.
class FailingSecretStore final : public SecretStore
{
public:
    using SecretStore::SecretStore;
    void write(const QString &, const QString &, WriteDone done) override
    {
        QTimer::singleShot(0, this, [done] { done(QStringLiteral("No keychain service")); });
    }
    void read(const QString &, ReadDone done) override
    {
        QTimer::singleShot(0, this, [done] { done(std::nullopt, QStringLiteral("No keychain")); });
    }
    void remove(const QString &, WriteDone done) override
    {
        QTimer::singleShot(0, this, [done] { done({}); });
    }
    QString description() const override { return QStringLiteral("failing"); }
};
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keychainFailureIsSaidInTheDialog();
    void badPasswordStaysInTheDialog();
    void wrongBaseUrlStaysInTheDialog_data();
    void wrongBaseUrlStaysInTheDialog();
    void wrongBaseUrlWithoutDialogOpensIt();
    void networkSettingsAreAppliedAndKept();

private:
    std::unique_ptr<DemoServer> m_server;
};

void TestConnection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server =
        std::make_unique<DemoServer>(demoOptions(QDateTime::currentDateTimeUtc().addSecs(-60)));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestConnection::keychainFailureIsSaidInTheDialog()
{
    ClientStack stack(*m_server);
    stack.client.setCredentials({});
    FailingSecretStore store;
    AuthSession auth(&stack.client, &store);
    ConnectionController controller(&auth, nullptr);
    controller.setLastBaseUrl(m_server->apiBaseUrl());
    controller.ask();
    ConnectionDialog *dialog = controller.dialog();
    QVERIFY(dialog);
    QSignalSpy connected(&auth, &AuthSession::connected);
    Q_EMIT dialog->connectRequested({m_server->apiBaseUrl(), m_server->staffApiKey(), {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
    QVERIFY(dialog->isVisible()); // stays open to say so
    QVERIFY(dialog->errorText().contains(QStringLiteral("session only")));
    QCOMPARE(stack.client.credentials().apiKey, m_server->staffApiKey()); // kept in memory
    dialog->close();
}

void TestConnection::badPasswordStaysInTheDialog()
{
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    ConnectionController controller(&auth, nullptr);
    controller.ask();
    QPointer<ConnectionDialog> dialog = controller.dialog();
    Q_EMIT dialog->connectRequested(
        {m_server->apiBaseUrl(), {}, m_server->staffEmail(), QStringLiteral("wrong")});
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), Timeout);
    QVERIFY(dialog->isVisible());
    dialog->close();
}

void TestConnection::wrongBaseUrlStaysInTheDialog_data()
{
    QTest::addColumn<bool>("password");
    QTest::newRow("API key") << false;
    QTest::newRow("email and password") << true;
}

void TestConnection::wrongBaseUrlStaysInTheDialog()
{
    QFETCH(bool, password);
    ClientStack stack(*m_server);
    stack.client.setCredentials({});
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    ConnectionController controller(&auth, nullptr);
    controller.ask();
    QPointer<ConnectionDialog> dialog = controller.dialog();
    QVERIFY(dialog);
    QSignalSpy connected(&auth, &AuthSession::connected);
    QUrl wrong = m_server->apiBaseUrl();
    wrong.setPath(QStringLiteral("/wrongprefix"));
    if (password)
        Q_EMIT dialog->connectRequested({wrong, {}, m_server->staffEmail(), m_server->password()});
    else
        Q_EMIT dialog->connectRequested({wrong, m_server->staffApiKey(), {}, {}});
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), Timeout);
    QCOMPARE(dialog->errorText(),
             QStringLiteral("The server at %1 does not answer the session API here (it answered "
                            "404): check the base URL.")
                 .arg(wrong.toString()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(connected.count(), 0);
    dialog->close();
}

void TestConnection::wrongBaseUrlWithoutDialogOpensIt()
{
    // As from the command line: --base-url with a wrong prefix, and no dialog open yet.
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    ConnectionController controller(&auth, nullptr);
    QSignalSpy connected(&auth, &AuthSession::connected);
    QUrl wrong = m_server->apiBaseUrl();
    wrong.setPath(QStringLiteral("/wrongprefix"));
    auth.useApiKey(wrong, m_server->staffApiKey(), false);
    QTRY_VERIFY_WITH_TIMEOUT(controller.dialog() && !controller.dialog()->errorText().isEmpty(),
                             Timeout);
    QVERIFY(controller.dialog()->errorText().contains(QStringLiteral("check the base URL")));
    QCOMPARE(connected.count(), 0);
    controller.dialog()->close();
}

void TestConnection::networkSettingsAreAppliedAndKept()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    const ConnectionDialog::Network chosen{45, QStringLiteral("http://proxy.example:3128"),
                                           QStringLiteral("/etc/company/ca.pem")};
    {
        ClientStack stack(*m_server);
        MemorySecretStore store;
        AuthSession auth(&stack.client, &store);
        QSettings settings(file, QSettings::IniFormat);
        ConnectionController controller(&auth, nullptr);
        controller.setSettings(&settings);
        QList<ConnectionDialog::Network> applied;
        bool accept = false;
        controller.setNetworkApplier([&](const ConnectionDialog::Network &n, QString *error) {
            applied.append(n);
            if (!accept)
                *error = QStringLiteral("Cannot read the CA certificate file");
            return accept;
        });
        controller.ask();
        QPointer<ConnectionDialog> dialog = controller.dialog();
        QCOMPARE(dialog->request().network, ConnectionDialog::Network{}); // defaults at first
        QSignalSpy connected(&auth, &AuthSession::connected);
        ConnectionDialog::Request request{
            m_server->apiBaseUrl(), m_server->staffApiKey(), {}, {}, chosen};
        // Settings that cannot be put into effect keep the dialog open and are not kept.
        Q_EMIT dialog->connectRequested(request);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(dialog->errorText(), QStringLiteral("Cannot read the CA certificate file"));
        QVERIFY(!settings.contains(QStringLiteral("connection/proxy")));
        accept = true;
        Q_EMIT dialog->connectRequested(request);
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied.last(), chosen);
        QCOMPARE(controller.network(), chosen);
    }
    // The next start reads them back and shows them in the dialog.
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    QSettings settings(file, QSettings::IniFormat);
    ConnectionController controller(&auth, nullptr);
    controller.setSettings(&settings);
    QCOMPARE(controller.network(), chosen);
    controller.ask();
    QCOMPARE(controller.dialog()->request().network, chosen);
    controller.dialog()->close();
}

QTEST_MAIN(TestConnection)
#include "tst_connection.moc"
