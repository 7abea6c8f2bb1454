// Per-character totals: the model against the demo server's answers and the dataset's exact
// sums, the bound on parallel requests, the per-filter cache, stale answers, and the roster of
// characters from its several sources.

#include "models/characterroster.h"
#include "models/charactertotalsfetcher.h"
#include "models/charactertotalsmodel.h"
#include "tests/models/analyticsfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace AnalyticsFixture;

namespace {
constexpr int Timeout = 60000;

int usageRequests(const DemoServer &server)
{
    int n = 0;
    for (const RecordedRequest &r : server.requestLog())
        n += r.url.path().startsWith(QStringLiteral("/api/billing/usage")) ? 1 : 0;
    return n;
}
} // namespace

class TestCharacterTotalsModel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;
    UtcRange m_month;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DemoServer>(options());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_month = UtcRange::forDays(Now.date().addDays(-29), Now.date(), QTimeZone::utc());
    }

    void totalsEqualServerAndDataset()
    {
        ClientStack stack(*m_server);
        CharacterTotalsFetcher fetcher(&stack.client);
        CharacterTotalsModel model(&fetcher);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFilter({}, m_month);
        const QString unknown = QStringLiteral("nobody-owns-this");
        model.addCharacters(slugs(m_server->dataset()) + QStringList{unknown});
        QCOMPARE(model.rowCount(), 9);
        QVERIFY(model.index(0, 0).data(CharacterTotalsModel::LoadingRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);

        for (const QString &slug : slugs(m_server->dataset())) {
            const auto totals = model.totals(slug);
            QVERIFY(totals);
            compareTotals(*totals, expected(m_server->dataset(), slug, m_month));
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(model.totals(unknown)->sessions, 0);
        // The characters together equal the server's total of the whole filter, to the digit.
        UsageQuery all;
        all.range = m_month;
        all.pageSize = 1;
        std::optional<UsageTotals> server;
        stack.client.fetchUsage(all, this, [&](Result<UsagePage> r) {
            if (r)
                server = r.value().totals;
        });
        QTRY_VERIFY_WITH_TIMEOUT(server.has_value(), Timeout);
        QCOMPARE(model.sum().estimatedCost, server->estimatedCost);
        QCOMPARE(model.sum().sessions, server->sessions);
        QCOMPARE(resets.size(), 0);

        const int row = model.rowOf(slugs(m_server->dataset()).first());
        const QModelIndex cost = model.index(row, CharacterTotalsModel::CostColumn);
        QCOMPARE(cost.data(CharacterTotalsModel::SortRole).toLongLong(),
                 model.totals(model.slugs().at(row))->estimatedCost.micros());
        QCOMPARE(cost.data(CharacterTotalsModel::ExactRole).toString(),
                 model.totals(model.slugs().at(row))->estimatedCost.toDecimalString());
    }

    void oneSmallRequestPerCharacterWithABound()
    {
        ClientStack stack(*m_server);
        CharacterTotalsFetcher fetcher(&stack.client);
        fetcher.setMaxInFlight(3);
        CharacterTotalsModel model(&fetcher);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_server->clearRequestLog();
        model.setFilter({}, m_month);
        model.addCharacters(slugs(m_server->dataset()));
        QVERIFY(fetcher.inFlightCount() <= 3);
        int peak = 0;
        connect(&fetcher, &CharacterTotalsFetcher::totalsReady, this,
                [&] { peak = qMax(peak, fetcher.inFlightCount()); });
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);
        QVERIFY(peak <= 3);
        QCOMPARE(usageRequests(*m_server), 8);
        for (const RecordedRequest &r : m_server->requestLog())
            QCOMPARE(QUrlQuery(r.url).queryItemValue(QStringLiteral("page_size")),
                     QStringLiteral("1"));
    }

    void cachedPerFilterAndRefreshedOnDemand()
    {
        ClientStack stack(*m_server);
        CharacterTotalsFetcher fetcher(&stack.client);
        CharacterTotalsModel model(&fetcher);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCharacters(slugs(m_server->dataset()));
        model.setFilter({}, m_month);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);
        const UtcRange week =
            UtcRange::forDays(Now.date().addDays(-6), Now.date(), QTimeZone::utc());
        model.setFilter({}, week);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);
        const QString slug = model.slugs().first();
        compareTotals(*model.totals(slug), expected(m_server->dataset(), slug, week));

        m_server->clearRequestLog();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setFilter({}, m_month);
        QCOMPARE(model.status(), CharacterTotalsModel::Status::Ready);
        QCOMPARE(usageRequests(*m_server), 0);
        QCOMPARE(changed.size(), 1); // one signal for every row
        compareTotals(*model.totals(slug), expected(m_server->dataset(), slug, m_month));

        model.refresh();
        QCOMPARE(model.status(), CharacterTotalsModel::Status::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);
        QCOMPARE(usageRequests(*m_server), 8);
    }

    void tenantFilterAndStaleAnswers()
    {
        ClientStack stack(*m_server);
        CharacterTotalsFetcher fetcher(&stack.client);
        CharacterTotalsModel model(&fetcher);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCharacters(slugs(m_server->dataset()));
        const QString tenant = m_server->dataset().tenants().first().id;
        // The first filter's answers are still on the way when the second one replaces it.
        model.setFilter({}, m_month);
        model.setFilter(tenant, m_month);
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Ready, Timeout);
        for (const QString &slug : model.slugs()) {
            const Expected e = expected(m_server->dataset(), [&](const DemoSession &s) {
                return s.characterSlug == slug && s.tenantId == tenant && inRange(s, m_month);
            });
            compareTotals(*model.totals(slug), e);
        }
    }

    void failuresAreValues()
    {
        QNetworkAccessManager network;
        ApiClient client(&network);
        client.setBaseUrl(m_server->apiBaseUrl());
        client.setCredentials({m_server->inactiveApiKey(), {}});
        CharacterTotalsFetcher fetcher(&client);
        CharacterTotalsModel model(&fetcher);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCharacters({QStringLiteral("a"), QStringLiteral("b")});
        QTRY_COMPARE_WITH_TIMEOUT(model.status(), CharacterTotalsModel::Status::Failed, Timeout);
        QVERIFY(model.lastError());
        QCOMPARE(model.lastError()->kind, ApiError::Kind::Unauthorized);
        QVERIFY(!model.index(0, 0).data(CharacterTotalsModel::ErrorRole).toString().isEmpty());
    }

    void rosterScansSessionsWhenNothingElseKnows()
    {
        ClientStack stack(*m_server);
        CharacterRoster roster(&stack.client);
        QSignalSpy finished(&roster, &CharacterRoster::discoveryFinished);
        UsageQuery range;
        range.range = m_month;
        roster.discover(range);
        QVERIFY(finished.wait(Timeout));
        QSet<QString> inRangeSlugs;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (inRange(s, m_month))
                inRangeSlugs.insert(s.characterSlug);
        }
        QStringList expectedSlugs = inRangeSlugs.values();
        expectedSlugs.sort();
        QCOMPARE(roster.slugs(), expectedSlugs);

        // Known characters make the scan unnecessary.
        CharacterRoster saved(&stack.client);
        saved.setSavedSlugs({QStringLiteral("my-bot")});
        saved.addSeenSlugs({QStringLiteral("seen-bot"), QStringLiteral("my-bot")});
        m_server->clearRequestLog();
        QSignalSpy savedFinished(&saved, &CharacterRoster::discoveryFinished);
        saved.discover(range);
        QTRY_COMPARE_WITH_TIMEOUT(savedFinished.size(), 1, Timeout);
        QCOMPARE(usageRequests(*m_server), 0);
        QCOMPARE(saved.slugs(),
                 (QStringList{QStringLiteral("my-bot"), QStringLiteral("seen-bot")}));
    }

    void rosterAsksTheServerWithAJwt()
    {
        ClientStack stack(*m_server);
        std::optional<AuthTokens> tokens;
        stack.client.login(m_server->ownerEmail(), m_server->password(), this,
                           [&](Result<AuthTokens> r) {
                               if (r)
                                   tokens = r.value();
                           });
        QTRY_VERIFY_WITH_TIMEOUT(tokens.has_value(), Timeout);
        stack.client.setCredentials({{}, tokens->access});
        CharacterRoster roster(&stack.client);
        QSignalSpy finished(&roster, &CharacterRoster::discoveryFinished);
        roster.discover({});
        QVERIFY(finished.wait(Timeout));
        QStringList owned = m_server->ownerCharacterSlugs();
        owned.sort();
        QCOMPARE(roster.slugs(), owned);
        QVERIFY(!roster.names().value(owned.first()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCharacterTotalsModel)
#include "tst_charactertotalsmodel.moc"
