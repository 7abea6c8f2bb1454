#include "demo/demorecordingserver.h"

#include "demo/demodataset.h"
#include "demo/demorecordingsigner.h"
#include "demo/wavsynth.h"

#include <QDateTime>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

DemoHttpResponse s3Error(int status, const QByteArray &code, const QByteArray &message,
                         const QByteArray &extra = {})
{
    DemoHttpResponse r;
    r.status = status;
    r.contentType = "application/xml";
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code +
             "</Code><Message>" + message + "</Message>" + extra +
             "<RequestId>DEMO0000000000000</RequestId><HostId>sessionscope-demo</HostId>"
             "</Error>";
    return r;
}

/// First range of a Range header as [begin, end) within total; nullopt if unsatisfiable.
/// A header the server does not understand is ignored, as RFC 9110 allows.
std::optional<std::pair<qint64, qint64>> parseRange(const QByteArray &header, qint64 total,
                                                    bool *present)
{
    static const QRegularExpression re(u"^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*(,.*)?$"_s);
    const auto m = re.match(QString::fromLatin1(header));
    *present = m.hasMatch() && !(m.captured(1).isEmpty() && m.captured(2).isEmpty());
    if (!*present)
        return std::pair<qint64, qint64>{0, total};
    if (m.captured(1).isEmpty()) { // suffix: the last N bytes
        const qint64 n = std::min(m.captured(2).toLongLong(), total);
        if (n <= 0)
            return std::nullopt;
        return std::pair{total - n, total};
    }
    const qint64 begin = m.captured(1).toLongLong();
    qint64 end = m.captured(2).isEmpty() ? total - 1 : m.captured(2).toLongLong();
    end = std::min(end, total - 1);
    if (begin >= total || end < begin)
        return std::nullopt;
    return std::pair{begin, end + 1};
}

} // namespace

DemoRecordingServer::DemoRecordingServer(const DemoDataset &dataset,
                                         const DemoRecordingSigner &signer, FaultInjector *faults,
                                         DemoRequestLog *log, std::function<qint64()> nowSecs,
                                         QObject *parent)
    : DemoHttpServer(u"recording"_s, faults, log, parent)
    , m_dataset(dataset)
    , m_signer(signer)
    , m_nowSecs(std::move(nowSecs))
{}

void DemoRecordingServer::serve(const DemoHttpRequest &request, QTcpSocket *socket,
                                const std::optional<FaultInjector::Rule> &, DemoDelivery delivery)
{
    DemoHttpWire::send(socket, answer(request), delivery);
}

DemoHttpResponse DemoRecordingServer::answer(const DemoHttpRequest &request) const
{
    if (request.method != "GET" && request.method != "HEAD")
        return s3Error(405, "MethodNotAllowed",
                       "The specified method is not allowed against this resource.");
    static const QRegularExpression route(u"^/recordings/(.+)\\.wav$"_s);
    const auto m = route.match(request.path);
    const DemoSession *s = m.hasMatch() ? m_dataset.findSession(m.captured(1)) : nullptr;
    if (!s)
        return s3Error(404, "NoSuchKey", "The specified key does not exist.");

    const qint64 now = m_nowSecs();
    switch (m_signer.verify(s->sessionId, request.query, now)) {
    case DemoRecordingSigner::Verdict::Valid:
        break;
    case DemoRecordingSigner::Verdict::Expired: {
        const QByteArray serverTime =
            QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate).toLatin1();
        return s3Error(403, "AccessDenied", "Request has expired",
                       "<X-Amz-Expires>" +
                           request.query.queryItemValue(u"X-Amz-Expires"_s).toLatin1() +
                           "</X-Amz-Expires><ServerTime>" + serverTime + "</ServerTime>");
    }
    case DemoRecordingSigner::Verdict::Forged:
        return s3Error(403, "AccessDenied",
                       "The request signature we calculated does not match the signature you "
                       "provided.");
    case DemoRecordingSigner::Verdict::Missing:
        return s3Error(403, "AccessDenied",
                       "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Date, "
                       "X-Amz-Expires and X-Amz-Signature parameters.");
    }
    if (s->recordingStatus != DemoRecordingStatus::Ready)
        return s3Error(404, "NoSuchKey", "The specified key does not exist.");

    auto wav = std::make_shared<WavSynth>(s->durationDs, m_dataset.timeline(*s), s->seed);
    const qint64 total = wav->totalBytes();
    bool ranged = false;
    const auto range = parseRange(request.header("range"), total, &ranged);
    DemoHttpResponse r;
    r.headers = {{"Accept-Ranges", "bytes"},
                 {"ETag", '"' + QByteArray::number(s->seed, 16) + '"'},
                 {"Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT"}};
    if (!range) {
        r = s3Error(416, "InvalidRange", "The requested range is not satisfiable");
        r.headers.append({"Content-Range", "bytes */" + QByteArray::number(total)});
        return r;
    }
    const auto [begin, end] = *range;
    r.status = ranged ? 206 : 200;
    r.contentType = "audio/wav";
    if (ranged)
        r.headers.append({"Content-Range", "bytes " + QByteArray::number(begin) + '-' +
                                               QByteArray::number(end - 1) + '/' +
                                               QByteArray::number(total)});
    r.bodyLength = end - begin;
    r.generator = [wav, begin](qint64 offset, qint64 length) {
        return wav->bytes(begin + offset, length);
    };
    return r;
}
