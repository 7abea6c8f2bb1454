// The API origin against a real QNetworkAccessManager on loopback: determinism, filters,
// paging rules, exact totals, scoping, authentication, details and connection reuse.

#include "demo/demoserver.h"
#include "tests/demo/demotestclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime Now(QDate(2026, 5, 28), QTime(14, 23, 48), Qt::UTC);

/// "12.345678" -> 12345678, exactly; -1 when the text is not a 6-place decimal.
qint64 micros(const QString &text)
{
    static const QRegularExpression re(u"^(\\d+)\\.(\\d{6})$"_s);
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() * 1000000 + m.captured(2).toLongLong() : -1;
}

} // namespace

class TestDemoServer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    DemoTestClient m_client;
    QDateTime m_clock = Now;

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    Headers staff() const { return {{"X-API-Key", m_server->staffApiKey().toLatin1()}}; }
    Headers owner() const { return {{"X-API-Key", m_server->ownerApiKey().toLatin1()}}; }
    QUrl usage(const QList<std::pair<QString, QString>> &items = {}) const
    {
        return usageUrl(m_server->apiBaseUrl(), items);
    }
    QUrl api(const QString &path) const
    {
        QUrl url = m_server->apiBaseUrl();
        url.setPath(path);
        return url;
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoOptions options;
        options.sessions = 3000;
        options.seed = 11;
        options.now = Now;
        options.clock = [this] {
            return m_clock;
        }; // lets tests age tokens
        m_server = std::make_unique<DemoServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY(m_server->apiBaseUrl().port() != m_server->recordingBaseUrl().port());
    }

    void init() { m_clock = Now; }

    void sameSeedSameBytes()
    {
        DemoOptions options;
        options.sessions = 1500;
        options.seed = 5;
        options.now = Now;
        options.clock = [] {
            return Now.addSecs(3600);
        };
        DemoServer a(options), b(options);
        QVERIFY(a.start());
        QVERIFY(b.start());
        // The origins differ only by port; everything else must be byte-identical.
        auto normalised = [](const DemoServer &s, QByteArray body) {
            return body.replace(s.apiBaseUrl().toString().toUtf8(), "API")
                .replace(s.recordingBaseUrl().toString().toUtf8(), "REC");
        };
        for (const QString &page : {u"1"_s, u"3"_s}) {
            const QList<std::pair<QString, QString>> items{{u"page"_s, page}};
            const Headers ha{{"X-API-Key", a.staffApiKey().toLatin1()}};
            const Headers hb{{"X-API-Key", b.staffApiKey().toLatin1()}};
            const DemoReply first = m_client.get(usageUrl(a.apiBaseUrl(), items), ha);
            const DemoReply second = m_client.get(usageUrl(b.apiBaseUrl(), items), hb);
            const DemoReply cached = m_client.get(usageUrl(a.apiBaseUrl(), items), ha);
            QCOMPARE(first.status, 200);
            QVERIFY(first.body.size() > 10000);
            QCOMPARE(normalised(a, first.body), normalised(b, second.body));
            QCOMPARE(cached.body, first.body);
        }
    }

    void pageShape()
    {
        const DemoReply r = m_client.get(usage(), staff());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), "application/json");
        const QJsonObject root = r.json();
        QCOMPARE(root.value(u"success"_s), true);
        QVERIFY(root.value(u"errors"_s).isNull());
        const QJsonObject data = r.data();
        QCOMPARE(data.value(u"total_sessions"_s).toInt(), 3000);
        QVERIFY(micros(data.value(u"total_estimated_cost_usd"_s).toString()) > 0);
        QVERIFY(data.value(u"total_stt_audio_seconds"_s).isDouble());
        const QJsonObject sessions = data.value(u"sessions"_s).toObject();
        const QJsonArray rows = sessions.value(u"data"_s).toArray();
        QCOMPARE(rows.size(), 50);
        const QJsonObject pagination = sessions.value(u"pagination"_s).toObject();
        QCOMPARE(pagination.value(u"count"_s).toInt(), 3000);
        QVERIFY(pagination.value(u"previous"_s).isNull());
        const QUrl next(pagination.value(u"next"_s).toString());
        QCOMPARE(next.adjusted(QUrl::RemovePath | QUrl::RemoveQuery), m_server->apiBaseUrl());
        QCOMPARE(QUrlQuery(next).queryItemValue(u"page"_s), u"2"_s);
        for (const QJsonValue &v : rows) {
            const QJsonObject s = v.toObject();
            QVERIFY(micros(s.value(u"estimated_cost_usd"_s).toString()) > 0);
            const QString status = s.value(u"recording_status"_s).toString();
            QCOMPARE(s.value(u"recording_presigned_url"_s).isString(), status == u"READY"_s);
            QVERIFY(s.value(u"transcript"_s).isArray());
            // A field newer than the client, for exports to keep; timestamps with milliseconds.
            const double score = s.value(u"sentiment_score"_s).toDouble(2);
            QVERIFY(score >= -1 && score <= 1);
            static const QRegularExpression millis(u"T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
            QVERIFY(millis.match(s.value(u"created_at"_s).toString()).hasMatch());
        }
        // Numbers as the platform writes them: two decimals, trailing zeros included.
        static const QRegularExpression score(u"\"sentiment_score\":-?[01]\\.[0-9]{2}[,}]"_s);
        int spelled = 0;
        for (auto it = score.globalMatch(QString::fromUtf8(r.body)); it.hasNext(); it.next())
            ++spelled;
        QCOMPARE(spelled, int(rows.size()));
        QVERIFY(rows.first().toObject().value(u"finalized_at"_s).isNull()); // in progress
    }

    void pagingRules_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorField");
        QTest::newRow("page 0") << u"page"_s << u"0"_s << 400 << u"page"_s;
        QTest::newRow("page -1") << u"page"_s << u"-1"_s << 400 << u"page"_s;
        QTest::newRow("page text") << u"page"_s << u"abc"_s << 400 << u"page"_s;
        QTest::newRow("page decimal") << u"page"_s << u"1.5"_s << 400 << u"page"_s;
        QTest::newRow("page_size 0") << u"page_size"_s << u"0"_s << 400 << u"page_size"_s;
        QTest::newRow("past last") << u"page"_s << u"61"_s << 404 << u""_s;
        QTest::newRow("last") << u"page"_s << u"60"_s << 200 << u""_s;
        QTest::newRow("bad start") << u"start"_s << u"yesterday"_s << 400 << u"start"_s;
        QTest::newRow("bad end") << u"end"_s << u"2026-13-40T00:00:00Z"_s << 400 << u"end"_s;
        QTest::newRow("Z start") << u"start"_s << u"2026-05-01T00:00:00Z"_s << 200 << u""_s;
        QTest::newRow("offset start")
            << u"start"_s << u"2026-05-01T02:00:00+02:00"_s << 200 << u""_s;
        QTest::newRow("fraction") << u"end"_s << u"2026-05-01T00:00:00.250Z"_s << 200 << u""_s;
    }

    void pagingRules()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, status);
        QFETCH(QString, errorField);
        const DemoReply r = m_client.get(usage({{key, value}}), staff());
        QCOMPARE(r.status, status);
        const QJsonObject root = r.json();
        QCOMPARE(root.value(u"success"_s).toBool(), status == 200);
        if (status == 404)
            QCOMPARE(root.value(u"message"_s).toString(), u"Invalid page."_s);
        if (!errorField.isEmpty()) {
            const QJsonArray messages =
                root.value(u"errors"_s).toObject().value(errorField).toArray();
            QVERIFY(!messages.isEmpty());
            QVERIFY(!messages.first().toString().isEmpty());
        }
    }

    void pageSizeClamped()
    {
        const DemoReply r = m_client.get(usage({{u"page_size"_s, u"500"_s}}), staff());
        QCOMPARE(r.status, 200);
        const QJsonObject sessions = r.data().value(u"sessions"_s).toObject();
        QCOMPARE(sessions.value(u"data"_s).toArray().size(), 200);
        QCOMPARE(
            QUrlQuery(QUrl(sessions.value(u"pagination"_s).toObject().value(u"next"_s).toString()))
                .queryItemValue(u"page_size"_s),
            u"200"_s);
    }

    void emptyFirstPageIs200()
    {
        const DemoReply r = m_client.get(usage({{u"start"_s, u"2030-01-01T00:00:00Z"_s}}), staff());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"total_sessions"_s).toInt(), 0);
        QCOMPARE(r.data().value(u"total_estimated_cost_usd"_s).toString(), u"0.000000"_s);
        QVERIFY(r.data().value(u"sessions"_s).toObject().value(u"data"_s).toArray().isEmpty());
        QCOMPARE(
            m_client
                .get(usage({{u"start"_s, u"2030-01-01T00:00:00Z"_s}, {u"page"_s, u"2"_s}}), staff())
                .status,
            404);
    }

    void totalsEqualSumOfPages()
    {
        const QString slug = u"support-bot"_s;
        qint64 expectedCost = 0, expectedTokens = 0;
        int expectedCount = 0;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.characterSlug == slug) {
                expectedCost += s.costMicros;
                expectedTokens += s.llmInputTokens;
                ++expectedCount;
            }
        }
        QUrl url = usage({{u"character_slug"_s, slug}, {u"page_size"_s, u"200"_s}});
        qint64 pagesCost = 0;
        QStringList seen;
        QString previousKey;
        int pages = 0;
        while (url.isValid()) {
            const DemoReply r = m_client.get(url, staff());
            QCOMPARE(r.status, 200);
            const QJsonObject data = r.data();
            QCOMPARE(micros(data.value(u"total_estimated_cost_usd"_s).toString()), expectedCost);
            QCOMPARE(qint64(data.value(u"total_llm_input_tokens"_s).toDouble()), expectedTokens);
            const QJsonObject sessions = data.value(u"sessions"_s).toObject();
            for (const QJsonValue &v : sessions.value(u"data"_s).toArray()) {
                const QJsonObject s = v.toObject();
                QCOMPARE(s.value(u"character_slug"_s).toString(), slug);
                pagesCost += micros(s.value(u"estimated_cost_usd"_s).toString());
                seen.append(s.value(u"session_id"_s).toString());
                // newest first, ties by id descending
                const QString key =
                    s.value(u"created_at"_s).toString() + u'|' +
                    QString::number(s.value(u"id"_s).toInt()).rightJustified(8, u'0');
                QVERIFY(previousKey.isEmpty() || key < previousKey);
                previousKey = key;
            }
            const QJsonValue next = sessions.value(u"pagination"_s).toObject().value(u"next"_s);
            url = next.isNull() ? QUrl() : QUrl(next.toString());
            ++pages;
        }
        QCOMPARE(pagesCost, expectedCost);
        QCOMPARE(seen.size(), expectedCount);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), expectedCount);
        QVERIFY(pages > 1);
    }

    void filters()
    {
        const auto &sessions = m_server->dataset().sessions();
        const DemoSession &pivot = sessions.at(700);
        const QString at = pivot.createdAt().toString(Qt::ISODateWithMs);
        auto expected = [&](auto &&predicate) {
            return int(std::count_if(sessions.cbegin(), sessions.cend(), predicate));
        };
        auto total = [&](const QList<std::pair<QString, QString>> &items) {
            return m_client.get(usage(items), staff()).data().value(u"total_sessions"_s).toInt();
        };
        QCOMPARE(total({{u"tenant_id"_s, u"tenant_globex"_s}}),
                 expected([](const DemoSession &s) { return s.tenantId == u"tenant_globex"_s; }));
        // start and end are inclusive
        QVERIFY(total({{u"start"_s, at}, {u"end"_s, at}}) >= 1);
        QCOMPARE(total({{u"start"_s, at}}), expected([&](const DemoSession &s) {
                     return s.createdAtMs >= pivot.createdAtMs;
                 }));
        QCOMPARE(total({{u"end"_s, at}}), expected([&](const DemoSession &s) {
                     return s.createdAtMs <= pivot.createdAtMs;
                 }));
        const QString shifted = pivot.createdAt().toOffsetFromUtc(7200).toString(Qt::ISODateWithMs);
        QCOMPARE(total({{u"start"_s, shifted}}), total({{u"start"_s, at}}));
        QCOMPARE(total({{u"character_slug"_s, u"no-such-bot"_s}}), 0);
    }

    void ownerScope()
    {
        const QStringList mine = m_server->ownerCharacterSlugs();
        QCOMPARE(mine.size(), 3);
        const DemoReply chars = m_client.get(api(u"/api/ai-characters/"_s), owner());
        QCOMPARE(chars.status, 200);
        QStringList listed;
        for (const QJsonValue &v : chars.json().value(u"data"_s).toArray())
            listed.append(v.toObject().value(u"slug"_s).toString());
        QCOMPARE(listed, mine);
        QCOMPARE(m_client.get(api(u"/api/ai-characters/"_s), staff())
                     .json()
                     .value(u"data"_s)
                     .toArray()
                     .size(),
                 8);

        qint64 cost = 0;
        int count = 0;
        const DemoSession *foreign = nullptr;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (mine.contains(s.characterSlug)) {
                cost += s.costMicros;
                ++count;
            } else if (!foreign) {
                foreign = &s;
            }
        }
        const DemoReply r = m_client.get(usage(), owner());
        QCOMPARE(r.data().value(u"total_sessions"_s).toInt(), count);
        QCOMPARE(micros(r.data().value(u"total_estimated_cost_usd"_s).toString()), cost);

        const DemoReply other =
            m_client.get(usage({{u"character_slug"_s, foreign->characterSlug}}), owner());
        QCOMPARE(other.status, 200);
        QCOMPARE(other.data().value(u"total_sessions"_s).toInt(), 0);
        QCOMPARE(other.data().value(u"total_estimated_cost_usd"_s).toString(), u"0.000000"_s);

        const QString path = u"/api/billing/sessions/%1/"_s.arg(foreign->sessionId);
        QCOMPARE(m_client.get(api(path), owner()).status, 404);
        QCOMPARE(m_client.get(api(path), staff()).status, 200);
    }

    void unauthorized_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("none") << QByteArray() << QByteArray();
        QTest::newRow("wrong key") << QByteArray("X-API-Key") << QByteArray("sk_0000");
        QTest::newRow("inactive key") << QByteArray("X-API-Key") << QByteArray("INACTIVE");
        QTest::newRow("garbage bearer")
            << QByteArray("Authorization") << QByteArray("Bearer abc.def.ghi");
        QTest::newRow("basic") << QByteArray("Authorization") << QByteArray("Basic dXNlcjpwYXNz");
    }

    void unauthorized()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        if (value == "INACTIVE")
            value = m_server->inactiveApiKey().toLatin1();
        Headers headers;
        if (!header.isEmpty())
            headers.append({header, value});
        for (const QString &path : {u"/api/billing/usage/"_s, u"/api/ai-characters/"_s}) {
            const DemoReply r = m_client.get(api(path), headers);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json().value(u"success"_s).toBool(true), false);
            QVERIFY(!r.json().value(u"message"_s).toString().isEmpty());
        }
    }

    void loginAndRefresh()
    {
        const DemoReply bad =
            m_client.postJson(api(u"/api/auth/login/"_s),
                              {{u"email"_s, m_server->ownerEmail()}, {u"password"_s, u"nope"_s}});
        QCOMPARE(bad.status, 401);
        const DemoReply ok =
            m_client.postJson(api(u"/api/auth/login/"_s), {{u"email"_s, m_server->ownerEmail()},
                                                           {u"password"_s, m_server->password()}});
        QCOMPARE(ok.status, 200);
        const QByteArray access = ok.json().value(u"access"_s).toString().toLatin1();
        const QByteArray refresh = ok.json().value(u"refresh"_s).toString().toLatin1();
        QCOMPARE(access.count('.'), 2);
        QCOMPARE(refresh.count('.'), 2);
        const Headers bearer{{"Authorization", "Bearer " + access}};
        const DemoReply mine = m_client.get(usage({{u"page_size"_s, u"1"_s}}), bearer);
        QCOMPARE(mine.status, 200);
        const int ownerCount = mine.data().value(u"total_sessions"_s).toInt();
        QVERIFY(ownerCount > 0 && ownerCount < 3000);

        // A valid key wins over a token of someone else.
        const DemoReply staffLogin =
            m_client.postJson(api(u"/api/auth/login/"_s), {{u"email"_s, m_server->staffEmail()},
                                                           {u"password"_s, m_server->password()}});
        const QByteArray staffAccess = staffLogin.json().value(u"access"_s).toString().toLatin1();
        Headers both = owner();
        both.append({"Authorization", "Bearer " + staffAccess});
        QCOMPARE(m_client.get(usage(), both).data().value(u"total_sessions"_s).toInt(), ownerCount);

        // An access token is not a refresh token.
        QCOMPARE(m_client
                     .postJson(api(u"/api/auth/refresh/"_s),
                               {{u"refresh"_s, QString::fromLatin1(access)}})
                     .status,
                 401);

        // Eleven days later the access token has expired; the refresh token still works.
        m_clock = Now.addDays(11);
        const DemoReply expired = m_client.get(usage(), bearer);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json().value(u"message"_s).toString(), u"Token is expired"_s);
        const DemoReply refreshed = m_client.postJson(
            api(u"/api/auth/refresh/"_s), {{u"refresh"_s, QString::fromLatin1(refresh)}});
        QCOMPARE(refreshed.status, 200);
        const QByteArray fresh = refreshed.json().value(u"access"_s).toString().toLatin1();
        QCOMPARE(m_client.get(usage(), {{"Authorization", "Bearer " + fresh}}).status, 200);
        m_clock = Now.addDays(31);
        QCOMPARE(m_client
                     .postJson(api(u"/api/auth/refresh/"_s),
                               {{u"refresh"_s, QString::fromLatin1(refresh)}})
                     .status,
                 401);
    }

    void detail()
    {
        const DemoDataset &d = m_server->dataset();
        const DemoSession &s = d.sessions().at(42);
        const DemoReply r =
            m_client.get(api(u"/api/billing/sessions/%1/"_s.arg(s.sessionId)), staff());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"session_id"_s).toString(), s.sessionId);
        QCOMPARE(r.data().value(u"turn_count"_s).toInt(), s.turnCount);
        QCOMPARE(m_client.get(api(u"/api/billing/sessions/sess_missing/"_s), staff()).status, 404);

        // An id with a space and a plus, sent percent-encoded.
        const DemoSession &odd = d.sessions().at(d.indexOfQuirk(DemoQuirk::OddSessionId));
        QUrl url = m_server->apiBaseUrl();
        url.setPath(u"/api/billing/sessions/"_s +
                        QString::fromLatin1(QUrl::toPercentEncoding(odd.sessionId)) + u'/',
                    QUrl::StrictMode);
        const DemoReply oddReply = m_client.get(url, owner());
        QCOMPARE(oddReply.status, 200);
        QCOMPARE(oddReply.data().value(u"session_id"_s).toString(), odd.sessionId);
    }

    void awkwardContentRoundTrips()
    {
        const DemoDataset &d = m_server->dataset();
        const DemoReply r = m_client.get(usage(), owner());
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &v : doc.object()
                                       .value(u"data"_s)
                                       .toObject()
                                       .value(u"sessions"_s)
                                       .toObject()
                                       .value(u"data"_s)
                                       .toArray())
            byId.insert(v.toObject().value(u"session_id"_s).toString(), v.toObject());
        for (DemoQuirk q :
             {DemoQuirk::Unicode, DemoQuirk::Emoji, DemoQuirk::Html, DemoQuirk::Markdown,
              DemoQuirk::EmptyTurns, DemoQuirk::LongTranscript}) {
            const DemoSession &s = d.sessions().at(d.indexOfQuirk(q));
            QVERIFY(byId.contains(s.sessionId));
            const QJsonObject o = byId.value(s.sessionId);
            QCOMPARE(o.value(u"transcript_text"_s).toString(),
                     DemoDataset::transcriptText(d.transcript(s)));
            QCOMPARE(o.value(u"transcript"_s).toArray().size(), s.turnCount);
        }
    }

    void keepAliveReusesConnection()
    {
        m_server->clearRequestLog();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_client.get(usage({{u"page_size"_s, u"1"_s}}), staff()).status, 200);
        const auto log = m_server->requestLog();
        QCOMPARE(log.size(), 5);
        for (const RecordedRequest &r : log) {
            QCOMPARE(r.origin, u"api"_s);
            QCOMPARE(r.peerPort, log.first().peerPort);
            QCOMPARE(r.header("x-api-key"), m_server->staffApiKey().toLatin1());
        }
    }

    void pageServeTime()
    {
        // Informational only: the first pass renders, the second is served from the cache.
        for (const char *pass : {"render", "cached"}) {
            QElapsedTimer timer;
            timer.start();
            for (int page = 1; page <= 20; ++page)
                QCOMPARE(m_client.get(usage({{u"page"_s, QString::number(page)}}), staff()).status,
                         200);
            qDebug("%s: %.2f ms per 50-row page over loopback", pass, timer.elapsed() / 20.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
