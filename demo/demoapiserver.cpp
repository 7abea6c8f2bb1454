#include "demo/demoapiserver.h"

#include "demo/demoauth.h"
#include "demo/demodataset.h"
#include "demo/demojsonwriter.h"
#include "demo/demorecordingsigner.h"
#include "demo/demosessionjson.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

const QString UsagePath = u"/api/billing/usage/"_s;
const QString SessionsPrefix = u"/api/billing/sessions/"_s;

QByteArray envelope(const char *message, const std::function<void(DemoJsonWriter &)> &data)
{
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("success");
    w.boolean(true);
    w.key("message");
    w.string(message);
    w.key("data");
    data(w);
    w.key("errors");
    w.null();
    w.endObject();
    return out;
}

DemoHttpResponse tokenError(const QString &detail)
{
    // SimpleJWT answers with "detail", not the envelope; clients meet both shapes.
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("detail");
    w.string(detail);
    w.key("code");
    w.string("token_not_valid");
    w.endObject();
    return DemoHttpResponse::json(401, out);
}

QJsonObject jsonBody(const DemoHttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

DemoApiServer::DemoApiServer(const DemoDataset &dataset, const DemoAuth &auth,
                             const DemoRecordingSigner &signer, FaultInjector *faults,
                             DemoRequestLog *log, std::function<qint64()> nowSecs,
                             qint64 pageCacheBytes, QObject *parent)
    : DemoHttpServer(u"api"_s, faults, log, parent)
    , m_dataset(dataset)
    , m_auth(auth)
    , m_signer(signer)
    , m_nowSecs(std::move(nowSecs))
    , m_renderer(dataset, signer, pageCacheBytes)
{}

void DemoApiServer::updateBaseUrl()
{
    m_renderer.setApiBaseUrl(baseUrl().toString().toUtf8());
}

void DemoApiServer::serve(const DemoHttpRequest &request, QTcpSocket *socket,
                          const std::optional<FaultInjector::Rule> &fault, DemoDelivery delivery)
{
    DemoHttpResponse response = route(request, fault);
    if (fault && fault->kind == FaultInjector::Kind::MalformedJson)
        response.body.truncate(response.body.size() * 3 / 5);
    DemoHttpWire::send(socket, std::move(response), delivery);
}

DemoHttpResponse DemoApiServer::route(const DemoHttpRequest &request,
                                      const std::optional<FaultInjector::Rule> &fault)
{
    const QString &path = request.path;
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (path == u"/api/auth/login/"_s || path == u"/api/auth/refresh/"_s) {
        if (request.method != "POST")
            return DemoHttpResponse::envelopeError(
                405, u"Method \"%1\" not allowed."_s.arg(QString::fromLatin1(request.method)));
        return path.endsWith(u"login/"_s) ? login(request) : refresh(request);
    }
    const bool known = path == UsagePath || path == u"/api/ai-characters/"_s ||
                       (path.startsWith(SessionsPrefix) && path.endsWith(u'/') &&
                        path.size() > SessionsPrefix.size() + 1);
    if (!known)
        return DemoHttpResponse::envelopeError(404, u"Not found."_s);
    if (!read)
        return DemoHttpResponse::envelopeError(
            405, u"Method \"%1\" not allowed."_s.arg(QString::fromLatin1(request.method)));

    QString message;
    const auto caller =
        m_auth.authenticate(request.header("x-api-key"), request.header("authorization"), &message);
    if (!caller) {
        DemoHttpResponse r = DemoHttpResponse::envelopeError(401, message);
        r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"api\"")});
        return r;
    }
    if (path == UsagePath)
        return usage(*caller, request, fault);
    if (path == u"/api/ai-characters/"_s)
        return characters(*caller);
    return detail(*caller, path.mid(SessionsPrefix.size()).chopped(1), fault);
}

DemoHttpResponse DemoApiServer::usage(const DemoCaller &caller, const DemoHttpRequest &request,
                                      const std::optional<FaultInjector::Rule> &fault)
{
    QString field, message;
    const auto filter = DemoUsageFilter::parse(request.query, &field, &message);
    if (!filter)
        return DemoHttpResponse::envelopeError(400, u"Invalid query parameters."_s, field, message);

    DemoPageTweaks tweaks;
    if (fault) {
        using Kind = FaultInjector::Kind;
        const qint64 mb = 1024 * 1024;
        switch (fault->kind) {
        case Kind::WrongShape:
            tweaks.wrongTypes = true;
            break;
        case Kind::HugePage:
            tweaks.paddingBytes = FaultInjector::number(*fault, 50) * mb;
            break;
        case Kind::HugeTurn:
            tweaks.hugeTurnBytes = FaultInjector::number(*fault, 10) * mb;
            break;
        case Kind::WrongCount:
            tweaks.countOverride = FaultInjector::number(*fault, -1);
            break;
        case Kind::RepeatRows:
            tweaks.repeatRows = true;
            break;
        case Kind::ForeignNext:
            tweaks.nextOverride = fault->arg.toUtf8();
            break;
        default:
            break;
        }
    }
    QByteArray body;
    if (tweaks.countOverride == -1) {
        // No explicit count: render once to learn the truth, then lie about it.
        tweaks.countOverride.reset();
        DemoPageTweaks plain;
        if (m_renderer.render(caller, *filter, m_nowSecs(), plain, &body) ==
            DemoPageRenderer::Outcome::Ok) {
            const qsizetype at = body.lastIndexOf("\"count\":") + 8;
            tweaks.countOverride = body.mid(at, body.indexOf(',', at) - at).toLongLong() * 2 + 7;
        }
    }
    if (m_renderer.render(caller, *filter, m_nowSecs(), tweaks, &body) ==
        DemoPageRenderer::Outcome::PageNotFound)
        return DemoHttpResponse::envelopeError(404, u"Invalid page."_s);
    return DemoHttpResponse::json(200, std::move(body));
}

DemoHttpResponse DemoApiServer::detail(const DemoCaller &caller, const QString &sessionId,
                                       const std::optional<FaultInjector::Rule> &fault)
{
    const DemoSession *s = m_dataset.findSession(sessionId);
    if (!s || !m_renderer.sessionVisible(caller, s->characterIndex))
        return DemoHttpResponse::envelopeError(404, u"Session not found."_s);
    DemoSessionRenderOptions options;
    options.signer = &m_signer;
    options.signSecs = m_signer.bucketStart(m_nowSecs());
    if (fault && fault->kind == FaultInjector::Kind::WrongShape)
        options.wrongTypes = true;
    if (fault && fault->kind == FaultInjector::Kind::HugeTurn)
        options.hugeTurnBytes = FaultInjector::number(*fault, 10) * 1024 * 1024;
    return DemoHttpResponse::json(
        200, envelope("Session retrieved successfully.", [&](DemoJsonWriter &w) {
            DemoSessionJson::append(w, m_dataset, *s, options);
        }));
}

DemoHttpResponse DemoApiServer::characters(const DemoCaller &caller) const
{
    return DemoHttpResponse::json(
        200, envelope("Characters retrieved successfully.", [&](DemoJsonWriter &w) {
            w.beginArray();
            for (int i = 0; i < m_dataset.characters().size(); ++i) {
                if (!m_renderer.sessionVisible(caller, i))
                    continue;
                const DemoCharacter &c = m_dataset.characters().at(i);
                w.beginObject();
                w.key("slug");
                w.string(c.slug);
                w.key("name");
                w.string(c.name);
                w.key("tenant_id");
                w.string(c.tenantId);
                w.endObject();
            }
            w.endArray();
        }));
}

DemoHttpResponse DemoApiServer::login(const DemoHttpRequest &request) const
{
    const QJsonObject body = jsonBody(request);
    const auto tokens =
        m_auth.login(body.value(u"email"_s).toString(), body.value(u"password"_s).toString());
    if (!tokens) {
        QByteArray out;
        DemoJsonWriter w(out);
        w.beginObject();
        w.key("detail");
        w.string("No active account found with the given credentials");
        w.endObject();
        return DemoHttpResponse::json(401, out);
    }
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("access");
    w.string(tokens->first);
    w.key("refresh");
    w.string(tokens->second);
    w.endObject();
    return DemoHttpResponse::json(200, out);
}

DemoHttpResponse DemoApiServer::refresh(const DemoHttpRequest &request) const
{
    QString message;
    const auto access =
        m_auth.refresh(jsonBody(request).value(u"refresh"_s).toString().toUtf8(), &message);
    if (!access)
        return tokenError(message);
    QByteArray out;
    DemoJsonWriter w(out);
    w.beginObject();
    w.key("access");
    w.string(*access);
    w.endObject();
    return DemoHttpResponse::json(200, out);
}
