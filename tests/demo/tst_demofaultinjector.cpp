// Every fault kind, once, against the real demo server; the spec syntax; and the header
// recorder that foreign `next` links and redirects point at.

#include "demo/demoserver.h"
#include "demo/headerrecorder.h"
#include "tests/demo/demotestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Kind = FaultInjector::Kind;

namespace {
const QDateTime Now(QDate(2026, 5, 28), QTime(14, 23, 48), Qt::UTC);
}

class TestDemoFaultInjector final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    HeaderRecorder m_recorder;
    DemoTestClient m_client;

    QUrl usage(const QList<std::pair<QString, QString>> &items = {}) const
    {
        return usageUrl(m_server->apiBaseUrl(), items);
    }
    DemoReply get(const QUrl &url)
    {
        return m_client.get(url, {{"X-API-Key", m_server->staffApiKey().toLatin1()}});
    }
    QJsonArray rows(const DemoReply &r) const
    {
        return r.data().value(u"sessions"_s).toObject().value(u"data"_s).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoOptions options;
        options.sessions = 1000;
        options.now = Now;
        m_server = std::make_unique<DemoServer>(options);
        QVERIFY(m_server->start());
        QVERIFY(m_recorder.start());
    }

    void cleanup()
    {
        m_server->faults().clear();
        m_recorder.clear();
        m_recorder.setResponse(200, "{}");
    }

    void specSyntax()
    {
        FaultInjector f;
        QVERIFY(f.addSpec(u"page=2=status:503@2"_s));
        QVERIFY(f.addSpec(u"re:^/recordings/=latency:800"_s));
        QVERIFY(f.addSpec(u"/api/=redirect:http://127.0.0.1:9/x?a=b"_s));
        QVERIFY(f.addSpec(u"usage=throttle"_s));
        QString error;
        QVERIFY(!f.addSpec(u"usage=explode"_s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!f.addSpec(u"re:([=status"_s, &error));
        QCOMPARE(f.rules().size(), 4);
        QCOMPARE(f.rules().at(0).pattern, u"page=2"_s);
        QCOMPARE(f.rules().at(0).kind, Kind::Status);
        QCOMPARE(f.rules().at(0).arg, u"503"_s);
        QCOMPARE(f.rules().at(0).remaining, 2);
        QVERIFY(f.rules().at(1).regex);
        QCOMPARE(f.rules().at(2).arg, u"http://127.0.0.1:9/x?a=b"_s);
        QVERIFY(f.rules().at(3).arg.isEmpty());
        // Limited rules run out; the first match wins.
        QCOMPARE(f.take(u"/api/billing/usage/?page=2"_s)->kind, Kind::Status);
        QCOMPARE(f.take(u"/api/billing/usage/?page=2"_s)->kind, Kind::Status);
        QCOMPARE(f.take(u"/api/billing/usage/?page=2"_s)->kind, Kind::Redirect);
        QCOMPARE(f.take(u"/recordings/x.wav"_s)->kind, Kind::Latency);
        QVERIFY(!f.take(u"/other"_s));
        for (int k = int(Kind::Latency); k <= int(Kind::EchoError); ++k)
            QCOMPARE(FaultInjector::kindFromName(FaultInjector::kindName(Kind(k))), Kind(k));
    }

    void latency()
    {
        m_server->faults().add(Kind::Latency, u"usage"_s, u"400"_s);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(get(usage()).status, 200);
        QVERIFY(timer.elapsed() >= 390); // a lower bound holds on any machine
    }

    void stallSendsHalfThenWaits()
    {
        // A raw socket shows the shape on the wire: headers and half the body at once, then
        // silence, then the rest.
        m_server->faults().add(Kind::Stall, u"usage"_s, u"600"_s);
        QTcpSocket socket;
        QElapsedTimer timer;
        QByteArray received;
        qint64 length = -1;
        qint64 headerEnd = -1;
        qint64 firstBodyAt = -1;
        connect(&socket, &QTcpSocket::readyRead, this, [&] {
            received += socket.readAll();
            if (headerEnd < 0 && (headerEnd = received.indexOf("\r\n\r\n")) >= 0) {
                headerEnd += 4;
                const qsizetype at = received.indexOf("Content-Length: ") + 16;
                length = received.mid(at, received.indexOf('\r', at) - at).toLongLong();
            }
            if (headerEnd >= 0 && firstBodyAt < 0 && received.size() > headerEnd)
                firstBodyAt = timer.elapsed();
        });
        connect(&socket, &QTcpSocket::connected, this, [&] {
            timer.start();
            socket.write("GET /api/billing/usage/ HTTP/1.1\r\nHost: demo\r\nX-API-Key: " +
                         m_server->staffApiKey().toLatin1() + "\r\n\r\n");
        });
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->apiBaseUrl().port()));
        QTRY_VERIFY_WITH_TIMEOUT(length >= 0 && received.size() >= headerEnd + length,
                                 DemoTestClient::TimeoutMs);
        QVERIFY(timer.elapsed() - firstBodyAt >= 550);
        QCOMPARE(QJsonDocument::fromJson(received.mid(headerEnd)).object().value(u"success"_s),
                 true);
    }

    void dripSendsOneByteAtATime()
    {
        m_server->faults().add(Kind::Drip, u"usage"_s, u"100"_s);
        QTcpSocket socket;
        QElapsedTimer timer;
        QByteArray received;
        qint64 headerEnd = -1;
        connect(&socket, &QTcpSocket::readyRead, this, [&] {
            received += socket.readAll();
            if (headerEnd < 0 && (headerEnd = received.indexOf("\r\n\r\n")) >= 0) {
                headerEnd += 4;
                timer.start();
            }
        });
        connect(&socket, &QTcpSocket::connected, this, [&] {
            socket.write("GET /api/billing/usage/ HTTP/1.1\r\nHost: demo\r\nX-API-Key: " +
                         m_server->staffApiKey().toLatin1() + "\r\n\r\n");
        });
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->apiBaseUrl().port()));
        QTRY_VERIFY_WITH_TIMEOUT(headerEnd >= 0 && received.size() >= headerEnd + 4,
                                 DemoTestClient::TimeoutMs);
        // Four bytes took at least three pauses, and nothing came in bulk.
        QVERIFY(timer.elapsed() >= 290);
        QVERIFY(received.size() - headerEnd <= 4 + timer.elapsed() / 100);
        QVERIFY(received.mid(headerEnd).startsWith('{'));
    }

    void silentNeverAnswers()
    {
        m_server->faults().add(Kind::Silent, u"usage"_s);
        m_server->clearRequestLog();
        QTcpSocket socket;
        connect(&socket, &QTcpSocket::connected, this,
                [&] { socket.write("GET /api/billing/usage/ HTTP/1.1\r\nHost: demo\r\n\r\n"); });
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->apiBaseUrl().port()));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestLog().size(), 1, DemoTestClient::TimeoutMs);
        // Absence can only be shown over some time: long enough for any answer to arrive.
        QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
        QVERIFY(!readyRead.wait(800));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    void echoErrorRepeatsTheCredential()
    {
        m_server->faults().add(Kind::EchoError, u"usage"_s, {}, 1);
        const DemoReply envelope = get(usage());
        QCOMPARE(envelope.status, 400);
        QVERIFY(envelope.body.contains(m_server->staffApiKey().toLatin1()));
        QVERIFY(envelope.body.contains("X-Amz-Signature="));
        QCOMPARE(envelope.json().value(u"success"_s), false);
        QVERIFY(envelope.json().value(u"errors"_s).toObject().contains(m_server->staffApiKey()));
        m_server->faults().add(Kind::EchoError, u"usage"_s, u"401,detail"_s, 1);
        const DemoReply bearer =
            m_client.get(usage(), {{"Authorization", "Bearer header.payload.signature"}});
        QCOMPARE(bearer.status, 401);
        QVERIFY(bearer.json()
                    .value(u"detail"_s)
                    .toString()
                    .contains(u"Bearer header.payload.signature"_s));
    }

    void brokenTransport_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("reset") << Kind::Reset;
        QTest::newRow("reset after headers") << Kind::ResetAfterHeaders;
        QTest::newRow("truncate") << Kind::Truncate;
    }

    void brokenTransport()
    {
        QFETCH(Kind, kind);
        // Unlimited: QNAM quietly retries a request whose reused connection dies.
        m_server->faults().add(kind, u"usage"_s);
        const DemoReply r = get(usage());
        QVERIFY(r.finished);
        // QNAM reports some of these as a short 200 rather than an error; either way the
        // client must not take the body for a complete answer.
        QVERIFY(r.error != QNetworkReply::NoError ||
                r.body.size() < r.header("Content-Length").toLongLong());
        m_server->faults().clear();
        QCOMPARE(get(usage()).status, 200); // and the server is fine afterwards
    }

    void errorStatuses_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("status");
        QTest::newRow("500") << u"500"_s << 500;
        QTest::newRow("502") << u"502"_s << 502;
        QTest::newRow("503") << u"503"_s << 503;
        QTest::newRow("default") << QString() << 500;
    }

    void errorStatuses()
    {
        QFETCH(QString, arg);
        QFETCH(int, status);
        m_server->faults().add(Kind::Status, u"usage"_s, arg, 1);
        const DemoReply r = get(usage());
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().value(u"success"_s).toBool(true), false);
        QCOMPARE(get(usage()).status, 200); // limited to one request
    }

    void throttle()
    {
        m_server->faults().add(Kind::Throttle, u"usage"_s, u"7"_s, 1);
        const DemoReply withHeader = get(usage());
        QCOMPARE(withHeader.status, 429);
        QCOMPARE(withHeader.header("Retry-After"), "7");
        m_server->faults().add(Kind::Throttle, u"usage"_s, {}, 1);
        const DemoReply without = get(usage());
        QCOMPARE(without.status, 429);
        QVERIFY(without.header("Retry-After").isEmpty());
    }

    void htmlErrorPage()
    {
        m_server->faults().add(Kind::HtmlError, u"usage"_s);
        const DemoReply r = get(usage());
        QCOMPARE(r.status, 502);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
    }

    void malformedJson()
    {
        m_server->faults().add(Kind::MalformedJson, u"usage"_s);
        const DemoReply r = get(usage());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Length").toLongLong(), r.body.size());
        QJsonParseError error{};
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void wrongShape()
    {
        m_server->faults().add(Kind::WrongShape, u"usage"_s);
        const DemoReply r = get(usage());
        QCOMPARE(r.status, 200);
        const QJsonObject first = rows(r).first().toObject();
        QVERIFY(first.value(u"turn_count"_s).isString());
        QVERIFY(first.value(u"estimated_cost_usd"_s).isDouble());
        QVERIFY(r.data().value(u"total_sessions"_s).isString());
    }

    void hugePage()
    {
        m_server->faults().add(Kind::HugePage, u"usage"_s);
        const DemoReply r = get(usage());
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.size() >= 50 * 1024 * 1024);
        QCOMPARE(rows(r).size(), 50);
    }

    void hugeTurn()
    {
        m_server->faults().add(Kind::HugeTurn, u"usage"_s);
        const DemoReply r = get(usage({{u"page_size"_s, u"2"_s}}));
        QCOMPARE(r.status, 200);
        const QJsonArray transcript = rows(r).first().toObject().value(u"transcript"_s).toArray();
        QCOMPARE(transcript.first().toObject().value(u"text"_s).toString().size(),
                 10 * 1024 * 1024);
    }

    void wrongCount()
    {
        m_server->faults().add(Kind::WrongCount, u"usage"_s, u"5"_s, 1);
        const DemoReply given = get(usage());
        QCOMPARE(given.data()
                     .value(u"sessions"_s)
                     .toObject()
                     .value(u"pagination"_s)
                     .toObject()
                     .value(u"count"_s)
                     .toInt(),
                 5);
        QCOMPARE(rows(given).size(), 50);
        m_server->faults().add(Kind::WrongCount, u"usage"_s, {}, 1);
        const DemoReply guessed = get(usage());
        QCOMPARE(guessed.data()
                     .value(u"sessions"_s)
                     .toObject()
                     .value(u"pagination"_s)
                     .toObject()
                     .value(u"count"_s)
                     .toInt(),
                 1000 * 2 + 7);
    }

    void repeatRows()
    {
        const QJsonArray page1 = rows(get(usage()));
        m_server->faults().add(Kind::RepeatRows, u"page=2"_s);
        const QJsonArray page2 = rows(get(usage({{u"page"_s, u"2"_s}})));
        QCOMPARE(page2, page1);
    }

    void foreignNext()
    {
        QUrl foreign = m_recorder.baseUrl();
        foreign.setPath(u"/api/billing/usage/"_s);
        foreign.setQuery(u"page=2"_s);
        m_server->faults().add(Kind::ForeignNext, u"usage"_s, foreign.toString());
        const DemoReply r = get(usage());
        const QString next = r.data()
                                 .value(u"sessions"_s)
                                 .toObject()
                                 .value(u"pagination"_s)
                                 .toObject()
                                 .value(u"next"_s)
                                 .toString();
        QCOMPARE(QUrl(next), foreign);
        // A careful client follows it without credentials; the recorder shows what arrived.
        QCOMPARE(m_client.get(QUrl(next)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder.requests().size(), 1, 30000);
        const RecordedRequest seen = m_recorder.requests().first();
        QCOMPARE(seen.origin, u"recorder"_s);
        QCOMPARE(seen.url.path(), u"/api/billing/usage/"_s);
        QVERIFY(!seen.hasHeader("x-api-key"));
        QVERIFY(!seen.hasHeader("authorization"));
    }

    void redirectToAnotherOrigin()
    {
        QUrl target = m_recorder.baseUrl();
        target.setPath(u"/elsewhere"_s);
        m_server->faults().add(Kind::Redirect, u"usage"_s, target.toString());
        const DemoReply r = get(usage());
        QCOMPARE(r.status, 302);
        QCOMPARE(QUrl(QString::fromUtf8(r.header("Location"))), target);
        // The recorder really records headers, so a leak would show.
        QCOMPARE(m_client.get(target, {{"X-Leak-Probe", "1"}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder.requests().size(), 1, 30000);
        QCOMPARE(m_recorder.requests().first().header("x-leak-probe"), "1");
    }

    void recorderAnswers()
    {
        m_recorder.setResponse(404, "<html/>", "text/html");
        QCOMPARE(m_client.get(m_recorder.baseUrl()).status, 404);
        m_recorder.setRedirect(m_server->apiBaseUrl());
        const DemoReply r = m_client.get(m_recorder.baseUrl());
        QCOMPARE(r.status, 302);
        QCOMPARE(QUrl(QString::fromUtf8(r.header("Location"))), m_server->apiBaseUrl());
    }

    void recordingOriginFaults()
    {
        const DemoSession *ready = nullptr;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.recordingStatus == DemoRecordingStatus::Ready) {
                ready = &s;
                break;
            }
        }
        QVERIFY(ready);
        const QUrl url = m_server->presignedRecordingUrl(ready->sessionId);
        QVERIFY(m_server->faults().addSpec(u"re:^/recordings/=status:503@1"_s));
        QCOMPARE(m_client.get(url).status, 503);
        QCOMPARE(m_client.get(url).status, 200);
        m_server->faults().add(Kind::Truncate, u"/recordings/"_s);
        QVERIFY(m_client.get(url, {{"Range", "bytes=0-99999"}}).error != QNetworkReply::NoError);
    }
};

QTEST_GUILESS_MAIN(TestDemoFaultInjector)
#include "tst_demofaultinjector.moc"
