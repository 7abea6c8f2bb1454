// `sessionscope compare` and `sessionscope report --day` end to end: the built binary against
// an in-process demo server, every figure checked against DemoServer::dataset().

#include "api/money.h"
#include "demo/demoserver.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {
const QDateTime ReferenceNow(QDate(2026, 5, 28), QTime(14, 23, 48), QTimeZone::utc());

using Run = TestSupport::CliRun;

struct Sums
{
    qint64 sessions = 0;
    qint64 costMicros = 0;
    qint64 durationDs = 0;
    qint64 turns = 0;
    qint64 ready = 0;
};
} // namespace

class TestCliAnalytics final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DemoServer> m_server;

    Run run(const QStringList &arguments)
    {
        return TestSupport::runProgram(QStringLiteral(SESSIONSCOPE_BINARY), arguments,
                                       TestSupport::cliEnvironment());
    }

    QStringList connection() const
    {
        return {QStringLiteral("--base-url"), m_server->apiBaseUrl().toString(),
                QStringLiteral("--api-key"), m_server->staffApiKey()};
    }

    Sums sums(const QString &slug, qint64 startMs, qint64 endMs) const
    {
        Sums s;
        for (const DemoSession &d : m_server->dataset().sessions()) {
            if (d.characterSlug != slug || d.createdAtMs < startMs || d.createdAtMs > endMs)
                continue;
            ++s.sessions;
            s.costMicros += d.costMicros;
            s.durationDs += d.durationDs;
            s.turns += d.turnCount;
            s.ready += d.recordingStatus == DemoRecordingStatus::Ready;
        }
        return s;
    }

    /// A character with sessions on 2026-05-27 (UTC), so the report has lists to check.
    QString busySlug() const
    {
        for (const DemoSession &d : m_server->dataset().sessions()) {
            if (d.createdAt().date() == QDate(2026, 5, 27))
                return d.characterSlug;
        }
        return {};
    }

    QStringList twoSlugs() const
    {
        QStringList slugs;
        for (const DemoCharacter &c : m_server->dataset().characters())
            slugs.append(c.slug);
        return slugs.mid(0, 2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoOptions options;
        options.sessions = 1500;
        options.seed = 5;
        options.now = ReferenceNow;
        options.clock = [] {
            return ReferenceNow;
        };
        m_server = std::make_unique<DemoServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void compareJson()
    {
        const QStringList slugs = twoSlugs();
        const Run r =
            run(QStringList{QStringLiteral("compare")} + slugs +
                QStringList{QStringLiteral("--start"), QStringLiteral("2026-05-01T00:00:00Z"),
                            QStringLiteral("--end"), QStringLiteral("2026-05-28T00:00:00Z"),
                            QStringLiteral("--format"), QStringLiteral("json")} +
                connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QStringLiteral("characters")).toArray().size(), 2);
        const qint64 start =
            QDateTime(QDate(2026, 5, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 end =
            QDateTime(QDate(2026, 5, 28), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QHash<QString, QJsonObject> metrics;
        for (const QJsonValue &m : root.value(QStringLiteral("metrics")).toArray())
            metrics.insert(m.toObject().value(QStringLiteral("key")).toString(), m.toObject());
        QCOMPARE(metrics.size(), 12);
        for (const QString &slug : slugs) {
            const Sums s = sums(slug, start, end);
            QVERIFY(s.sessions > 0);
            const auto value = [&](const char *key) {
                return metrics.value(QString::fromLatin1(key))
                    .value(QStringLiteral("values"))
                    .toObject()
                    .value(slug);
            };
            QCOMPARE(value("sessions").toInteger(), s.sessions);
            QCOMPARE(value("total_cost_usd").toString(),
                     Money::fromMicros(s.costMicros).toDecimalString());
            QCOMPARE(value("cost_per_session_usd").toString(),
                     Money::fromMicros(s.costMicros).dividedBy(s.sessions).toDecimalString());
            QVERIFY(qAbs(value("average_duration_seconds").toDouble() -
                         double(s.durationDs) / 10.0 / double(s.sessions)) < 0.01);
            QVERIFY(qAbs(value("average_turns").toDouble() - double(s.turns) / double(s.sessions)) <
                    0.01);
            QVERIFY(qAbs(value("ready_recording_share").toDouble() -
                         double(s.ready) / double(s.sessions)) < 1e-4);
        }
        const QString best =
            metrics.value(QStringLiteral("sessions")).value(QStringLiteral("best")).toString();
        const Sums a = sums(slugs[0], start, end), b = sums(slugs[1], start, end);
        if (a.sessions != b.sessions)
            QCOMPARE(best, a.sessions > b.sessions ? slugs[0] : slugs[1]);
    }

    void compareTextAndCsv()
    {
        const QStringList slugs = twoSlugs();
        Run r = run(QStringList{QStringLiteral("compare")} + slugs + connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(slugs[0].toUtf8()));
        QVERIFY(r.out.contains("Cost per minute"));
        QVERIFY(r.out.contains("* best value of the row"));
        r = run(QStringList{QStringLiteral("compare"), QStringLiteral("--format"),
                            QStringLiteral("csv")} +
                slugs + connection());
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 13);
        QCOMPARE(lines[0].trimmed(), QByteArray("metric,unit,") + slugs[0].toUtf8() + ',' +
                                         slugs[1].toUtf8() + ",best");
        const Sums all0 = sums(slugs[0], 0, ReferenceNow.toMSecsSinceEpoch());
        QVERIFY(lines[2].startsWith("total_cost_usd,USD," +
                                    Money::fromMicros(all0.costMicros).toDecimalString().toUtf8() +
                                    ','));
    }

    void compareNeedsASlug()
    {
        const Run r = run(QStringList{QStringLiteral("compare")} + connection());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("at least one character"));
    }

    void dailyReportJson()
    {
        const QString slug = busySlug();
        QVERIFY(!slug.isEmpty());
        const Run r = run(QStringList{QStringLiteral("report"), QStringLiteral("--character"), slug,
                                      QStringLiteral("--day"), QStringLiteral("2026-05-27"),
                                      QStringLiteral("--timezone"), QStringLiteral("UTC"),
                                      QStringLiteral("--format"), QStringLiteral("json")} +
                          connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        const qint64 day =
            QDateTime(QDate(2026, 5, 27), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 dayMs = 24 * 3600 * 1000;
        const Sums now = sums(slug, day, day + dayMs - 1),
                   before = sums(slug, day - dayMs, day - 1);
        const QJsonObject totals = root.value(QStringLiteral("totals")).toObject();
        const QJsonObject sessions = totals.value(QStringLiteral("sessions")).toObject();
        QCOMPARE(sessions.value(QStringLiteral("current")).toInteger(), now.sessions);
        QCOMPARE(sessions.value(QStringLiteral("previous")).toInteger(), before.sessions);
        const QJsonObject cost = totals.value(QStringLiteral("cost_usd")).toObject();
        QCOMPARE(cost.value(QStringLiteral("current")).toString(),
                 Money::fromMicros(now.costMicros).toDecimalString());
        QCOMPARE(cost.value(QStringLiteral("previous")).toString(),
                 Money::fromMicros(before.costMicros).toDecimalString());
        QCOMPARE(cost.value(QStringLiteral("change")).toString(),
                 Money::fromMicros(now.costMicros - before.costMicros).toDecimalString());
        if (before.sessions > 0)
            QVERIFY(qAbs(sessions.value(QStringLiteral("percent_change")).toDouble() -
                         100.0 * double(now.sessions - before.sessions) / double(before.sessions)) <
                    1e-6);
        qint64 hourly = 0;
        for (const QJsonValue &h : root.value(QStringLiteral("hours")).toArray())
            hourly += h.toObject().value(QStringLiteral("sessions")).toInteger();
        QCOMPARE(hourly, now.sessions);
        const QJsonArray costliest = root.value(QStringLiteral("costliest_sessions")).toArray();
        QCOMPARE(costliest.size(), qMin<qint64>(5, now.sessions));
        qint64 top = 0;
        for (const DemoSession &d : m_server->dataset().sessions()) {
            if (d.characterSlug == slug && d.createdAtMs >= day && d.createdAtMs < day + dayMs)
                top = qMax(top, d.costMicros);
        }
        QCOMPARE(
            costliest.first().toObject().value(QStringLiteral("estimated_cost_usd")).toString(),
            Money::fromMicros(top).toDecimalString());
    }

    void dailyReportTextAndCsv()
    {
        const QString slug = busySlug();
        QVERIFY(!slug.isEmpty());
        const QStringList base{
            QStringLiteral("report"), QStringLiteral("--character"), slug,
            QStringLiteral("--day"),  QStringLiteral("2026-05-27"),  QStringLiteral("--timezone"),
            QStringLiteral("UTC")};
        Run r = run(base + connection());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Report for " + slug.toUtf8() + ", 2026-05-27"));
        QVERIFY(r.out.contains("Costliest sessions:"));
        QVERIFY(r.out.contains("Sessions per hour"));
        r = run(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv")} +
                connection());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("section,key,field,value\r\n"));
        QVERIFY(r.out.contains("totals,sessions,current,"));
        QVERIFY(r.out.contains("hour,23,estimated_cost_usd,"));
    }

    void dailyReportNeedsACharacter()
    {
        const Run r = run(QStringList{QStringLiteral("report"), QStringLiteral("--day"),
                                      QStringLiteral("2026-05-27")} +
                          connection());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--character"));
    }

    void dailyReportWithTheBundledDemo()
    {
        const Run r =
            run({QStringLiteral("report"), QStringLiteral("--demo"), QStringLiteral("--character"),
                 m_server->dataset().characters().first().slug, QStringLiteral("--day"),
                 QDate::currentDate().addDays(-1).toString(Qt::ISODate), QStringLiteral("--format"),
                 QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out).object().contains(QStringLiteral("hours")));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalytics)
#include "tst_cli_analytics.moc"
