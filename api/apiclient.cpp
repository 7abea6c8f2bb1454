#include "api/apiclient.h"
#include "api/urlsafety.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <simdjson.h>

namespace {
const QByteArray UserAgent = QByteArrayLiteral("Sessionscope/" SESSIONSCOPE_VERSION);

int parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    // The HTTP-date form: wait until then.
    const QDateTime when =
        QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

ApiError::Kind kindForStatus(int status)
{
    switch (status) {
    case 400:
        return ApiError::Kind::BadRequest;
    case 401:
        return ApiError::Kind::Unauthorized;
    case 404:
        return ApiError::Kind::NotFound;
    case 429:
        return ApiError::Kind::Throttled;
    default:
        return status >= 500 ? ApiError::Kind::ServerError : ApiError::Kind::HttpError;
    }
}

/// `attempts` is the number of requests really sent for one call (redirects not counted).
QString gaveUpAfter(int attempts)
{
    // Not a %n plural: the command line shows this too, and installs no translator.
    return attempts == 1 ? ApiClient::tr(" (gave up after 1 attempt)")
                         : ApiClient::tr(" (gave up after %1 attempts)").arg(attempts);
}

/// The contract answers 200 to page 1 of the usage list and never 404s the login endpoints:
/// a 404 there means the base URL does not lead to the API, which must not read as "no sessions".
template<typename T>
ApiClient::Callback<T> reportingWrongUrl(ApiClient::Callback<T> done, const QUrl &baseUrl)
{
    return [done = std::move(done), baseUrl](Result<T> result) {
        if (result || result.error().kind != ApiError::Kind::NotFound) {
            done(std::move(result));
            return;
        }
        done(ApiError::make(ApiError::Kind::WrongUrl,
                            ApiClient::tr("The server at %1 does not answer the session API here "
                                          "(it answered 404): check the base URL.")
                                .arg(redactedUrl(baseUrl)),
                            404));
    };
}
} // namespace

struct ApiClient::Call
{
    enum class Abort : quint8 { None, TooLarge, Deadline };
    RequestId id = 0;
    QUrl url;
    QByteArray method;
    QByteArray body;
    bool hasContext = false;
    QPointer<QObject> context;
    RawDone done;
    int attempt = 0;
    int redirects = 0;
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    Abort abort = Abort::None;
    QString tlsProblem;
    QTimer *retryTimer = nullptr;
    QTimer *deadlineTimer = nullptr;
};

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_jitter(QRandomGenerator::securelySeeded())
{}

ApiClient::~ApiClient()
{
    for (const auto &call : std::as_const(m_calls)) {
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
            call->reply->deleteLater();
        }
    }
}

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl =
        baseUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void ApiClient::setCredentials(const ApiCredentials &credentials)
{
    m_credentials = credentials;
}

QUrl ApiClient::endpoint(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::TolerantMode);
    return url;
}

ApiClient::RequestId ApiClient::fetchUsage(const UsageQuery &query, QObject *context,
                                           Callback<UsagePage> done)
{
    if (query.page <= 1)
        done = reportingWrongUrl(std::move(done), m_baseUrl);
    return sendDecoded<UsagePage>(
        endpoint(QStringLiteral("/api/billing/usage/"), query.toQueryString()), "GET", {}, context,
        std::move(done),
        !m_keepSessionJson
            ? static_cast<Result<UsagePage> (*)(const QByteArray &)>(&UsageDecoder::decodeUsagePage)
        : m_readTurns ? &UsageDecoder::decodeUsagePageKeepingJson
                      : &UsageDecoder::decodeUsagePageForExport);
}

ApiClient::RequestId ApiClient::fetchSession(const QString &sessionId, QObject *context,
                                             Callback<SessionSummary> done)
{
    const QString path = QStringLiteral("/api/billing/sessions/%1/")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(sessionId)));
    return sendDecoded<SessionSummary>(endpoint(path), "GET", {}, context, std::move(done),
                                       &UsageDecoder::decodeSessionDetail);
}

ApiClient::RequestId ApiClient::fetchCharacters(QObject *context,
                                                Callback<QList<CharacterInfo>> done)
{
    return sendDecoded<QList<CharacterInfo>>(endpoint(QStringLiteral("/api/ai-characters/")), "GET",
                                             {}, context, std::move(done),
                                             &UsageDecoder::decodeCharacters);
}

ApiClient::RequestId ApiClient::login(const QString &email, const QString &password,
                                      QObject *context, Callback<AuthTokens> done)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    return sendDecoded<AuthTokens>(endpoint(QStringLiteral("/api/auth/login/")), "POST", body,
                                   context, reportingWrongUrl(std::move(done), m_baseUrl),
                                   &UsageDecoder::decodeTokens);
}

ApiClient::RequestId ApiClient::refreshToken(const QString &refresh, QObject *context,
                                             Callback<AuthTokens> done)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("refresh"), refresh}})
                                .toJson(QJsonDocument::Compact);
    return sendDecoded<AuthTokens>(endpoint(QStringLiteral("/api/auth/refresh/")), "POST", body,
                                   context, reportingWrongUrl(std::move(done), m_baseUrl),
                                   &UsageDecoder::decodeTokens);
}

QList<std::pair<QByteArray, QByteArray>> ApiClient::requestHeaders(const QUrl &url) const
{
    using Header = std::pair<QByteArray, QByteArray>;
    QList<Header> headers{Header("User-Agent", UserAgent), Header("Accept", "application/json")};
    if (isSameOrigin(url, m_baseUrl)) {
        if (!m_credentials.apiKey.isEmpty())
            headers.append(Header("X-API-Key", m_credentials.apiKey.toUtf8()));
        else if (!m_credentials.accessToken.isEmpty())
            headers.append(Header("Authorization", "Bearer " + m_credentials.accessToken.toUtf8()));
    }
    return headers;
}

template<typename T>
ApiClient::RequestId ApiClient::sendDecoded(QUrl url, QByteArray method, QByteArray body,
                                            QObject *context, Callback<T> done,
                                            Result<T> (*decode)(const QByteArray &))
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    return send(std::move(url), std::move(method), std::move(body), context,
                [this, guard, hasContext, done = std::move(done), decode](Result<QByteArray> raw) {
                    if (!raw) {
                        done(raw.error());
                        return;
                    }
                    if (raw.value().size() < OffThreadDecodeBytes) {
                        done(decode(raw.value()));
                        return;
                    }
                    if (hasContext && !guard)
                        return;
                    // Large pages are decoded on a worker so that the GUI thread never waits.
                    auto *watcher = new QFutureWatcher<Result<T>>(hasContext ? guard.data() : this);
                    connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done] {
                        done(watcher->result());
                        watcher->deleteLater();
                    });
                    watcher->setFuture(QtConcurrent::run(decode, std::move(raw).value()));
                });
}

ApiClient::RequestId ApiClient::send(QUrl url, QByteArray method, QByteArray body, QObject *context,
                                     RawDone done)
{
    auto call = std::make_shared<Call>();
    call->id = m_nextId++;
    call->url = std::move(url);
    call->method = std::move(method);
    call->body = std::move(body);
    call->hasContext = context != nullptr;
    call->context = context;
    call->done = std::move(done);
    m_calls.insert(call->id, call);
    if (m_deadlineMs > 0) {
        call->deadlineTimer = new QTimer(this);
        call->deadlineTimer->setSingleShot(true);
        // A coarse timer may fire 5 % early: a deadline the user set must not.
        call->deadlineTimer->setTimerType(Qt::PreciseTimer);
        const RequestId id = call->id;
        connect(call->deadlineTimer, &QTimer::timeout, this, [this, id] { onDeadline(id); });
        call->deadlineTimer->start(m_deadlineMs);
    }
    startAttempt(*call);
    return call->id;
}

void ApiClient::startAttempt(Call &call)
{
    ++call.attempt;
    call.buffer.clear();
    call.abort = Call::Abort::None;
    call.tlsProblem.clear();

    QNetworkRequest request(call.url);
    // Redirects are followed by hand (onFinished): Qt's own policy re-sends credentials to
    // whatever host a redirect names.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(idleTimeoutMs());
    if (!m_ca.isEmpty() && call.url.scheme().compare(u"https", Qt::CaseInsensitive) == 0) {
        // Per request, so that a private CA is trusted by this client only, not process-wide.
        QSslConfiguration tls = request.sslConfiguration();
        tls.addCaCertificates(m_ca);
        request.setSslConfiguration(tls);
    }
    for (const auto &[name, value] : requestHeaders(call.url))
        request.setRawHeader(name, value);
    QNetworkReply *reply = nullptr;
    if (call.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        reply = m_network->post(request, call.body);
    } else {
        reply = m_network->get(request);
    }
    call.reply = reply;
    const RequestId id = call.id;
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, id](const QList<QSslError> &errors) { onSslErrors(id, errors); });
}

void ApiClient::onReadyRead(RequestId id)
{
    const auto call = m_calls.value(id);
    if (!call || !call->reply)
        return;
    QNetworkReply *reply = call->reply;
    if (call->buffer.isEmpty()) {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > m_maxReplyBytes) {
            call->abort = Call::Abort::TooLarge;
            reply->abort();
            return;
        }
        // Room for the whole body plus the padding the decoder reads past the end, so that the
        // decoder can work on these bytes without copying them.
        if (announced > 0)
            call->buffer.reserve(qsizetype(announced) + qsizetype(simdjson::SIMDJSON_PADDING));
    }
    // Read straight into the reserved buffer: readAll() would make a copy first.
    const qint64 available = reply->bytesAvailable();
    if (available > 0) {
        const qsizetype before = call->buffer.size();
        call->buffer.resize(before + qsizetype(available));
        const qint64 got = reply->read(call->buffer.data() + before, available);
        call->buffer.resize(before + qsizetype(qMax<qint64>(0, got)));
    }
    if (call->buffer.size() > m_maxReplyBytes) {
        call->abort = Call::Abort::TooLarge;
        reply->abort();
    }
}

void ApiClient::onSslErrors(RequestId id, const QList<QSslError> &errors)
{
    const auto call = m_calls.value(id);
    if (!call || !call->reply || errors.isEmpty())
        return;
    if (isTrustedPeer(errors, m_trusted)) {
        call->reply->ignoreSslErrors(errors);
        return;
    }
    const QString fingerprint = peerFingerprint(errors);
    QStringList reasons;
    for (const QSslError &e : errors)
        reasons.append(e.errorString());
    call->tlsProblem = ApiClient::tr("The server's certificate is not trusted (%1). Its SHA-256 "
                                     "fingerprint is %2; trust it in the connection settings only "
                                     "if you recognise it.")
                           .arg(reasons.join(QStringLiteral("; ")), fingerprint);
}

void ApiClient::onFinished(RequestId id)
{
    const auto call = m_calls.value(id);
    if (!call || !call->reply)
        return;
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    reply->deleteLater();

    if (call->abort == Call::Abort::Deadline) {
        finish(id, deadlineError(*call));
        return;
    }
    if (call->abort == Call::Abort::TooLarge) {
        finish(id, ApiError::make(ApiError::Kind::TooLarge,
                                  ApiClient::tr("The reply from %1 is larger than %2 MB; it was "
                                                "abandoned. Narrow the filter or use a smaller "
                                                "page size.")
                                      .arg(redactedUrl(call->url),
                                           QString::number(m_maxReplyBytes / (1024 * 1024)))));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
        const QUrl target = call->url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        if (!isSameOrigin(target, m_baseUrl)) {
            finish(id, ApiError::make(ApiError::Kind::UnsafeRedirect,
                                      ApiClient::tr("The server redirected to another origin (%1); "
                                                    "not followed, so that credentials stay with "
                                                    "the API.")
                                          .arg(redactedUrl(target)),
                                      status));
            return;
        }
        if (++call->redirects > 5) {
            finish(id, ApiError::make(ApiError::Kind::HttpError,
                                      ApiClient::tr("Too many redirects."), status));
            return;
        }
        call->url = target;
        --call->attempt; // a redirect is not a failed attempt
        startAttempt(*call);
        return;
    }
    if (status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError) {
        call->buffer += reply->readAll();
        // A connection reset after the headers can surface as a success with a short body.
        const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
        if (announced.isValid() && announced.toLongLong() != call->buffer.size()) {
            retryOrFinish(id, ApiError::make(ApiError::Kind::Network,
                                             ApiClient::tr("The server closed the connection "
                                                           "after %1 of the %2 bytes it "
                                                           "announced.")
                                                 .arg(call->buffer.size())
                                                 .arg(announced.toLongLong())));
            return;
        }
        finish(id, std::move(call->buffer));
        return;
    }
    retryOrFinish(id, errorFromReply(reply, *call));
}

ApiError ApiClient::errorFromReply(QNetworkReply *reply, const Call &call) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = redactedUrl(call.url);
    if (status >= 400) {
        ApiError error = ApiError::make(kindForStatus(status), {}, status);
        const QByteArray body = call.buffer + reply->readAll();
        UsageDecoder::readErrorBody(body, error);
        redactServerText(error);
        if (error.message.isEmpty()) {
            const QString reason =
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            error.message =
                ApiClient::tr("%1 answered %2 %3").arg(where, QString::number(status), reason);
        }
        if (status == 429)
            error.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
        return error;
    }
    // A body cut short: say how short, in the bytes the server itself announced.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 received = call.buffer.size() + reply->bytesAvailable();
    if (status >= 200 && status < 300 && announced.isValid() && announced.toLongLong() > received &&
        reply->error() != QNetworkReply::TimeoutError &&
        reply->error() != QNetworkReply::OperationCanceledError &&
        reply->error() != QNetworkReply::SslHandshakeFailedError)
        return ApiError::make(ApiError::Kind::Network,
                              ApiClient::tr("The server closed the connection after %1 of the "
                                            "%2 bytes it announced.")
                                  .arg(received)
                                  .arg(announced.toLongLong()));
    switch (reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return ApiError::make(ApiError::Kind::Timeout,
                              ApiClient::tr("%1 sent nothing for %2 s.")
                                  .arg(where, QString::number(m_timeoutMs / 1000.0)));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::make(ApiError::Kind::Tls, call.tlsProblem.isEmpty()
                                                       ? redactUrlsIn(reply->errorString())
                                                       : call.tlsProblem);
    case QNetworkReply::NoError:
        break;
    default:
        return ApiError::make(ApiError::Kind::Network,
                              ApiClient::tr("Could not complete the request to %1: %2")
                                  .arg(where, redactUrlsIn(reply->errorString())),
                              status);
    }
    if (status > 0)
        return ApiError::make(
            ApiError::Kind::HttpError,
            ApiClient::tr("%1 answered HTTP %2").arg(where, QString::number(status)), status);
    return ApiError::make(ApiError::Kind::Network,
                          ApiClient::tr("The connection to %1 ended early.").arg(where));
}

void ApiClient::redactServerText(ApiError &error) const
{
    const QStringList secrets{m_credentials.apiKey, m_credentials.accessToken};
    error.message = redactSecretsIn(error.message, secrets);
    QMap<QString, QStringList> fields;
    for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it) {
        QStringList values;
        for (const QString &value : it.value())
            values.append(redactSecretsIn(value, secrets));
        fields[redactSecretsIn(it.key(), secrets)] += values;
    }
    error.fieldErrors = std::move(fields);
}

int ApiClient::idleTimeoutMs() const
{
    // An idle limit as long as the deadline or longer could only race it: the deadline alone
    // then ends a silent request, with its own message.
    return m_deadlineMs > 0 && m_deadlineMs <= m_timeoutMs ? 0 : m_timeoutMs;
}

ApiError ApiClient::deadlineError(const Call &call) const
{
    QString message = ApiClient::tr("%1 did not finish answering within %2 s")
                          .arg(redactedUrl(call.url), QString::number(m_deadlineMs / 1000.0));
    if (call.attempt > 1)
        message += gaveUpAfter(call.attempt);
    return ApiError::make(ApiError::Kind::Timeout, message + QLatin1Char('.'));
}

void ApiClient::onDeadline(RequestId id)
{
    const auto call = m_calls.value(id);
    if (!call)
        return;
    if (call->reply) {
        // onFinished ends the request with the deadline error.
        call->abort = Call::Abort::Deadline;
        call->reply->abort();
        return;
    }
    finish(id, deadlineError(*call)); // between attempts, waiting out a backoff
}

int ApiClient::backoffMs(int attempt)
{
    const qint64 exponential = qint64(m_retry.baseDelayMs) << qMin(attempt - 1, 16);
    const qint64 capped = qMin<qint64>(exponential, m_retry.maxDelayMs);
    // Full jitter between half and all of the delay, so that parallel page fetches that failed
    // together do not come back together.
    return int(capped / 2 + m_jitter.bounded(capped / 2 + 1));
}

void ApiClient::retryOrFinish(RequestId id, ApiError error)
{
    const auto call = m_calls.value(id);
    if (!call)
        return;
    const bool idempotent = call->method == "GET";
    const bool retryAfterTooLong = error.retryAfterSeconds > m_retry.maxRetryAfterSeconds;
    if (!error.isTransient() || !idempotent || call->attempt >= m_retry.maxAttempts ||
        retryAfterTooLong) {
        if (error.isTransient() && call->attempt > 1)
            error.message += gaveUpAfter(call->attempt);
        if (error.kind == ApiError::Kind::Unauthorized)
            Q_EMIT unauthorized(error);
        finish(id, error);
        return;
    }
    const int delay =
        error.retryAfterSeconds >= 0 ? error.retryAfterSeconds * 1000 : backoffMs(call->attempt);
    if (call->deadlineTimer && call->deadlineTimer->remainingTime() <= delay) {
        // The next attempt could not start before the deadline: report what happened now.
        error.message += gaveUpAfter(call->attempt);
        finish(id, error);
        return;
    }
    call->retryTimer = new QTimer(this);
    call->retryTimer->setSingleShot(true);
    connect(call->retryTimer, &QTimer::timeout, this, [this, id] {
        const auto c = m_calls.value(id);
        if (!c)
            return;
        c->retryTimer->deleteLater();
        c->retryTimer = nullptr;
        startAttempt(*c);
    });
    call->retryTimer->start(delay);
}

void ApiClient::finish(RequestId id, Result<QByteArray> result)
{
    const auto call = m_calls.take(id);
    if (!call)
        return;
    if (call->retryTimer)
        call->retryTimer->deleteLater();
    if (call->deadlineTimer)
        call->deadlineTimer->deleteLater();
    if (call->hasContext && !call->context)
        return;
    call->done(std::move(result));
}

void ApiClient::cancel(RequestId id)
{
    const auto call = m_calls.value(id);
    if (!call)
        return;
    if (call->reply) {
        QNetworkReply *reply = call->reply;
        call->reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finish(id, ApiError::make(ApiError::Kind::Cancelled, QStringLiteral("Cancelled.")));
}

void ApiClient::cancelAll()
{
    const auto ids = m_calls.keys();
    for (const RequestId id : ids)
        cancel(id);
}
