#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrlQuery>

#include <memory>

/// A finished exchange, copied out of the reply so tests can assert on plain values.
struct DemoReply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QJsonObject data() const
    {
        return json().value(QLatin1String("data")).toObject();
    }
};

/// Drives a real QNetworkAccessManager against the demo server on loopback. Waits with a
/// generous timeout on the reply's own finished signal, so a loaded machine only slows the
/// test down instead of failing it.
class DemoTestClient
{
public:
    static constexpr int TimeoutMs = 60000;

    DemoReply send(QNetworkRequest request, const QByteArray &verb = "GET",
                   const QByteArray &body = {})
    {
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(TimeoutMs);
        std::unique_ptr<QNetworkReply> reply(m_manager.sendCustomRequest(request, verb, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        DemoReply result;
        if (!reply->isFinished() && !finished.wait(TimeoutMs))
            return result;
        result.finished = true;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        return result;
    }

    DemoReply get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        for (const auto &[key, value] : headers)
            request.setRawHeader(key, value);
        return send(request);
    }

    DemoReply postJson(const QUrl &url, const QJsonObject &object)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        return send(request, "POST", QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
};

/// http://host:port/api/billing/usage/?<items>
inline QUrl usageUrl(const QUrl &base, const QList<std::pair<QString, QString>> &items = {})
{
    QUrl url = base;
    url.setPath(QLatin1String("/api/billing/usage/"));
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}
