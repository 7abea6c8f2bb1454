#pragma once

#include "demo/demopagerenderer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

/// The demo's accounts, API keys and JWTs. Keys and signing secrets derive from the dataset
/// seed, so a demo started twice with one seed prints the same credentials.
class DemoAuth
{
public:
    struct Account
    {
        int userId = 0;
        QString email;
        bool staff = false;
        bool active = true;
        QString apiKey;
    };

    DemoAuth(quint64 seed, std::function<qint64()> nowSecs, int accessLifetimeSecs,
             int refreshLifetimeSecs);

    [[nodiscard]] const Account &staff() const { return m_accounts.at(0); }
    [[nodiscard]] const Account &owner() const { return m_accounts.at(1); }
    [[nodiscard]] const Account &inactive() const { return m_accounts.at(2); }
    [[nodiscard]] static QString password();

    /// Checks X-API-Key first (a valid key wins), then a Bearer token. On failure returns
    /// nullopt and the message a 401 carries.
    [[nodiscard]] std::optional<DemoCaller>
    authenticate(const QByteArray &apiKey, const QByteArray &authorization, QString *message) const;
    /// {access, refresh} for valid credentials of an active account.
    [[nodiscard]] std::optional<std::pair<QByteArray, QByteArray>>
    login(const QString &email, const QString &password) const;
    [[nodiscard]] std::optional<QByteArray> refresh(const QByteArray &refreshToken,
                                                    QString *message) const;

private:
    [[nodiscard]] QByteArray issue(const Account &account, const char *type, int lifetime) const;
    /// The account a token of this type names, if signature, type and expiry hold.
    [[nodiscard]] const Account *verify(const QByteArray &token, const char *type,
                                        QString *message) const;

    QList<Account> m_accounts;
    QByteArray m_jwtSecret;
    std::function<qint64()> m_nowSecs;
    int m_accessLifetime;
    int m_refreshLifetime;
    mutable quint64 m_tokenCounter = 0;
};
