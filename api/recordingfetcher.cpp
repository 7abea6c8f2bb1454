#include "api/recordingfetcher.h"
#include "api/urlsafety.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
/// Error bodies are small XML documents; more than this is not worth keeping.
constexpr qsizetype MaxErrorBody = 64 * 1024;

QString xmlElement(const QByteArray &body, const QString &name)
{
    const QRegularExpression re(u"<%1>([^<]*)</%1>"_s.arg(name));
    return re.match(QString::fromUtf8(body)).captured(1).trimmed();
}

bool isFetchableScheme(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == u"https" || scheme == u"http";
}
} // namespace

struct RecordingFetcher::Fetch
{
    FetchId id = 0;
    QUrl originUrl; ///< the URL given; redirects must stay within its origin
    QUrl url;
    bool hasContext = false;
    QPointer<QObject> context;
    Callback done;
    QPointer<QNetworkReply> reply;
    QTimer *idleTimer = nullptr;
    QByteArray bytes;
    QByteArray errorBody;
    qint64 resumeOffset = 0;
    qint64 total = -1;
    int redirects = 0;
    std::optional<ApiError> abortReason;
};

RecordingFetcher::RecordingFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // No cookie jar worth the name and no answer to authentication challenges: this manager
    // must not be able to identify the user to anyone.
    m_network->setCookieJar(new QNetworkCookieJar(m_network));
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

RecordingFetcher::~RecordingFetcher()
{
    for (const auto &fetch : std::as_const(m_fetches)) {
        if (fetch->reply) {
            fetch->reply->disconnect(this);
            fetch->reply->abort();
        }
    }
}

RecordingFetcher::FetchId RecordingFetcher::fetch(const QUrl &url, QObject *context, Callback done,
                                                  QByteArray resumeFrom)
{
    auto fetch = std::make_shared<Fetch>();
    fetch->id = m_nextId++;
    fetch->originUrl = url;
    fetch->url = url;
    fetch->hasContext = context != nullptr;
    fetch->context = context;
    fetch->done = std::move(done);
    fetch->resumeOffset = resumeFrom.size();
    fetch->bytes = std::move(resumeFrom);
    fetch->idleTimer = new QTimer(this);
    fetch->idleTimer->setSingleShot(true);
    const FetchId id = fetch->id;
    connect(fetch->idleTimer, &QTimer::timeout, this, [this, id] {
        if (const auto f = m_fetches.value(id); f && f->reply) {
            f->abortReason = ApiError::make(ApiError::Kind::Timeout,
                                            tr("The recording host stopped sending data."));
            f->reply->abort();
        }
    });
    m_fetches.insert(id, fetch);
    if (!url.isValid() || !isFetchableScheme(url)) {
        // Report asynchronously, as every other outcome, so callers see one code path.
        QTimer::singleShot(0, this, [this, id] {
            finish(id, ApiError::make(ApiError::Kind::BadRequest,
                                      tr("The recording address is not a web address.")));
        });
        return id;
    }
    start(*fetch);
    return id;
}

void RecordingFetcher::start(Fetch &fetch)
{
    QNetworkRequest request(fetch.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Sessionscope"));
    if (fetch.resumeOffset > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(fetch.resumeOffset) + '-');

    QNetworkReply *reply = m_network->get(request);
    fetch.reply = reply;
    fetch.errorBody.clear();
    const FetchId id = fetch.id;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, id] { onMetaData(id); });
    connect(reply, &QNetworkReply::readyRead, this, [this, id] { onReadyRead(id); });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
    fetch.idleTimer->start(m_timeoutMs);
}

void RecordingFetcher::onMetaData(FetchId id)
{
    const auto fetch = m_fetches.value(id);
    if (!fetch || !fetch->reply)
        return;
    QNetworkReply *reply = fetch->reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (status == 200) {
        // A full answer to a Range request: the server ignored the range, start over.
        fetch->bytes.clear();
        fetch->resumeOffset = 0;
        fetch->total = length > 0 ? length : -1;
    } else if (status == 206) {
        static const QRegularExpression contentRange(u"bytes\\s+(\\d+)-\\d+/(\\d+|\\*)"_s);
        const auto m = contentRange.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
        if (!m.hasMatch() || m.captured(1).toLongLong() != fetch->resumeOffset) {
            fetch->abortReason = ApiError::make(ApiError::Kind::MalformedResponse,
                                                tr("The recording host sent the wrong part."));
            reply->abort();
            return;
        }
        fetch->total = m.captured(2) == u"*" ? -1 : m.captured(2).toLongLong();
    }
    if (fetch->total > m_maxBytes) {
        fetch->abortReason = ApiError::make(
            ApiError::Kind::TooLarge,
            tr("The recording is larger than %1 MB.").arg(m_maxBytes / (1024 * 1024)));
        reply->abort();
        return;
    }
    if (fetch->total > 0 && (status == 200 || status == 206))
        fetch->bytes.reserve(fetch->total);
}

void RecordingFetcher::onReadyRead(FetchId id)
{
    const auto fetch = m_fetches.value(id);
    if (!fetch || !fetch->reply)
        return;
    QNetworkReply *reply = fetch->reply;
    fetch->idleTimer->start(m_timeoutMs);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        // Keep a little of an error body (S3 explains itself in XML), drop the rest.
        const QByteArray chunk = reply->readAll();
        fetch->errorBody.append(chunk.left(MaxErrorBody - fetch->errorBody.size()));
        return;
    }
    fetch->bytes.append(reply->readAll());
    if (fetch->bytes.size() > m_maxBytes) {
        fetch->abortReason = ApiError::make(
            ApiError::Kind::TooLarge,
            tr("The recording is larger than %1 MB.").arg(m_maxBytes / (1024 * 1024)));
        reply->abort();
        return;
    }
    Q_EMIT progress(id, fetch->bytes.size(), fetch->total);
}

void RecordingFetcher::onFinished(FetchId id)
{
    const auto fetch = m_fetches.value(id);
    if (!fetch || !fetch->reply)
        return;
    QNetworkReply *reply = fetch->reply;
    reply->deleteLater();
    fetch->reply = nullptr;
    if (fetch->abortReason)
        return finish(id, fetch->abortReason);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        const QUrl target = fetch->url.resolved(
            reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
        if (!isSameOrigin(target, fetch->originUrl))
            return finish(id,
                          ApiError::make(ApiError::Kind::UnsafeRedirect,
                                         tr("The recording host redirected to %1; not followed.")
                                             .arg(redactedUrl(target)),
                                         status));
        if (++fetch->redirects > MaxRedirects)
            return finish(
                id, ApiError::make(ApiError::Kind::HttpError, tr("Too many redirects."), status));
        fetch->url = target;
        return start(*fetch);
    }
    if (status == 416 && fetch->resumeOffset > 0) {
        // Asked for the rest of a file we already have whole.
        const QByteArray range = reply->rawHeader("Content-Range");
        if (range.endsWith('/' + QByteArray::number(fetch->resumeOffset)))
            return finish(id, std::nullopt);
    }
    if (reply->error() != QNetworkReply::NoError || (status != 200 && status != 206))
        return finish(id, errorFromReply(reply, fetch->errorBody));
    if (fetch->total >= 0 && fetch->bytes.size() != fetch->total)
        return finish(
            id, ApiError::make(ApiError::Kind::Network, tr("The recording arrived incomplete.")));
    finish(id, std::nullopt);
}

void RecordingFetcher::cancel(FetchId id)
{
    if (const auto fetch = m_fetches.value(id)) {
        if (fetch->reply) {
            fetch->reply->disconnect(this);
            fetch->reply->abort();
            fetch->reply->deleteLater();
        }
        finish(id, ApiError::make(ApiError::Kind::Cancelled, tr("Cancelled.")));
    }
}

void RecordingFetcher::finish(FetchId id, std::optional<ApiError> error)
{
    const auto fetch = m_fetches.take(id);
    if (!fetch)
        return;
    fetch->idleTimer->deleteLater();
    if (fetch->hasContext && fetch->context.isNull())
        return;
    RecordingDownload result;
    result.bytes = std::move(fetch->bytes);
    result.totalBytes = fetch->total;
    result.error = std::move(error);
    if (fetch->done)
        fetch->done(std::move(result));
}

ApiError RecordingFetcher::errorFromReply(QNetworkReply *reply, const QByteArray &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const bool timeout = reply->error() == QNetworkReply::TimeoutError;
        return ApiError::make(timeout ? ApiError::Kind::Timeout : ApiError::Kind::Network,
                              redactUrlsIn(reply->errorString()));
    }
    // S3 names the reason in <Code> and <Message>; fall back to the reason phrase.
    QString message = xmlElement(body, u"Message"_s);
    const QString code = xmlElement(body, u"Code"_s);
    if (message.isEmpty())
        message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (!code.isEmpty())
        message = code + u": "_s + message;
    const ApiError::Kind kind = status == 404   ? ApiError::Kind::NotFound
                                : status >= 500 ? ApiError::Kind::ServerError
                                                : ApiError::Kind::HttpError;
    return ApiError::make(kind, tr("The recording host answered %1 (%2).").arg(status).arg(message),
                          status);
}
