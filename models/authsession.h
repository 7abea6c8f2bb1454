#pragma once

#include "api/apierror.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class ApiClient;
struct AuthTokens;

class SecretStore;

/// Keeps the client's credentials good: an API key as given, or a JWT from email and password,
/// refreshed shortly before its `exp` and renewed after a 401 (refresh token first, then the
/// password kept in memory for this session). Secrets go to the SecretStore only; when it
/// cannot keep them, storageFailed() says so and they live for this session alone.
///
/// connected() comes only after the server answered page 1 of the session list with these
/// credentials: a wrong base URL or key fails here, with the server's reason, rather than
/// showing as an empty list.
class AuthSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthSession)

public:
    /// Renew this long before the access token expires.
    static constexpr int RefreshMarginSeconds = 3600;

    AuthSession(ApiClient *client, SecretStore *store, QObject *parent = nullptr);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void useApiKey(const QUrl &baseUrl, const QString &apiKey, bool remember = true);
    void useAccessToken(const QUrl &baseUrl, const QString &accessToken);
    void login(const QUrl &baseUrl, const QString &email, const QString &password);
    /// Reads the remembered key or tokens for this URL from the store; credentialsNeeded() if
    /// there are none.
    void restore(const QUrl &baseUrl);

    /// The `exp` claim of a JWT, decoded locally (no signature check: the server does that).
    [[nodiscard]] static std::optional<QDateTime> tokenExpiry(const QString &jwt);
    [[nodiscard]] QDateTime refreshDue() const { return m_refreshDue; }
    [[nodiscard]] bool usesToken() const;

Q_SIGNALS:
    void connected();
    /// Signing in or the first request with the new credentials failed.
    void loginFailed(const ApiError &error);
    /// Credentials changed behind the user's back (refresh, re-login): reload what failed.
    void credentialsRenewed();
    /// Nothing left to try: ask the user.
    void credentialsNeeded(const QString &reason);
    void storageFailed(const QString &message);

private:
    void acceptTokens(const AuthTokens &tokens, bool announce);
    /// Asks for one session of page 1, then calls `then`; loginFailed() when that fails.
    void verify(std::function<void()> then);
    void scheduleRefresh();
    void renew();
    void onUnauthorized(const ApiError &error);
    void remember(const QString &what, const QString &value, std::function<void()> then = {});
    [[nodiscard]] QString secretKey(const QString &what) const;

    ApiClient *m_client;
    SecretStore *m_store;
    std::function<QDateTime()> m_clock;
    QString m_refreshToken;
    QString m_email;
    QString m_password; ///< memory only, to sign in again after a 401
    QTimer m_refreshTimer;
    QDateTime m_refreshDue;
    QDateTime m_lastRenewal;
    bool m_renewing = false;
};
