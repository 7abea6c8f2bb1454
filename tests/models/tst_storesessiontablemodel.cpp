#include "models/sessiontablemodel.h"
#include "models/storesessiontablemodel.h"
#include "store/reviewstore.h"
#include "store/storefilter.h"
#include "store/storereader.h"
#include "tests/models/storefixture.h"
#include "tests/support/postgresprocess.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSqlError>

#include <algorithm>
#include <functional>

using Col = SessionColumns::Column;

namespace {
constexpr int Timeout = 60000;
constexpr int Sessions = 3000;

/// Every row of the model, read window by window as a view scrolling down would; `check`
/// runs after each window arrives.
QList<SessionSummary> readAll(StoreSessionTableModel &model,
                              const std::function<void()> &check = {})
{
    QList<SessionSummary> rows;
    for (int first = 0; first < model.rowCount(); first += StoreSessionTableModel::WindowSize) {
        model.data(model.index(first, 0)); // what a view painting the row does
        const bool loaded = QTest::qWaitFor([&] { return model.isRowLoaded(first); }, Timeout);
        if (!loaded)
            return {};
        const int last = qMin(model.rowCount(), first + StoreSessionTableModel::WindowSize);
        for (int row = first; row < last; ++row) {
            if (!model.isRowLoaded(row))
                return {};
            rows.append(*model.session(row));
        }
        if (check)
            check();
    }
    return rows;
}

/// The roles a session table answers with a plain value (not the whole session), the same in
/// the live and the stored table.
QList<int> valueRoles()
{
    return {Qt::DisplayRole,           Qt::TextAlignmentRole,        Qt::AccessibleTextRole,
            Qt::ToolTipRole,           SessionColumns::SortRole,     SessionColumns::LoadingRole,
            SessionColumns::ErrorRole, SessionColumns::SessionIdRole};
}

QSet<QString> idsOf(const QList<SessionSummary> &rows)
{
    QSet<QString> ids;
    for (const SessionSummary &s : rows)
        ids.insert(s.sessionId);
    return ids;
}
} // namespace

class TestStoreSessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void totalsAreTheServersToTheMicroDollar();
    void totalsOfTheApisFilterAreStoreTotals();
    void everyColumnSortsInTheStore();
    void everySortWalksAnIndex();
    void filtersTheApiLacks_data();
    void filtersTheApiLacks();
    void memoryStaysBoundedWhileScrollingEverything();
    void staleAnswersAreDropped();
    void multiDataAnswersAsDataDoes();
    void cellsReadAsInTheLiveTable();
    void aStoreThatDoesNotOpenFailsWithItsMessage();
    void postgresqlAnswersAsSqliteDoes();

private:
    void startModel(StoreSessionTableModel &model, const StoreSessionFilter &filter = {});

    SyncedStore m_store;
    std::unique_ptr<StoreReader> m_reader;
    QList<SessionSummary> m_all; ///< every stored session, as the model reads them unfiltered
    QSet<QString> m_tagged;
    QSet<QString> m_noted;
};

void TestStoreSessionTableModel::initTestCase()
{
    QString error;
    QVERIFY2(m_store.fill(Sessions, &error), qPrintable(error));
    QCOMPARE(m_store.outcome.sessionsStored, Sessions);
    {
        // Review data, written as the CLI writes it: every 7th session tagged, every 11th noted.
        SessionStore writer;
        QVERIFY2(writer.open(m_store.location, SessionStore::Access::Writer, &error),
                 qPrintable(error));
        QSqlQuery ids(writer.database());
        QVERIFY(ids.exec(QStringLiteral("SELECT session_id FROM sessions ORDER BY session_id")));
        QStringList all;
        while (ids.next())
            all.append(ids.value(0).toString());
        ids.finish();
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (i % 7 == 0) {
                QVERIFY(
                    ReviewStore::addTags(writer, all[i], {QStringLiteral("needs-review")}, &error));
                m_tagged.insert(all[i]);
            }
            if (i % 11 == 0) {
                QVERIFY(ReviewStore::setNote(writer, all[i], QStringLiteral("call back"), &error));
                m_noted.insert(all[i]);
            }
        }
    }
    m_reader = std::make_unique<StoreReader>();
    QSignalSpy opened(m_reader.get(), &StoreReader::opened);
    m_reader->open(m_store.location);
    QVERIFY(opened.wait(Timeout));
    QVERIFY2(opened.constFirst().at(1).toBool(), qPrintable(opened.constFirst().at(2).toString()));

    StoreSessionTableModel model(m_reader.get());
    startModel(model);
    m_all = readAll(model);
    QCOMPARE(m_all.size(), Sessions);
}

void TestStoreSessionTableModel::startModel(StoreSessionTableModel &model,
                                            const StoreSessionFilter &filter)
{
    model.setFilter(filter);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), StoreSessionTableModel::Status::Ready, Timeout);
}

void TestStoreSessionTableModel::totalsAreTheServersToTheMicroDollar()
{
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    QSignalSpy totals(&model, &StoreSessionTableModel::totalsChanged);
    startModel(model);
    QCOMPARE(totals.size(), 1);
    const UsageTotals &server = m_store.outcome.summary.serverTotals;
    QCOMPARE(model.rowCount(), int(server.sessions));
    QCOMPARE(model.totals().sessions, server.sessions);
    QCOMPARE(model.totals().estimatedCost.micros(), server.estimatedCost.micros());
    QCOMPARE(model.totals().llmInputTokens, server.llmInputTokens);
    QCOMPARE(model.totals().llmOutputTokens, server.llmOutputTokens);
    QCOMPARE(model.totals().ttsCharacters, server.ttsCharacters);
    QCOMPARE(model.columnCount(), int(SessionColumns::Count));
    for (int c = 0; c < SessionColumns::Count; ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(),
                 SessionColumns::title(c));
}

void TestStoreSessionTableModel::totalsOfTheApisFilterAreStoreTotals()
{
    SessionStore direct;
    QString error;
    QVERIFY2(direct.open(m_store.location, SessionStore::Access::Reader, &error),
             qPrintable(error));
    StoreSessionFilter filter;
    filter.api.characterSlug = m_all.at(5).characterSlug;
    filter.api.range.startMicros = microsFromDateTime(m_all.at(Sessions - 100).createdAt);
    filter.api.range.endMicros = microsFromDateTime(m_all.at(100).createdAt);
    UsageTotals expected;
    QVERIFY2(StoreTotals::compute(direct, filter.api, &expected, &error), qPrintable(error));
    QVERIFY(expected.sessions > 0);
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    startModel(model, filter);
    QCOMPARE(model.totals().sessions, expected.sessions);
    QCOMPARE(model.totals().estimatedCost.micros(), expected.estimatedCost.micros());
    QCOMPARE(model.totals().sttAudioSeconds, expected.sttAudioSeconds);
    const QList<SessionSummary> rows = readAll(model);
    QCOMPARE(rows.size(), int(expected.sessions));
    for (const SessionSummary &s : rows) {
        QCOMPARE(s.characterSlug, filter.api.characterSlug);
        QVERIFY(microsFromDateTime(s.createdAt) >= *filter.api.range.startMicros);
    }
}

void TestStoreSessionTableModel::everyColumnSortsInTheStore()
{
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    startModel(model);
    for (int column = 0; column < SessionColumns::Count; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            const QList<SessionSummary> rows = readAll(model);
            QCOMPARE(rows.size(), Sessions);
            QCOMPARE(idsOf(rows).size(), Sessions); // every session exactly once
            for (qsizetype i = 1; i < rows.size(); ++i) {
                const QVariant a = SessionColumns::sortValue(rows[i - 1], column);
                const QVariant b = SessionColumns::sortValue(rows[i], column);
                const auto cmp = QVariant::compare(a, b);
                const bool inOrder = order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0;
                if (!inOrder)
                    QFAIL(qPrintable(
                        QStringLiteral("column %1 %2: row %3 (%4) before %5")
                            .arg(SessionColumns::title(column))
                            .arg(QLatin1String(order == Qt::AscendingOrder ? "up" : "down"))
                            .arg(i)
                            .arg(a.toString(), b.toString())));
            }
        }
    }
}

void TestStoreSessionTableModel::everySortWalksAnIndex()
{
    SessionStore direct;
    QString error;
    QVERIFY2(direct.open(m_store.location, SessionStore::Access::Reader, &error),
             qPrintable(error));
    for (int column = 0; column < SessionColumns::Count; ++column) {
        for (const bool descending : {false, true}) {
            StoreSessionQuery query;
            query.sortKey = StoreSessionTableModel::sortKey(column);
            query.descending = descending;
            query.offset = 1000;
            QVariantList values;
            QSqlQuery plan(direct.database());
            QVERIFY(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + query.rowsSql(&values)));
            for (const QVariant &v : std::as_const(values))
                plan.addBindValue(v);
            QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
            QString steps;
            while (plan.next())
                steps += plan.value(3).toString() + QLatin1Char('\n');
            // An index walk in the asked order (the session ID's is its primary key's); a sort
            // of the whole table would show as a temporary B-tree.
            const QString index = column == SessionColumns::SessionId
                                      ? QStringLiteral("USING INDEX sqlite_autoindex_sessions_1")
                                      : QStringLiteral("USING INDEX sessions_sort_");
            QVERIFY2(steps.contains(index) && !steps.contains(QStringLiteral("TEMP B-TREE")),
                     qPrintable(SessionColumns::title(column) + QStringLiteral(": ") + steps));
        }
    }
}

void TestStoreSessionTableModel::filtersTheApiLacks_data()
{
    QTest::addColumn<int>("which");
    for (int i = 0; i < 10; ++i)
        QTest::addRow("%d", i) << i;
}

void TestStoreSessionTableModel::filtersTheApiLacks()
{
    QFETCH(int, which);
    // Limits taken from the data, so that each filter keeps some sessions and drops others.
    QList<qint64> costs;
    QList<double> durations;
    QHash<QString, int> models;
    for (const SessionSummary &s : std::as_const(m_all)) {
        costs.append(s.estimatedCost.micros());
        durations.append(s.durationSeconds);
        ++models[s.llmModel];
    }
    std::sort(costs.begin(), costs.end());
    std::sort(durations.begin(), durations.end());
    const QString model0 = models.keys().constFirst();
    const qint64 cheap = costs[costs.size() / 4], dear = costs[costs.size() * 3 / 4];
    const double shortCall = durations[durations.size() / 3];
    const double longCall = durations[durations.size() * 2 / 3];

    StoreSessionFilter filter;
    std::function<bool(const SessionSummary &)> keeps;
    switch (which) {
    case 0:
        filter.recordingStatuses = {QStringLiteral("READY")};
        keeps = [](const SessionSummary &s) {
            return s.recordingStatus == RecordingStatus::Ready;
        };
        break;
    case 1:
        filter.inProgress = true;
        keeps = [](const SessionSummary &s) {
            return s.inProgress();
        };
        break;
    case 2:
        filter.inProgress = false;
        keeps = [](const SessionSummary &s) {
            return !s.inProgress();
        };
        break;
    case 3:
        filter.minCostMicros = cheap;
        filter.maxCostMicros = dear;
        keeps = [=](const SessionSummary &s) {
            return s.estimatedCost.micros() >= cheap && s.estimatedCost.micros() <= dear;
        };
        break;
    case 4:
        filter.minDurationSeconds = shortCall;
        filter.maxDurationSeconds = longCall;
        keeps = [=](const SessionSummary &s) {
            return s.durationSeconds >= shortCall && s.durationSeconds <= longCall;
        };
        break;
    case 5:
        filter.llmModel = model0;
        keeps = [=](const SessionSummary &s) {
            return s.llmModel == model0;
        };
        break;
    case 6:
        filter.tag = QStringLiteral("needs-review");
        keeps = [this](const SessionSummary &s) {
            return m_tagged.contains(s.sessionId);
        };
        break;
    case 7:
        filter.hasNote = true;
        keeps = [this](const SessionSummary &s) {
            return m_noted.contains(s.sessionId);
        };
        break;
    case 8:
        filter.hasNote = false;
        keeps = [this](const SessionSummary &s) {
            return !m_noted.contains(s.sessionId);
        };
        break;
    default:
        filter.tag = QStringLiteral("needs-review");
        filter.api.characterSlug = m_all.constFirst().characterSlug;
        filter.inProgress = false;
        keeps = [&](const SessionSummary &s) {
            return m_tagged.contains(s.sessionId) && s.characterSlug == filter.api.characterSlug &&
                   !s.inProgress();
        };
        break;
    }
    QSet<QString> expected;
    qint64 expectedCost = 0;
    for (const SessionSummary &s : std::as_const(m_all)) {
        if (keeps(s)) {
            expected.insert(s.sessionId);
            expectedCost += s.estimatedCost.micros();
        }
    }
    QVERIFY2(!expected.isEmpty() && expected.size() < Sessions, "the filter must choose");

    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    startModel(model, filter);
    QCOMPARE(model.rowCount(), expected.size());
    QCOMPARE(model.totals().estimatedCost.micros(), expectedCost);
    const QList<SessionSummary> rows = readAll(model);
    QCOMPARE(rows.size(), expected.size());
    QCOMPARE(idsOf(rows), expected);
}

void TestStoreSessionTableModel::memoryStaysBoundedWhileScrollingEverything()
{
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    model.setCacheBound(3);
    startModel(model);
    int most = 0;
    const QList<SessionSummary> rows =
        readAll(model, [&] { most = qMax(most, model.cachedWindowCount()); });
    QCOMPARE(rows.size(), Sessions);
    QCOMPARE(idsOf(rows).size(), Sessions);
    QCOMPARE(most, 3);
    const int earlier = 5 * StoreSessionTableModel::WindowSize;
    QVERIFY(!model.isRowLoaded(earlier)); // it went to make room
    // Scrolling back reads it again.
    model.data(model.index(earlier, 0));
    QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(earlier), Timeout);
    QCOMPARE(model.session(earlier)->sessionId, rows.at(earlier).sessionId);
    QCOMPARE(model.cachedWindowCount(), 3);
}

void TestStoreSessionTableModel::staleAnswersAreDropped()
{
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    QSignalSpy totals(&model, &StoreSessionTableModel::totalsChanged);
    StoreSessionFilter first;
    first.inProgress = true;
    StoreSessionFilter second;
    second.tag = QStringLiteral("needs-review");
    model.setFilter(first);
    model.setFilter(second);
    QTRY_COMPARE_WITH_TIMEOUT(model.status(), StoreSessionTableModel::Status::Ready, Timeout);
    // The reader answers in order: the first question's answer came and was dropped.
    QCOMPARE(totals.size(), 1);
    QCOMPARE(model.rowCount(), m_tagged.size());

    // Two sorts in a row: the first one's window, asked and answered, is not shown.
    model.data(model.index(0, 0));
    model.sort(SessionColumns::Cost, Qt::AscendingOrder);
    model.data(model.index(0, 0));
    model.sort(SessionColumns::Cost, Qt::DescendingOrder);
    const QList<SessionSummary> rows = readAll(model);
    QCOMPARE(rows.size(), m_tagged.size());
    qint64 dearest = 0;
    for (const SessionSummary &s : std::as_const(m_all)) {
        if (m_tagged.contains(s.sessionId))
            dearest = qMax(dearest, s.estimatedCost.micros());
    }
    QCOMPARE(rows.constFirst().estimatedCost.micros(), dearest);
}

void TestStoreSessionTableModel::cellsReadAsInTheLiveTable()
{
    // A session shows the same in the stored table as in the live one: each cell of each role
    // the two share, for the first page the server gives.
    SessionTableModel live(&m_store.stack->fetcher);
    QAbstractItemModelTester liveTester(&live);
    live.setQuery(UsageQuery{});
    QTRY_COMPARE_WITH_TIMEOUT(live.status(), SessionTableModel::Status::Ready, Timeout);
    QHash<QString, int> storedRow;
    for (int row = 0; row < m_all.size(); ++row)
        storedRow.insert(m_all[row].sessionId, row);
    StoreSessionTableModel stored(m_reader.get());
    QAbstractItemModelTester storedTester(&stored);
    startModel(stored);

    const QList<int> roles = valueRoles();
    int compared = 0;
    for (int row = 0; row < SessionTableModel::PageSize && live.isRowLoaded(row); ++row) {
        const QString id = live.session(row)->sessionId;
        QVERIFY2(storedRow.contains(id), qPrintable(id));
        const int other = storedRow.value(id);
        stored.index(other, 0).data(); // what a view painting the row does
        QTRY_VERIFY_WITH_TIMEOUT(stored.isRowLoaded(other), Timeout);
        for (int column = 0; column < live.columnCount(); ++column) {
            for (const int role : roles) {
                const QVariant shown = live.index(row, column).data(role);
                const QVariant kept = stored.index(other, column).data(role);
                QVERIFY2(shown == kept, qPrintable(QStringLiteral("%1, column %2, role %3: %4 / %5")
                                                       .arg(id)
                                                       .arg(column)
                                                       .arg(role)
                                                       .arg(shown.toString(), kept.toString())));
                ++compared;
            }
        }
    }
    QCOMPARE(compared, SessionTableModel::PageSize * live.columnCount() * int(roles.size()));
}

void TestStoreSessionTableModel::multiDataAnswersAsDataDoes()
{
    // What a delegate asks in one call (QStyledItemDelegate::initStyleOption's roles among them)
    // must be what it would get role by role, for a row that is read and one still loading.
    StoreSessionTableModel model(m_reader.get());
    QAbstractItemModelTester tester(&model);
    startModel(model);
    const QList<int> roles =
        valueRoles() + QList<int>{Qt::FontRole,       Qt::ForegroundRole,
                                  Qt::BackgroundRole, Qt::CheckStateRole,
                                  Qt::DecorationRole, StoreSessionTableModel::SessionRole};
    const auto compareRow = [&](int row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            QList<QModelRoleData> asked;
            for (const int role : roles)
                asked.append(QModelRoleData(role));
            model.multiData(index, asked);
            for (const QModelRoleData &answer : std::as_const(asked)) {
                const QVariant alone = model.data(index, answer.role());
                const QString where = QStringLiteral("row %1, column %2, role %3")
                                          .arg(row)
                                          .arg(column)
                                          .arg(answer.role());
                QVERIFY2(answer.data().isValid() == alone.isValid(), qPrintable(where));
                if (answer.role() == StoreSessionTableModel::SessionRole && alone.isValid())
                    QVERIFY2(answer.data().value<SessionSummary>().sessionId ==
                                 alone.value<SessionSummary>().sessionId,
                             qPrintable(where));
                else
                    QVERIFY2(answer.data() == alone, qPrintable(where));
            }
        }
    };
    const int last = model.rowCount() - 1;
    QVERIFY(!model.isRowLoaded(last));
    compareRow(last);
    QCOMPARE(model.data(model.index(last, SessionColumns::Created)).toString(),
             StoreSessionTableModel::tr("Loading…"));
    model.data(model.index(0, 0));
    QVERIFY(QTest::qWaitFor([&] { return model.isRowLoaded(0); }, Timeout));
    compareRow(0);
    QVERIFY(!model.data(model.index(0, SessionColumns::Cost)).toString().isEmpty());
}

void TestStoreSessionTableModel::aStoreThatDoesNotOpenFailsWithItsMessage()
{
    QTemporaryDir folder;
    QFile junk(folder.filePath(QStringLiteral("junk.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    StoreReader reader;
    QSignalSpy opened(&reader, &StoreReader::opened);
    StoreLocation location;
    location.path = junk.fileName();
    reader.open(location);
    QVERIFY(opened.wait(Timeout));
    QCOMPARE(opened.constFirst().at(1).toBool(), false);
    QVERIFY(opened.constFirst().at(2).toString().contains(junk.fileName()));

    StoreSessionTableModel model(&reader);
    QAbstractItemModelTester tester(&model);
    QSignalSpy errors(&model, &StoreSessionTableModel::errorOccurred);
    model.setFilter({});
    QVERIFY(errors.wait(Timeout));
    QCOMPARE(model.status(), StoreSessionTableModel::Status::Failed);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.lastError().isEmpty());
}

void TestStoreSessionTableModel::postgresqlAnswersAsSqliteDoes()
{
    // The same sessions, tags and notes synced into PostgreSQL (a private server, C collation
    // like SQLite's byte order): every order and filter gives the same rows in the same order.
    PostgresProcess postgres;
    QString error;
    QVERIFY2(postgres.start(&error), qPrintable(error));
    const QString argument = postgres.createDatabase(&error);
    QVERIFY2(!argument.isEmpty(), qPrintable(error));
    StoreLocation location;
    QVERIFY2(StoreLocation::parse(argument, &location, &error), qPrintable(error));
    {
        SessionStore writer;
        QVERIFY2(writer.open(location, SessionStore::Access::Writer, &error), qPrintable(error));
        StoreSync sync(&m_store.stack->client, &writer);
        QSignalSpy finished(&sync, &StoreSync::finished);
        sync.start(UsageQuery{});
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.constFirst().constFirst().value<StoreSyncOutcome>().kind,
                 StoreSyncOutcome::Kind::Done);
        for (const QString &id : std::as_const(m_tagged))
            QVERIFY(ReviewStore::addTags(writer, id, {QStringLiteral("needs-review")}, &error));
        for (const QString &id : std::as_const(m_noted))
            QVERIFY(ReviewStore::setNote(writer, id, QStringLiteral("call back"), &error));
    }
    StoreReader reader;
    QSignalSpy opened(&reader, &StoreReader::opened);
    reader.open(location);
    QVERIFY(opened.wait(Timeout));
    QVERIFY2(opened.constFirst().at(1).toBool(), qPrintable(opened.constFirst().at(2).toString()));

    StoreSessionTableModel sqlite(m_reader.get());
    StoreSessionTableModel pg(&reader);
    QAbstractItemModelTester tester(&pg);
    const auto ids = [](const QList<SessionSummary> &rows) {
        QStringList out;
        for (const SessionSummary &s : rows)
            out.append(s.sessionId);
        return out;
    };
    StoreSessionFilter tagged;
    tagged.tag = QStringLiteral("needs-review");
    StoreSessionFilter finishedWithoutNote;
    finishedWithoutNote.inProgress = false;
    finishedWithoutNote.hasNote = false;
    finishedWithoutNote.minCostMicros = m_all.at(10).estimatedCost.micros();
    for (const StoreSessionFilter &filter : {StoreSessionFilter{}, tagged, finishedWithoutNote}) {
        startModel(sqlite, filter);
        startModel(pg, filter);
        QCOMPARE(pg.totals().sessions, sqlite.totals().sessions);
        QCOMPARE(pg.totals().estimatedCost.micros(), sqlite.totals().estimatedCost.micros());
        QCOMPARE(pg.totals().llmInputTokens, sqlite.totals().llmInputTokens);
        for (int column = 0; column < SessionColumns::Count; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                sqlite.sort(column, order);
                pg.sort(column, order);
                const QStringList expected = ids(readAll(sqlite));
                QCOMPARE(expected.size(), int(sqlite.totals().sessions));
                QCOMPARE(ids(readAll(pg)), expected);
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestStoreSessionTableModel)
#include "tst_storesessiontablemodel.moc"
