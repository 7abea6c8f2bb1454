// Signing in and keeping credentials, against the demo server: keys and tokens go to the secret
// store only, tokens are renewed before they expire and after a 401, and a connection counts
// only once the server answered with it.

#include "models/authsession.h"
#include "models/secretstore.h"
#include "tests/models/modeltestfixture.h"

#include <QSignalSpy>
#include <QStandardPaths>

namespace {
constexpr int Timeout = 30000;

QString jwtWithExp(qint64 exp)
{
    const auto part = [](const QByteArray &json) {
        return QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"HS256"})") + QLatin1Char('.') +
           part(QByteArray(R"({"exp":)") + QByteArray::number(exp) + "}") + QStringLiteral(".sig");
}
} // namespace

class TestAuthSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void memoryStoreRoundTrips();
    void keychainStoreRoundTripsWhenAvailable();
    void decodesTokenExpiry();
    void loginGivesTokenAndSchedulesRefresh();
    void rejectedKeyAsksTheUser();
    void expiredTokenIsRenewed();
    void wrongBaseUrlNeverConnects();

private:
    std::unique_ptr<DemoServer> m_server;
};

void TestAuthSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server =
        std::make_unique<DemoServer>(demoOptions(QDateTime::currentDateTimeUtc().addSecs(-60)));
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestAuthSession::memoryStoreRoundTrips()
{
    MemorySecretStore store;
    bool written = false;
    store.write(QStringLiteral("k"), QStringLiteral("v"),
                [&](const QString &e) { written = e.isEmpty(); });
    QVERIFY(!written); // answers later, like the keychain
    QTRY_VERIFY(written);
    std::optional<QString> value;
    store.read(QStringLiteral("k"),
               [&](const std::optional<QString> &v, const QString &) { value = v; });
    QTRY_COMPARE(value, std::optional<QString>(QStringLiteral("v")));
}

void TestAuthSession::keychainStoreRoundTripsWhenAvailable()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session (run under dbus-run-session with gnome-keyring for this test)");
    KeychainSecretStore store(QStringLiteral("sessionscope-test"));
    std::optional<QString> writeError;
    store.write(QStringLiteral("probe"), QStringLiteral("sk_secret"),
                [&](const QString &e) { writeError = e; });
    QTRY_VERIFY_WITH_TIMEOUT(writeError.has_value(), Timeout);
    if (!writeError->isEmpty())
        QSKIP(qPrintable(QStringLiteral("No usable Secret Service: ") + *writeError));
    std::optional<QString> value;
    bool read = false;
    store.read(QStringLiteral("probe"), [&](const std::optional<QString> &v, const QString &) {
        value = v;
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, Timeout);
    QCOMPARE(value, std::optional<QString>(QStringLiteral("sk_secret")));
    bool removed = false;
    store.remove(QStringLiteral("probe"), [&](const QString &e) { removed = e.isEmpty(); });
    QTRY_VERIFY_WITH_TIMEOUT(removed, Timeout);
}

void TestAuthSession::decodesTokenExpiry()
{
    QCOMPARE(AuthSession::tokenExpiry(jwtWithExp(1780000000)),
             std::optional<QDateTime>(QDateTime::fromSecsSinceEpoch(1780000000, QTimeZone::utc())));
    QCOMPARE(AuthSession::tokenExpiry(QStringLiteral("not.a-token")), std::nullopt);
    QCOMPARE(AuthSession::tokenExpiry(QStringLiteral("sk_abc")), std::nullopt);
}

void TestAuthSession::loginGivesTokenAndSchedulesRefresh()
{
    ClientStack stack(*m_server);
    stack.client.setCredentials({});
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    QSignalSpy connected(&auth, &AuthSession::connected);
    auth.login(m_server->apiBaseUrl(), m_server->staffEmail(), m_server->password());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
    QVERIFY(auth.usesToken());
    const auto expiry = AuthSession::tokenExpiry(stack.client.credentials().accessToken);
    QVERIFY(expiry);
    QCOMPARE(auth.refreshDue(), expiry->addSecs(-AuthSession::RefreshMarginSeconds));
    // The refresh token went to the store, never to settings.
    std::optional<QString> refresh;
    bool read = false;
    store.read(m_server->apiBaseUrl().toString(QUrl::RemovePath) + QStringLiteral(" refresh-token"),
               [&](const std::optional<QString> &v, const QString &) {
                   refresh = v;
                   read = true;
               });
    QTRY_VERIFY(read);
    QVERIFY(refresh && !refresh->isEmpty());
}

void TestAuthSession::rejectedKeyAsksTheUser()
{
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    QSignalSpy needed(&auth, &AuthSession::credentialsNeeded);
    QSignalSpy connected(&auth, &AuthSession::connected);
    QSignalSpy failed(&auth, &AuthSession::loginFailed);
    // The first page is asked for while connecting: a key the server rejects never connects.
    auth.useApiKey(m_server->apiBaseUrl(), m_server->inactiveApiKey(), false);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    QCOMPARE(needed.count(), 1);
    QCOMPARE(connected.count(), 0);
}

void TestAuthSession::expiredTokenIsRenewed()
{
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    QSignalSpy connected(&auth, &AuthSession::connected);
    QSignalSpy renewed(&auth, &AuthSession::credentialsRenewed);
    auth.login(m_server->apiBaseUrl(), m_server->staffEmail(), m_server->password());
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, Timeout);
    // The access token goes bad (expired, revoked): the next 401 renews it once.
    stack.client.setCredentials({{}, jwtWithExp(1)});
    bool done = false;
    stack.client.fetchUsage(UsageQuery{}, this, [&](Result<UsagePage>) { done = true; });
    QTRY_COMPARE_WITH_TIMEOUT(renewed.count(), 1, Timeout);
    QVERIFY(done);
    QVERIFY(stack.client.credentials().accessToken != jwtWithExp(1));
    Result<UsagePage> again;
    bool answered = false;
    stack.client.fetchUsage(UsageQuery{}, this, [&](Result<UsagePage> r) {
        again = std::move(r);
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, Timeout);
    QVERIFY(again.ok());
}

void TestAuthSession::wrongBaseUrlNeverConnects()
{
    ClientStack stack(*m_server);
    MemorySecretStore store;
    AuthSession auth(&stack.client, &store);
    QSignalSpy connected(&auth, &AuthSession::connected);
    QSignalSpy failed(&auth, &AuthSession::loginFailed);
    QUrl wrong = m_server->apiBaseUrl();
    wrong.setPath(QStringLiteral("/wrongprefix"));
    auth.useApiKey(wrong, m_server->staffApiKey(), true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::WrongUrl);
    QCOMPARE(connected.count(), 0);
    // Nothing is remembered for a connection that never worked.
    std::optional<QString> key;
    bool read = false;
    store.read(wrong.toString(QUrl::RemovePath) + QStringLiteral(" api-key"),
               [&](const std::optional<QString> &v, const QString &) {
                   key = v;
                   read = true;
               });
    QTRY_VERIFY(read);
    QVERIFY(!key || key->isEmpty());
}

QTEST_GUILESS_MAIN(TestAuthSession)
#include "tst_authsession.moc"
