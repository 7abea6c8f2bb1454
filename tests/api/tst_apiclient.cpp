#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "demo/demoserver.h"
#include "demo/headerrecorder.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace {
using TestSupport::await;
using TestSupport::WaitMs;
const QDateTime ReferenceNow = TestSupport::referenceNow();

bool inRange(const DemoSession &s, const UtcRange &range)
{
    const qint64 micros = s.createdAtMs * 1000;
    return (!range.startMicros || micros >= *range.startMicros) &&
           (!range.endMicros || micros <= *range.endMicros);
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_client;

    Result<UsagePage> fetch(const UsageQuery &query)
    {
        return await<UsagePage>([&](auto done) { m_client->fetchUsage(query, this, done); });
    }

    /// Every page of a query, one after another, as the simplest client would walk them.
    QList<SessionSummary> fetchAll(UsageQuery query, UsageTotals *totals = nullptr)
    {
        QList<SessionSummary> all;
        query.pageSize = 200;
        for (int page = 1;; ++page) {
            const auto result = fetch(query.atPage(page));
            if (!result) {
                if (result.error().kind != ApiError::Kind::NotFound)
                    qWarning() << result.error().message;
                break;
            }
            if (totals && page == 1)
                *totals = result.value().totals;
            all += result.value().sessions;
            if (result.value().next.isEmpty())
                break;
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = TestSupport::startDemo(1500, 7, &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void init()
    {
        m_client = TestSupport::freshStaffClient(m_network, *m_server);
        m_client->setRetryPolicy({4, 20, 200, 5});
    }

    void pagingCoversEverySessionOnceAndTotalsAreExact()
    {
        UsageTotals serverTotals;
        const QList<SessionSummary> all = fetchAll({}, &serverTotals);
        QCOMPARE(all.size(), m_server->dataset().sessions().size());
        QSet<QString> ids;
        UsageTotals sum;
        for (const SessionSummary &s : all) {
            ids.insert(s.sessionId);
            sum.add(s);
        }
        QCOMPARE(ids.size(), all.size());
        QCOMPARE(serverTotals.sessions, qint64(all.size()));
        QCOMPARE(sum.estimatedCost, serverTotals.estimatedCost); // to the micro-dollar
        QCOMPARE(sum.llmInputTokens, serverTotals.llmInputTokens);
        QCOMPARE(sum.llmOutputTokens, serverTotals.llmOutputTokens);
        QCOMPARE(sum.ttsCharacters, serverTotals.ttsCharacters);
        QVERIFY(qAbs(sum.sttAudioSeconds - serverTotals.sttAudioSeconds) <
                1e-6 * serverTotals.sttAudioSeconds + 1e-6);
        // Newest first, ties by id descending.
        for (qsizetype i = 1; i < all.size(); ++i) {
            const auto &a = all[i - 1], &b = all[i];
            QVERIFY(a.createdAt > b.createdAt || (a.createdAt == b.createdAt && a.id > b.id));
        }
    }

    void filters_data()
    {
        QTest::addColumn<QString>("character");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("firstDay"); // days before the reference date; -1 = open
        QTest::addColumn<int>("lastDay");
        QTest::newRow("character") << QString() << QString() << -1 << -1;
        QTest::newRow("tenant") << QString() << QStringLiteral("*") << -1 << -1;
        QTest::newRow("one day") << QString() << QString() << 3 << 3;
        QTest::newRow("week and character") << QStringLiteral("*") << QString() << 10 << 4;
        QTest::newRow("start only") << QString() << QString() << 5 << -1;
        QTest::newRow("end only") << QString() << QString() << -1 << 100;
    }
    void filters()
    {
        QFETCH(QString, character);
        QFETCH(QString, tenant);
        QFETCH(int, firstDay);
        QFETCH(int, lastDay);
        const auto &sessions = m_server->dataset().sessions();
        UsageQuery query;
        // "*" and the first row pick a real value from the dataset.
        if (!character.isNull() || QTest::currentDataTag() == QByteArray("character"))
            query.characterSlug = sessions.at(11).characterSlug;
        if (!tenant.isNull())
            query.tenantId = sessions.at(5).tenantId;
        const QDate today = ReferenceNow.date();
        query.range =
            UtcRange::forDays(firstDay >= 0 ? today.addDays(-firstDay) : QDate(),
                              lastDay >= 0 ? today.addDays(-lastDay) : QDate(), QTimeZone::utc());
        qint64 expectedCount = 0;
        Money expectedCost;
        for (const DemoSession &s : sessions) {
            if ((query.characterSlug.isEmpty() || s.characterSlug == query.characterSlug) &&
                (query.tenantId.isEmpty() || s.tenantId == query.tenantId) &&
                inRange(s, query.range)) {
                ++expectedCount;
                expectedCost += Money::fromMicros(s.costMicros);
            }
        }
        QVERIFY(expectedCount > 0);
        UsageTotals totals;
        const QList<SessionSummary> got = fetchAll(query, &totals);
        QCOMPARE(qint64(got.size()), expectedCount);
        QCOMPARE(totals.sessions, expectedCount);
        QCOMPARE(totals.estimatedCost, expectedCost);
        for (const SessionSummary &s : got) {
            if (!query.characterSlug.isEmpty())
                QCOMPARE(s.characterSlug, query.characterSlug);
            if (!query.tenantId.isEmpty())
                QCOMPARE(s.tenantId, query.tenantId);
        }
    }

    void boundsAreInclusiveToTheMicrosecond()
    {
        const DemoSession &s = m_server->dataset().sessions().at(40);
        const qint64 at = s.createdAtMs * 1000;
        const auto countIn = [&](qint64 start, qint64 end) {
            UsageQuery query;
            query.range.startMicros = start;
            query.range.endMicros = end;
            const auto r = fetch(query);
            if (!r)
                return qint64(-1);
            qint64 n = 0;
            for (const SessionSummary &x : r.value().sessions)
                n += x.sessionId == s.sessionId;
            return n;
        };
        QCOMPARE(countIn(at, at), 1);
        QCOMPARE(countIn(at - 1000000, at - 1), 0); // ends one microsecond before it
        QCOMPARE(countIn(at + 1, at + 1000000), 0);
    }

    void ownerSeesOnlyItsCharacters()
    {
        m_client->setCredentials({m_server->ownerApiKey(), {}});
        const QStringList mine = m_server->ownerCharacterSlugs();
        QVERIFY(!mine.isEmpty());
        const QList<SessionSummary> all = fetchAll({});
        QVERIFY(!all.isEmpty());
        for (const SessionSummary &s : all)
            QVERIFY2(mine.contains(s.characterSlug), qPrintable(s.characterSlug));
        // A character the owner does not own: an empty 200 with zero totals, not a 403.
        QString foreign;
        for (const DemoCharacter &c : m_server->dataset().characters()) {
            if (!mine.contains(c.slug))
                foreign = c.slug;
        }
        QVERIFY(!foreign.isEmpty());
        UsageQuery query;
        query.characterSlug = foreign;
        const auto result = fetch(query);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().count, 0);
        QCOMPARE(result.value().totals, UsageTotals());
        QVERIFY(result.value().sessions.isEmpty());
    }

    void badParametersAre400WithTheServersMessage()
    {
        UsageQuery query;
        query.pageSize = 0;
        auto result = fetch(query);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::BadRequest);
        QCOMPARE(result.error().httpStatus, 400);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(result.error().fieldErrors.contains(QStringLiteral("page_size")));
        query = UsageQuery();
        query.page = 0;
        result = fetch(query);
        QCOMPARE(result.error().kind, ApiError::Kind::BadRequest);
    }

    void pageSizeAboveTheMaximumIsClamped()
    {
        UsageQuery query;
        query.pageSize = 500;
        const auto result = fetch(query);
        QVERIFY(result.ok());
        QCOMPARE(result.value().sessions.size(), 200);
    }

    void unauthorized_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("wrong key") << QStringLiteral("sk_0000");
        QTest::newRow("inactive key") << QStringLiteral("inactive");
        QTest::newRow("no credentials") << QString();
    }
    void unauthorized()
    {
        QFETCH(QString, key);
        m_client->setCredentials({key == u"inactive" ? m_server->inactiveApiKey() : key, {}});
        QSignalSpy spy(m_client.get(), &ApiClient::unauthorized);
        const auto result = fetch({});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(spy.size(), 1);
    }

    void notFound()
    {
        const auto missing = await<SessionSummary>([&](auto done) {
            m_client->fetchSession(QStringLiteral("sess_does/not exist"), this, done);
        });
        QCOMPARE(missing.error().kind, ApiError::Kind::NotFound);
        UsageQuery query;
        query.page = 10000;
        const auto past = fetch(query);
        QCOMPARE(past.error().kind, ApiError::Kind::NotFound);
        QCOMPARE(past.error().message, QStringLiteral("Invalid page."));
    }

    void detailMatchesTheList()
    {
        UsageQuery query;
        query.pageSize = 5;
        const auto page = fetch(query);
        QVERIFY(page.ok());
        const SessionSummary &listed = page.value().sessions.at(2);
        const auto detail = await<SessionSummary>(
            [&](auto done) { m_client->fetchSession(listed.sessionId, this, done); });
        QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
        QCOMPARE(detail.value().sessionId, listed.sessionId);
        QCOMPARE(detail.value().estimatedCost, listed.estimatedCost);
        QCOMPARE(detail.value().transcript, listed.transcript);
    }

    void loginRefreshAndBearer()
    {
        const auto tokens = await<AuthTokens>([&](auto done) {
            m_client->login(m_server->ownerEmail(), m_server->password(), this, done);
        });
        QVERIFY2(tokens.ok(), qPrintable(tokens.ok() ? QString() : tokens.error().message));
        m_client->setCredentials({{}, tokens.value().access});
        QVERIFY(fetch({}).ok());
        const auto refreshed = await<AuthTokens>(
            [&](auto done) { m_client->refreshToken(tokens.value().refresh, this, done); });
        QVERIFY(refreshed.ok());
        QVERIFY(!refreshed.value().access.isEmpty());
        const auto wrong = await<AuthTokens>([&](auto done) {
            m_client->login(m_server->ownerEmail(), QStringLiteral("wrong"), this, done);
        });
        QCOMPARE(wrong.error().kind, ApiError::Kind::Unauthorized);
        const auto characters =
            await<QList<CharacterInfo>>([&](auto done) { m_client->fetchCharacters(this, done); });
        QVERIFY(characters.ok());
        QCOMPARE(characters.value().size(), m_server->ownerCharacterSlugs().size());
    }

    void credentialsNeverLeaveTheApiOrigin()
    {
        HeaderRecorder recorder;
        QVERIFY(recorder.start());
        const QUrl foreign =
            recorder.baseUrl().resolved(QUrl(QStringLiteral("/api/billing/usage/?page=2")));
        // A redirect to another origin is not followed at all.
        m_server->faults().add(FaultInjector::Kind::Redirect, QStringLiteral("/api/billing/usage/"),
                               foreign.toString(), 1);
        const auto redirected = fetch({});
        QCOMPARE(redirected.error().kind, ApiError::Kind::UnsafeRedirect);
        QVERIFY(!redirected.error().message.contains(QStringLiteral("page=2")));
        // A `next` link to another origin is never followed: the collector builds its own URLs.
        m_server->faults().add(FaultInjector::Kind::ForeignNext,
                               QStringLiteral("/api/billing/usage/"), foreign.toString());
        UsageCollector collector(m_client.get());
        QSignalSpy finished(&collector, &UsageCollector::finished);
        UsageQuery query;
        query.pageSize = 200;
        collector.start(query);
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(finished.first().first().value<CollectionSummary>().delivered,
                 qint64(m_server->dataset().sessions().size()));
        QCOMPARE(recorder.requests().size(), 0);
    }

    void redirectWithinTheOriginKeepsCredentials()
    {
        QUrl target = m_client->endpoint(QStringLiteral("/api/billing/usage/"),
                                         QStringLiteral("page=1&page_size=3"));
        m_server->faults().add(FaultInjector::Kind::Redirect, QStringLiteral("page_size=2"),
                               target.toString(), 1);
        UsageQuery query;
        query.pageSize = 2;
        const auto result = fetch(query);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().sessions.size(), 3);
    }

    void transientErrorsAreRetried_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("arg");
        QTest::newRow("503") << int(FaultInjector::Kind::Status) << QStringLiteral("503");
        QTest::newRow("502 html") << int(FaultInjector::Kind::HtmlError) << QStringLiteral("502");
        QTest::newRow("429 no header") << int(FaultInjector::Kind::Throttle) << QString();
        QTest::newRow("reset") << int(FaultInjector::Kind::Reset) << QString();
        QTest::newRow("reset after headers")
            << int(FaultInjector::Kind::ResetAfterHeaders) << QString();
        QTest::newRow("truncated") << int(FaultInjector::Kind::Truncate) << QString();
    }
    void transientErrorsAreRetried()
    {
        QFETCH(int, kind);
        QFETCH(QString, arg);
        m_server->faults().add(FaultInjector::Kind(kind), QStringLiteral("/api/billing/usage/"),
                               arg, 2);
        const auto result = fetch({});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value().sessions.size(), 50);
        int attempts = 0;
        for (const RecordedRequest &r : m_server->requestLog())
            attempts += r.url.path() == u"/api/billing/usage/";
        QCOMPARE(attempts, 3);
    }

    void retryAfterIsHonoured()
    {
        m_server->faults().add(FaultInjector::Kind::Throttle, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("1"), 1);
        QElapsedTimer timer;
        timer.start();
        const auto result = fetch({});
        QVERIFY(result.ok());
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    }

    void givesUpAfterBoundedAttempts()
    {
        m_server->faults().add(FaultInjector::Kind::Status, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("503"));
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::ServerError);
        QVERIFY2(result.error().message.contains(QStringLiteral("4 attempts")),
                 qPrintable(result.error().message));
        // A Retry-After beyond what we are willing to wait is reported, not waited for.
        m_server->faults().clear();
        m_server->faults().add(FaultInjector::Kind::Throttle, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("3600"));
        const auto throttled = fetch({});
        QCOMPARE(throttled.error().kind, ApiError::Kind::Throttled);
        QCOMPARE(throttled.error().retryAfterSeconds, 3600);
    }

    void clientErrorsAreNotRetried()
    {
        UsageQuery query;
        query.pageSize = 0;
        QVERIFY(!fetch(query).ok());
        QCOMPARE(m_server->requestLog().size(), 1);
    }

    void stalledReplyTimesOut()
    {
        m_client->setTimeoutMs(700);
        m_client->setRetryPolicy({1, 10, 10, 5});
        m_server->faults().add(FaultInjector::Kind::Stall, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("20000"), 1);
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
    }

    void oversizedReplyIsRefused()
    {
        m_client->setMaxReplyBytes(1024 * 1024);
        m_server->faults().add(FaultInjector::Kind::HugePage, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("3"), 1);
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::TooLarge);
    }

    void malformedRepliesNameTheProblem()
    {
        m_server->faults().add(FaultInjector::Kind::MalformedJson,
                               QStringLiteral("/api/billing/usage/"), {}, 1);
        auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::MalformedResponse);
        m_server->faults().add(FaultInjector::Kind::WrongShape,
                               QStringLiteral("/api/billing/usage/"), {}, 1);
        result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY2(result.error().message.startsWith(QStringLiteral("sessions.data[")) ||
                     result.error().message.startsWith(QStringLiteral("total_")),
                 qPrintable(result.error().message));
    }

    void cancelEndsTheRequestOnce()
    {
        m_server->faults().add(FaultInjector::Kind::Latency, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("3000"), 1);
        int calls = 0;
        std::optional<ApiError> error;
        const auto id = m_client->fetchUsage({}, this, [&](Result<UsagePage> r) {
            ++calls;
            if (!r)
                error = r.error();
        });
        QCOMPARE(m_client->inFlightCount(), 1);
        m_client->cancel(id);
        QCOMPARE(calls, 1);
        QCOMPARE(error->kind, ApiError::Kind::Cancelled);
        QCOMPARE(m_client->inFlightCount(), 0);
        QTest::qWait(200);
        QCOMPARE(calls, 1);
    }

    void destroyedContextGetsNoCallback()
    {
        int calls = 0;
        auto *context = new QObject;
        m_client->fetchUsage({}, context, [&](Result<UsagePage>) { ++calls; });
        delete context;
        QTRY_COMPARE_WITH_TIMEOUT(m_client->inFlightCount(), 0, WaitMs);
        QCOMPARE(calls, 0);
    }

    void collectorDropsRepeatedRowsAndSaysSo()
    {
        m_server->faults().add(FaultInjector::Kind::RepeatRows, QStringLiteral("page=3&"), {}, 1);
        UsageCollector collector(m_client.get());
        QSet<QString> ids;
        qint64 rows = 0;
        const auto take = [&](const QList<SessionSummary> &s) {
            rows += s.size();
            for (const auto &x : s)
                ids.insert(x.sessionId);
        };
        connect(&collector, &UsageCollector::pageReady, this,
                [&](int, const QList<SessionSummary> &s) { take(s); });
        connect(&collector, &UsageCollector::recovered, this, take);
        QSignalSpy finished(&collector, &UsageCollector::finished);
        UsageQuery query;
        query.pageSize = 100;
        collector.start(query);
        QVERIFY(finished.wait(WaitMs));
        const auto summary = finished.first().first().value<CollectionSummary>();
        QCOMPARE(rows, qint64(ids.size()));
        QCOMPARE(summary.duplicatesDropped, 100);
        QCOMPARE(summary.delivered, qint64(ids.size()));
        QCOMPARE(summary.recoveryPasses, 1); // the rows page 3 pushed out, asked again
    }

    void collectorFetchesInParallelAndInOrder()
    {
        UsageCollector collector(m_client.get());
        collector.setMaxInFlight(4);
        QList<int> order;
        connect(&collector, &UsageCollector::pageReady, this,
                [&](int page, const QList<SessionSummary> &) { order.append(page); });
        QSignalSpy finished(&collector, &UsageCollector::finished);
        UsageQuery query;
        query.pageSize = 50;
        collector.start(query);
        QVERIFY(finished.wait(WaitMs));
        QCOMPARE(order.size(), 30);
        for (int i = 0; i < order.size(); ++i)
            QCOMPARE(order[i], i + 1);
        QCOMPARE(finished.first().first().value<CollectionSummary>().recoveryPasses, 0);
    }

    void wrongBaseUrlIsNotAnEmptyList()
    {
        QUrl wrong = m_server->apiBaseUrl();
        wrong.setPath(QStringLiteral("/wrongprefix"));
        m_client->setBaseUrl(wrong);
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::WrongUrl);
        QCOMPARE(result.error().message,
                 QStringLiteral("The server at %1 does not answer the session API here (it "
                                "answered 404): check the base URL.")
                     .arg(wrong.toString()));
        // Past the last page of the right URL it is the set that ended, not the URL.
        m_client->setBaseUrl(m_server->apiBaseUrl());
        UsageQuery past;
        past.page = 1000;
        QCOMPARE(fetch(past).error().kind, ApiError::Kind::NotFound);
    }

    void echoedCredentialsAreRedacted_data()
    {
        QTest::addColumn<QString>("arg");
        QTest::addColumn<bool>("token");
        for (const char *status : {"400", "401", "403", "429", "500", "400,detail"}) {
            QTest::newRow(qPrintable(QStringLiteral("key %1").arg(QLatin1String(status))))
                << QString::fromLatin1(status) << false;
            QTest::newRow(qPrintable(QStringLiteral("token %1").arg(QLatin1String(status))))
                << QString::fromLatin1(status) << true;
        }
    }
    void echoedCredentialsAreRedacted()
    {
        QFETCH(QString, arg);
        QFETCH(bool, token);
        // Characters that percent-encoding changes, so that both forms are looked for.
        const QString key = QStringLiteral("sk_echo/me+now=0123abcd");
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl");
        m_client->setCredentials(token ? ApiCredentials{{}, jwt} : ApiCredentials{key, {}});
        m_client->setRetryPolicy({2, 10, 20, 5});
        m_server->faults().add(FaultInjector::Kind::EchoError,
                               QStringLiteral("/api/billing/usage/"), arg);
        const auto result = fetch({});
        QVERIFY(!result.ok());
        const ApiError &error = result.error();
        QString everything = error.toDisplayString();
        for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it)
            everything += it.key() + it.value().join(QLatin1Char(' '));
        QVERIFY2(everything.contains(QStringLiteral("[redacted]")), qPrintable(everything));
        const QString secret = token ? jwt : key;
        for (const QString &leak :
             {secret, QString::fromLatin1(QUrl::toPercentEncoding(secret)),
              QStringLiteral("X-Amz-Signature="), QStringLiteral("0f1e2d3c4b5a6978")}) {
            QVERIFY2(!everything.contains(leak, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("%1 in: %2").arg(leak, everything)));
        }
    }

    void displayTextKeepsPercentSigns()
    {
        // A server's message may hold percent-encoded text; the status must not replace it.
        const ApiError error =
            ApiError::make(ApiError::Kind::BadRequest, QStringLiteral("No character a%2Fb."), 400);
        QCOMPARE(error.toDisplayString(), QStringLiteral("No character a%2Fb. (HTTP 400)"));
    }

    void deadlineEndsADrippingReply()
    {
        m_client->setDeadlineMs(2000);
        m_server->faults().add(FaultInjector::Kind::Drip, QStringLiteral("/api/billing/usage/"),
                               QStringLiteral("200"));
        QElapsedTimer clock;
        clock.start();
        const auto result = fetch({});
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
        QVERIFY2(result.error().message.contains(QStringLiteral("did not finish answering within "
                                                                "2 s")),
                 qPrintable(result.error().message));
        QVERIFY2(elapsed >= 1900 && elapsed < 10000, qPrintable(QString::number(elapsed)));
        // One slow answer is one attempt: the bytes kept coming, so the idle timeout never hit.
        QCOMPARE(m_server->requestLog().size(), 1);
    }

    void attemptCountIsTheNumberOfRequestsSent_data()
    {
        QTest::addColumn<int>("idleMs");
        QTest::addColumn<int>("deadlineMs");
        QTest::newRow("attempts run out") << 500 << 30000;
        // The third attempt starts about 2.05 s in: half a second for it to reach the server.
        QTest::newRow("deadline ends them") << 1000 << 2600;
    }
    void attemptCountIsTheNumberOfRequestsSent()
    {
        QFETCH(int, idleMs);
        QFETCH(int, deadlineMs);
        m_client->setTimeoutMs(idleMs);
        m_client->setDeadlineMs(deadlineMs);
        m_server->faults().add(FaultInjector::Kind::Silent, QStringLiteral("/api/billing/usage/"));
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
        static const QRegularExpression attempts(QStringLiteral(R"(after (\d+) attempts?\))"));
        const auto match = attempts.match(result.error().message);
        QVERIFY2(match.hasMatch(), qPrintable(result.error().message));
        QCOMPARE(match.captured(1).toInt(), m_server->requestLog().size());
    }

    void truncatedBodySaysHowMuchArrived()
    {
        m_client->setRetryPolicy({1, 10, 10, 5});
        m_server->faults().add(FaultInjector::Kind::Truncate, QStringLiteral("/api/billing/usage/"),
                               {}, 1);
        const auto result = fetch({});
        QCOMPARE(result.error().kind, ApiError::Kind::Network);
        static const QRegularExpression said(QStringLiteral(
            R"(^The server closed the connection after (\d+) of the (\d+) bytes it announced\.$)"));
        const auto match = said.match(result.error().message);
        QVERIFY2(match.hasMatch(), qPrintable(result.error().message));
        // The demo cuts the body in half of what its Content-Length announced.
        const qint64 announced = match.captured(2).toLongLong();
        QVERIFY(announced > 1000);
        QCOMPARE(match.captured(1).toLongLong(), announced / 2);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
