#include "models/authsession.h"
#include "api/apiclient.h"
#include "api/authtokens.h"
#include "models/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>

AuthSession::AuthSession(ApiClient *client, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_clock() >= m_refreshDue)
            renew();
        else
            scheduleRefresh(); // the timer's range is shorter than a token's life
    });
    connect(client, &ApiClient::unauthorized, this, &AuthSession::onUnauthorized);
}

std::optional<QDateTime> AuthSession::tokenExpiry(const QString &jwt)
{
    const QStringList parts = jwt.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return std::nullopt;
    const QByteArray payload = QByteArray::fromBase64(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonObject claims = QJsonDocument::fromJson(payload).object();
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), QTimeZone::utc());
}

QString AuthSession::secretKey(const QString &what) const
{
    // One entry per API origin, so that a staging key never goes to production.
    return QStringLiteral("%1 %2").arg(m_client->baseUrl().toString(QUrl::RemovePath), what);
}

void AuthSession::remember(const QString &what, const QString &value, std::function<void()> then)
{
    m_store->write(secretKey(what), value, [this, then = std::move(then)](const QString &error) {
        if (!error.isEmpty())
            Q_EMIT storageFailed(tr("The system keychain is not available (%1). The credentials "
                                    "are kept for this session only and were not saved.")
                                     .arg(error));
        if (then)
            then();
    });
}

void AuthSession::useApiKey(const QUrl &baseUrl, const QString &apiKey, bool rememberKey)
{
    m_refreshTimer.stop();
    m_refreshToken.clear();
    m_password.clear();
    m_client->setBaseUrl(baseUrl);
    m_client->setCredentials({apiKey, {}});
    verify([this, apiKey, rememberKey] {
        if (!rememberKey) {
            Q_EMIT connected();
            return;
        }
        m_store->remove(secretKey(QStringLiteral("refresh-token")), [](const QString &) {});
        // Connected only once the keychain answered, so that the dialog can say if it failed.
        remember(QStringLiteral("api-key"), apiKey, [this] { Q_EMIT connected(); });
    });
}

void AuthSession::useAccessToken(const QUrl &baseUrl, const QString &accessToken)
{
    m_client->setBaseUrl(baseUrl);
    acceptTokens({accessToken, {}}, true);
}

void AuthSession::login(const QUrl &baseUrl, const QString &email, const QString &password)
{
    m_client->setBaseUrl(baseUrl);
    m_email = email;
    m_client->login(email, password, this, [this, password](Result<AuthTokens> result) {
        if (!result) {
            Q_EMIT loginFailed(result.error());
            return;
        }
        m_password = password;
        acceptTokens(result.value(), true);
    });
}

void AuthSession::acceptTokens(const AuthTokens &tokens, bool announce)
{
    m_client->setCredentials({{}, tokens.access});
    if (!tokens.refresh.isEmpty()) {
        m_refreshToken = tokens.refresh;
        remember(QStringLiteral("refresh-token"), tokens.refresh);
    }
    scheduleRefresh();
    remember(QStringLiteral("access-token"), tokens.access, [this, announce] {
        if (announce)
            verify([this] { Q_EMIT connected(); });
        else
            Q_EMIT credentialsRenewed();
    });
}

void AuthSession::verify(std::function<void()> then)
{
    UsageQuery probe;
    probe.pageSize = 1;
    m_client->fetchUsage(probe, this, [this, then = std::move(then)](Result<UsagePage> result) {
        if (result)
            then();
        else
            Q_EMIT loginFailed(result.error());
    });
}

void AuthSession::restore(const QUrl &baseUrl)
{
    m_client->setBaseUrl(baseUrl);
    m_store->read(secretKey(QStringLiteral("api-key")), [this](const std::optional<QString> &key,
                                                               const QString &) {
        if (key && !key->isEmpty()) {
            useApiKey(m_client->baseUrl(), *key, false);
            return;
        }
        m_store->read(secretKey(QStringLiteral("refresh-token")),
                      [this](const std::optional<QString> &refresh, const QString &error) {
                          if (!refresh || refresh->isEmpty()) {
                              Q_EMIT credentialsNeeded(error.isEmpty() ? tr("Not connected yet.")
                                                                       : error);
                              return;
                          }
                          m_refreshToken = *refresh;
                          m_client->refreshToken(*refresh, this, [this](Result<AuthTokens> result) {
                              if (result)
                                  acceptTokens(result.value(), true);
                              else
                                  Q_EMIT credentialsNeeded(result.error().toDisplayString());
                          });
                      });
    });
}

void AuthSession::scheduleRefresh()
{
    const auto expiry = tokenExpiry(m_client->credentials().accessToken);
    if (!expiry) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshDue = expiry->addSecs(-RefreshMarginSeconds);
    const qint64 ms = qBound<qint64>(1000, m_clock().msecsTo(m_refreshDue), 24LL * 3600 * 1000);
    m_refreshTimer.start(std::chrono::milliseconds(ms));
}

void AuthSession::renew()
{
    if (m_renewing)
        return;
    m_renewing = true;
    m_lastRenewal = m_clock();
    const auto viaPassword = [this] {
        if (m_email.isEmpty() || m_password.isEmpty()) {
            m_renewing = false;
            Q_EMIT credentialsNeeded(tr("The session expired; please sign in again."));
            return;
        }
        m_client->login(m_email, m_password, this, [this](Result<AuthTokens> result) {
            m_renewing = false;
            if (result)
                acceptTokens(result.value(), false);
            else
                Q_EMIT credentialsNeeded(result.error().toDisplayString());
        });
    };
    if (m_refreshToken.isEmpty()) {
        viaPassword();
        return;
    }
    m_client->refreshToken(m_refreshToken, this, [this, viaPassword](Result<AuthTokens> result) {
        if (result) {
            m_renewing = false;
            acceptTokens(result.value(), false);
            return;
        }
        m_refreshToken.clear();
        viaPassword(); // still renewing
    });
}

void AuthSession::onUnauthorized(const ApiError &error)
{
    // A key has nothing to renew; a token is renewed once, not in a loop of 401s.
    const bool recentlyRenewed = m_lastRenewal.isValid() && m_lastRenewal.secsTo(m_clock()) < 10;
    if (!usesToken() || recentlyRenewed) {
        Q_EMIT credentialsNeeded(error.toDisplayString());
        return;
    }
    renew();
}

bool AuthSession::usesToken() const
{
    return !m_client->credentials().accessToken.isEmpty();
}
