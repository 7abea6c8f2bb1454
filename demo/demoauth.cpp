#include "demo/demoauth.h"

#include "demo/demorandom.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString keyFrom(DemoRandom &rng)
{
    return u"sk_"_s + QString::number(rng.next(), 16).rightJustified(16, u'0') +
           QString::number(rng.next(), 16).rightJustified(16, u'0');
}

} // namespace

DemoAuth::DemoAuth(quint64 seed, std::function<qint64()> nowSecs, int accessLifetimeSecs,
                   int refreshLifetimeSecs)
    : m_nowSecs(std::move(nowSecs))
    , m_accessLifetime(accessLifetimeSecs)
    , m_refreshLifetime(refreshLifetimeSecs)
{
    DemoRandom rng(DemoRandom::mix(seed, 0xA11CE));
    m_accounts = {
        {1, u"staff@sessionscope.demo"_s, true, true, keyFrom(rng)},
        {42, u"owner@sessionscope.demo"_s, false, true, keyFrom(rng)},
        {77, u"former@sessionscope.demo"_s, false, false, keyFrom(rng)},
    };
    for (int i = 0; i < 4; ++i)
        m_jwtSecret += QByteArray::number(rng.next(), 16);
}

QString DemoAuth::password()
{
    return u"sessionscope-demo"_s;
}

QByteArray DemoAuth::issue(const Account &account, const char *type, int lifetime) const
{
    const qint64 now = m_nowSecs();
    QJsonObject payload{
        {u"token_type"_s, QString::fromLatin1(type)},
        {u"exp"_s, now + lifetime},
        {u"iat"_s, now},
        {u"jti"_s, QString::number(DemoRandom::mix(++m_tokenCounter, quint64(now)), 16)},
        {u"user_id"_s, account.userId}};
    const QByteArray signingInput =
        base64Url(R"({"alg":"HS256","typ":"JWT"})") + '.' +
        base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' +
           base64Url(QMessageAuthenticationCode::hash(signingInput, m_jwtSecret,
                                                      QCryptographicHash::Sha256));
}

const DemoAuth::Account *DemoAuth::verify(const QByteArray &token, const char *type,
                                          QString *message) const
{
    *message = u"Given token not valid for any token type"_s;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return nullptr;
    const QByteArray signingInput = parts[0] + '.' + parts[1];
    const QByteArray expected = base64Url(
        QMessageAuthenticationCode::hash(signingInput, m_jwtSecret, QCryptographicHash::Sha256));
    if (expected != parts[2])
        return nullptr;
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding))
            .object();
    if (payload.value(u"token_type"_s).toString() != QLatin1String(type))
        return nullptr;
    if (qint64(payload.value(u"exp"_s).toDouble()) <= m_nowSecs()) {
        *message = u"Token is expired"_s;
        return nullptr;
    }
    const int userId = payload.value(u"user_id"_s).toInt();
    for (const Account &a : m_accounts) {
        if (a.userId == userId && a.active)
            return &a;
    }
    *message = u"User not found or inactive"_s;
    return nullptr;
}

std::optional<DemoCaller> DemoAuth::authenticate(const QByteArray &apiKey,
                                                 const QByteArray &authorization,
                                                 QString *message) const
{
    if (!apiKey.isEmpty()) {
        // A key that is present but wrong is a 401 even beside a valid token: silently
        // falling back would hide a misconfigured key.
        for (const Account &a : m_accounts) {
            if (a.apiKey.toLatin1() != apiKey.trimmed())
                continue;
            if (!a.active) {
                *message = u"API key is inactive."_s;
                return std::nullopt;
            }
            return DemoCaller{a.userId, a.staff};
        }
        *message = u"Invalid API key."_s;
        return std::nullopt;
    }
    if (authorization.isEmpty()) {
        *message = u"Authentication credentials were not provided."_s;
        return std::nullopt;
    }
    const QList<QByteArray> parts = authorization.trimmed().split(' ');
    if (parts.size() != 2 || parts[0].toLower() != "bearer") {
        *message = u"Authorization header must be 'Bearer <token>'."_s;
        return std::nullopt;
    }
    if (const Account *a = verify(parts[1], "access", message))
        return DemoCaller{a->userId, a->staff};
    return std::nullopt;
}

std::optional<std::pair<QByteArray, QByteArray>> DemoAuth::login(const QString &email,
                                                                 const QString &password) const
{
    for (const Account &a : m_accounts) {
        if (a.email.compare(email, Qt::CaseInsensitive) == 0 && a.active &&
            password == DemoAuth::password())
            return std::pair{issue(a, "access", m_accessLifetime),
                             issue(a, "refresh", m_refreshLifetime)};
    }
    return std::nullopt;
}

std::optional<QByteArray> DemoAuth::refresh(const QByteArray &refreshToken, QString *message) const
{
    if (const Account *a = verify(refreshToken, "refresh", message))
        return issue(*a, "access", m_accessLifetime);
    return std::nullopt;
}
