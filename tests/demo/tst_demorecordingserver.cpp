// The recording origin: presigned URLs, WAV content and length, byte ranges, HEAD, and S3's
// 403 answers for expired, forged and missing signatures.

#include "demo/demoserver.h"
#include "demo/wavsynth.h"
#include "tests/demo/demotestclient.h"

#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const QDateTime Now(QDate(2026, 5, 28), QTime(14, 23, 48), Qt::UTC);

double rms(const QByteArray &wav, qint64 firstSample, qint64 count)
{
    double sum = 0;
    for (qint64 i = firstSample; i < firstSample + count; ++i) {
        const double v = qFromLittleEndian<qint16>(wav.constData() + WavSynth::HeaderBytes + 2 * i);
        sum += v * v;
    }
    return std::sqrt(sum / double(count));
}

int zeroCrossings(const QByteArray &wav, qint64 firstSample, qint64 count)
{
    int crossings = 0;
    qint16 previous = 0;
    for (qint64 i = firstSample; i < firstSample + count; ++i) {
        const auto v = qFromLittleEndian<qint16>(wav.constData() + WavSynth::HeaderBytes + 2 * i);
        crossings += (v >= 0) != (previous >= 0);
        previous = v;
    }
    return crossings;
}

} // namespace

class TestDemoRecordingServer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    DemoTestClient m_client;
    QDateTime m_clock = Now;

    const DemoSession &readySession() const
    {
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.recordingStatus == DemoRecordingStatus::Ready && s.turnCount >= 4 &&
                s.durationDs < 3000) // short: whole-file fetches stay quick
                return s;
        }
        qFatal("no READY session");
    }

    /// The URL exactly as the API hands it out.
    QUrl presignedFromApi(const DemoSession &s)
    {
        QUrl url = m_server->apiBaseUrl();
        url.setPath(u"/api/billing/sessions/"_s +
                        QString::fromLatin1(QUrl::toPercentEncoding(s.sessionId)) + u'/',
                    QUrl::StrictMode);
        const DemoReply r = m_client.get(url, {{"X-API-Key", m_server->staffApiKey().toLatin1()}});
        return QUrl(r.data().value(u"recording_presigned_url"_s).toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoOptions options;
        options.sessions = 800;
        options.now = Now;
        options.recordingExpirySeconds = 900;
        options.clock = [this] {
            return m_clock;
        };
        m_server = std::make_unique<DemoServer>(options);
        QVERIFY(m_server->start());
    }

    void init() { m_clock = Now; }

    void wholeFileIsAWavOfTheSessionLength()
    {
        const DemoSession &s = readySession();
        const QUrl url = presignedFromApi(s);
        QCOMPARE(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery), m_server->recordingBaseUrl());
        QVERIFY(url.query().contains(u"X-Amz-Signature="_s));
        const DemoReply r = m_client.get(url); // no credentials: the URL is the credential
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), "audio/wav");
        QCOMPARE(r.header("Accept-Ranges"), "bytes");
        const QByteArray &wav = r.body;
        QVERIFY(wav.startsWith("RIFF"));
        QCOMPARE(wav.mid(8, 8), "WAVEfmt ");
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), 1); // PCM
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 22), 1); // mono
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 24), 8000u);
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 34), 16);
        const quint32 dataBytes = qFromLittleEndian<quint32>(wav.constData() + 40);
        QCOMPARE(qint64(dataBytes), wav.size() - 44);
        QCOMPARE(double(dataBytes) / 2 / 8000, s.durationSeconds());
        QCOMPARE(r.header("Content-Length").toLongLong(), wav.size());
    }

    void tonesMarkTurnStarts()
    {
        const DemoSession &s = readySession();
        const DemoReply r = m_client.get(presignedFromApi(s));
        QCOMPARE(r.status, 200);
        const WavSynth synth = m_server->recording(s);
        const auto markers = synth.markers();
        QCOMPARE(markers.size(), s.turnCount);
        const qint64 window = 800; // 100 ms
        for (int i = 0; i < 4; ++i) {
            const WavSynth::Marker &m = markers.at(i);
            QCOMPARE(m.seconds, double(m_server->dataset().transcript(s).at(i).tsDs) / 10.0);
            QVERIFY(rms(r.body, m.sample + 400, window) > 3000);
            if (m.sample > 2 * window)
                QVERIFY(rms(r.body, m.sample - window - 10, window) < 300);
            // ~1200 Hz gives ~240 crossings per 100 ms, ~440 Hz about 88.
            const int crossings = zeroCrossings(r.body, m.sample + 400, window);
            QVERIFY2(m.assistant ? crossings > 200 : crossings < 120,
                     qPrintable(QString::number(crossings)));
        }
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end"); // exclusive; -1 = total
        QTest::newRow("head bytes") << QByteArray("bytes=0-99") << 0LL << 100LL;
        QTest::newRow("middle") << QByteArray("bytes=1001-2000") << 1001LL << 2001LL;
        QTest::newRow("open") << QByteArray("bytes=5000-") << 5000LL << -1LL;
        QTest::newRow("past end clipped") << QByteArray("bytes=100-999999999") << 100LL << -1LL;
    }

    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        const QUrl url = presignedFromApi(readySession());
        const QByteArray whole = m_client.get(url).body;
        if (end < 0)
            end = whole.size();
        const DemoReply r = m_client.get(url, {{"Range", range}});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.header("Content-Range"), "bytes " + QByteArray::number(begin) + '-' +
                                                QByteArray::number(end - 1) + '/' +
                                                QByteArray::number(whole.size()));
        QCOMPARE(r.body, whole.mid(begin, end - begin));
    }

    void suffixAndUnsatisfiableRanges()
    {
        const QUrl url = presignedFromApi(readySession());
        const QByteArray whole = m_client.get(url).body;
        const DemoReply suffix = m_client.get(url, {{"Range", "bytes=-10"}});
        QCOMPARE(suffix.status, 206);
        QCOMPARE(suffix.body, whole.right(10));
        const DemoReply beyond =
            m_client.get(url, {{"Range", "bytes=" + QByteArray::number(whole.size()) + '-'}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.header("Content-Range"), "bytes */" + QByteArray::number(whole.size()));
    }

    void head()
    {
        const QUrl url = presignedFromApi(readySession());
        std::unique_ptr<QNetworkReply> reply(m_client.manager().head(QNetworkRequest(url)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(DemoTestClient::TimeoutMs));
        DemoReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("Content-Length").toLongLong(),
                 WavSynth::HeaderBytes + readySession().durationDs * 1600);
        QCOMPARE(r.header("Accept-Ranges"), "bytes");
    }

    void expiredIs403Xml()
    {
        const QUrl url = presignedFromApi(readySession());
        // Signing times are bucketed down, so a URL lives at least expiry minus one bucket
        // and exactly as long as its X-Amz-Date plus X-Amz-Expires say.
        const QDateTime signedAt = QDateTime::fromString(
            QUrlQuery(url).queryItemValue(u"X-Amz-Date"_s), u"yyyyMMdd'T'HHmmss'Z'"_s);
        const QDateTime expiresAt =
            QDateTime(signedAt.date(), signedAt.time(), Qt::UTC).addSecs(900);
        QVERIFY(expiresAt >= Now.addSecs(900 - 60));
        QVERIFY(expiresAt <= Now.addSecs(900));
        m_clock = expiresAt.addSecs(-1);
        QCOMPARE(m_client.get(url).status, 200); // the stated lifetime holds ...
        m_clock = expiresAt;
        const DemoReply r = m_client.get(url); // ... and ends
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("Content-Type"), "application/xml");
        QVERIFY(r.body.startsWith("<?xml"));
        QVERIFY(r.body.contains("<Code>AccessDenied</Code>"));
        QVERIFY(r.body.contains("<Message>Request has expired</Message>"));
        // The API hands out a fresh URL that works again.
        QCOMPARE(m_client.get(presignedFromApi(readySession())).status, 200);
    }

    void shortExpiryOnTheWallClock()
    {
        DemoOptions options;
        options.sessions = 200;
        options.now = Now;
        options.recordingExpirySeconds = 1;
        DemoServer server(options);
        QVERIFY(server.start());
        const DemoSession *ready = nullptr;
        for (const DemoSession &s : server.dataset().sessions()) {
            if (s.recordingStatus == DemoRecordingStatus::Ready) {
                ready = &s;
                break;
            }
        }
        QVERIFY(ready);
        const QUrl url = server.presignedRecordingUrl(ready->sessionId);
        QTRY_COMPARE_WITH_TIMEOUT(m_client.get(url, {{"Range", "bytes=0-43"}}).status, 403, 30000);
        QVERIFY(m_client.get(url).body.contains("Request has expired"));
    }

    void forgedAndMissingSignatures()
    {
        const QUrl url = presignedFromApi(readySession());
        QUrlQuery query(url);
        QString signature = query.queryItemValue(u"X-Amz-Signature"_s);
        signature[0] = signature[0] == u'0' ? u'1' : u'0';
        query.removeQueryItem(u"X-Amz-Signature"_s);
        query.addQueryItem(u"X-Amz-Signature"_s, signature);
        QUrl forged = url;
        forged.setQuery(query);
        const DemoReply f = m_client.get(forged);
        QCOMPARE(f.status, 403);
        QVERIFY(f.body.contains("<Code>AccessDenied</Code>"));

        // Stretching the lifetime breaks the signature too.
        QUrlQuery stretched(url);
        stretched.removeQueryItem(u"X-Amz-Expires"_s);
        stretched.addQueryItem(u"X-Amz-Expires"_s, u"999999"_s);
        QUrl longer = url;
        longer.setQuery(stretched);
        QCOMPARE(m_client.get(longer).status, 403);

        const DemoReply missing = m_client.get(url.adjusted(QUrl::RemoveQuery));
        QCOMPARE(missing.status, 403);
        QCOMPARE(missing.header("Content-Type"), "application/xml");
    }

    void notReadyOrUnknownIs404()
    {
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.recordingStatus == DemoRecordingStatus::Failed) {
                QCOMPARE(m_client.get(m_server->presignedRecordingUrl(s.sessionId)).status, 404);
                break;
            }
        }
        QCOMPARE(m_client.get(m_server->presignedRecordingUrl(u"sess_nope"_s)).status, 404);
    }

    void oddSessionIdRecording()
    {
        const DemoDataset &d = m_server->dataset();
        const DemoSession &odd = d.sessions().at(d.indexOfQuirk(DemoQuirk::OddSessionId));
        const DemoReply r = m_client.get(presignedFromApi(odd), {{"Range", "bytes=0-43"}});
        QCOMPARE(r.status, 206);
        QVERIFY(r.body.startsWith("RIFF"));
    }
};

QTEST_GUILESS_MAIN(TestDemoRecordingServer)
#include "tst_demorecordingserver.moc"
