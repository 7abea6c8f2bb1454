// Plays real audio from the demo server through the pane: a PulseAudio sink must be reachable
// (the null sink is enough). SESSIONSCOPE_NO_AUDIO=1 skips these tests instead.
#include "api/apiclient.h"
#include "api/recordingfetcher.h"
#include "demo/demoserver.h"
#include "models/playbackcontroller.h"
#include "models/transcriptmodel.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/player/playerwidget.h"
#include "ui/player/waveformview.h"
#include "ui/transcript/sessionpane.h"
#include "ui/transcript/transcriptview.h"

#include <QApplication>
#include <QAudioDevice>
#include <QMediaDevices>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int WaitMs = 30000; // a loaded 2-core box starts GStreamer slowly

/// The demo's clock, movable by the test to make presigned URLs expire.
struct TestClock
{
    QDateTime now = QDateTime(QDate(2026, 5, 28), QTime(14, 0), Qt::UTC);
};
} // namespace

class TestSessionPlayback : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<TestClock> m_clock = std::make_shared<TestClock>();
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<RecordingFetcher> m_fetcher;
    std::unique_ptr<SessionPane> m_pane;

    /// A finalized session with a READY recording of 1-10 minutes and a dozen turns or more.
    const DemoSession *pickSession(DemoRecordingStatus status) const
    {
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.recordingStatus == status && s.finalizedAtMs && s.quirk == DemoQuirk::None &&
                s.durationDs >= 600 && s.durationDs <= 6000 && s.turnCount >= 12)
                return &s;
        }
        return nullptr;
    }

    SessionSummary fetch(const QString &sessionId)
    {
        std::optional<Result<SessionSummary>> result;
        m_api->fetchSession(sessionId, this, [&](Result<SessionSummary> r) { result = r; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), WaitMs);
        }();
        if (!result || !result->ok())
            qFatal("fetchSession failed");
        return result->value();
    }

    /// First row whose turn starts at least `seconds` in, with a next turn 3+ s later.
    static int rowFrom(const TranscriptModel &model, double seconds)
    {
        for (int row = 0; row + 1 < model.rowCount(); ++row) {
            if (model.turn(row).ts >= seconds && model.turn(row + 1).ts - model.turn(row).ts >= 3)
                return row;
        }
        return -1;
    }

    void clickRow(int row)
    {
        TranscriptView *view = m_pane->view();
        view->showRow(row);
        QTRY_VERIFY(view->viewport()->rect().contains(
            view->visualRect(m_pane->model()->index(row)).center()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(m_pane->model()->index(row)).center());
    }

    [[nodiscard]] QList<RecordedRequest> recordingRequests() const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : m_server->requestLog()) {
            if (r.origin == u"recording")
                out.append(r);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIntValue("SESSIONSCOPE_NO_AUDIO") == 1)
            QSKIP("SESSIONSCOPE_NO_AUDIO=1: audio playback tests skipped");
        if (QMediaDevices::audioOutputs().isEmpty())
            QFAIL("No audio output is reachable. Start PulseAudio with a null sink "
                  "(pulseaudio -D -n --exit-idle-time=-1 --load=module-null-sink "
                  "--load=module-native-protocol-unix, with XDG_RUNTIME_DIR set) or set "
                  "SESSIONSCOPE_NO_AUDIO=1 to skip.");
        DemoOptions options;
        options.sessions = 400;
        options.seed = 11;
        options.now = m_clock->now;
        options.recordingExpirySeconds = 60;
        options.clock = [clock = m_clock] {
            return clock->now;
        };
        m_server = std::make_unique<DemoServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_api = std::make_unique<ApiClient>(m_network.get());
        m_api->setBaseUrl(m_server->apiBaseUrl());
        m_api->setCredentials({m_server->staffApiKey(), {}});
        m_fetcher = std::make_unique<RecordingFetcher>();
        m_pane = std::make_unique<SessionPane>(
            new PlaybackController(new MediaPlayerBackend, m_fetcher.get(), m_api.get()));
        m_pane->resize(900, 700);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
        m_server->faults().clear();
    }

    void cleanup()
    {
        m_pane.reset();
        m_fetcher.reset();
        m_api.reset();
        m_network.reset();
    }

    void playsAndPositionAdvances()
    {
        const DemoSession *demo = pickSession(DemoRecordingStatus::Ready);
        QVERIFY(demo);
        m_pane->showSession(fetch(demo->sessionId));
        PlaybackController *c = m_pane->controller();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), PlaybackController::Status::Ready, WaitMs);
        c->play();
        QTRY_VERIFY_WITH_TIMEOUT(c->position() > 1500, WaitMs);
        QVERIFY(c->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->player()->waveformView()->hasWaveform(), WaitMs);
        // The slider follows the audio while nobody holds it.
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->player()->seekSlider()->value() > 1000, WaitMs);
        c->pause();
        QTRY_VERIFY(!c->isPlaying());
    }

    void clickingATurnSeeksAndHighlightFollows()
    {
        const DemoSession *demo = pickSession(DemoRecordingStatus::Ready);
        m_pane->showSession(fetch(demo->sessionId));
        PlaybackController *c = m_pane->controller();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), PlaybackController::Status::Ready, WaitMs);
        TranscriptModel *model = m_pane->model();
        const int row = rowFrom(*model, 20);
        QVERIFY(row > 0);
        const qint64 target = qint64(model->turn(row).ts * 1000);
        c->play();
        QTRY_VERIFY_WITH_TIMEOUT(c->position() > 300, WaitMs);
        clickRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(c->position() >= target && c->position() < target + 4000, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(model->playingRow(), row, WaitMs);
        QVERIFY(model->index(row).data(TranscriptModel::PlayingRole).toBool());
        // Audio keeps going: the highlight moves on to the next turn by itself, kept in view.
        QTRY_COMPARE_WITH_TIMEOUT(model->playingRow(), row + 1, WaitMs);
        TranscriptView *view = m_pane->view();
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(model->index(row + 1))));
        QVERIFY(c->position() >= qint64(model->turn(row + 1).ts * 1000));
    }

    void expiredUrlRefreshesAndResumes()
    {
        const DemoSession *demo = pickSession(DemoRecordingStatus::Ready);
        const SessionSummary stale = fetch(demo->sessionId); // URL signed now
        m_clock->now = m_clock->now.addSecs(600);            // ... and expired since
        m_server->clearRequestLog();
        m_pane->showSession(stale);
        PlaybackController *c = m_pane->controller();
        const int row = rowFrom(*m_pane->model(), 30);
        QVERIFY(row > 0);
        const qint64 old = qint64(m_pane->model()->turn(row).ts * 1000);
        c->seek(old); // where the user was
        c->play();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), PlaybackController::Status::Ready, WaitMs);
        QCOMPARE(c->urlRefreshCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(c->isPlaying() && c->position() > old + 500, WaitMs);
        QVERIFY2(c->position() < old + 6000, qPrintable(QString::number(c->position())));
        const auto requests = recordingRequests();
        QVERIFY(requests.size() >= 2);
        int sessionFetches = 0;
        for (const RecordedRequest &r : m_server->requestLog())
            sessionFetches += r.origin == u"api" && r.url.path().contains(demo->sessionId);
        QCOMPARE(sessionFetches, 1);
    }

    void secondRefusalIsShownPlainly()
    {
        const DemoSession *demo = pickSession(DemoRecordingStatus::Ready);
        const SessionSummary session = fetch(demo->sessionId);
        m_server->faults().add(FaultInjector::Kind::Status, u"/recordings/"_s, u"403"_s);
        m_pane->showSession(session);
        PlaybackController *c = m_pane->controller();
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), PlaybackController::Status::Failed, WaitMs);
        QCOMPARE(c->urlRefreshCount(), 1);
        QVERIFY2(c->statusText().contains(u"403"_s), qPrintable(c->statusText()));
        QCOMPARE(m_pane->player()->statusLine(), c->statusText());
        // The rest of the pane keeps working.
        QVERIFY(m_pane->model()->rowCount() > 0);
        QVERIFY(m_pane->model()->setSearchText(u"a"_s) > 0);
    }

    void recordingStatesExplainThemselves_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("processing") << int(DemoRecordingStatus::Processing);
        QTest::newRow("failed") << int(DemoRecordingStatus::Failed);
        QTest::newRow("none") << int(DemoRecordingStatus::None);
    }
    void recordingStatesExplainThemselves()
    {
        QFETCH(int, status);
        const DemoSession *demo = nullptr;
        for (const DemoSession &s : m_server->dataset().sessions()) {
            if (s.recordingStatus == DemoRecordingStatus(status)) {
                demo = &s;
                break;
            }
        }
        if (!demo)
            QSKIP("no such session in this dataset");
        m_server->clearRequestLog();
        m_pane->showSession(fetch(demo->sessionId));
        PlaybackController *c = m_pane->controller();
        QCOMPARE(c->status(), PlaybackController::Status::NoRecording);
        QVERIFY(!c->statusText().isEmpty());
        QCOMPARE(m_pane->player()->statusLine(), c->statusText());
        c->play();
        QVERIFY(!c->isPlaying());
        QTest::qWait(200);
        QVERIFY(recordingRequests().isEmpty());
    }

    void noCredentialReachesTheRecordingHost()
    {
        const DemoSession *demo = pickSession(DemoRecordingStatus::Ready);
        m_server->clearRequestLog();
        m_pane->showSession(fetch(demo->sessionId));
        QTRY_COMPARE_WITH_TIMEOUT(m_pane->controller()->status(), PlaybackController::Status::Ready,
                                  WaitMs);
        const auto requests = recordingRequests();
        QVERIFY(!requests.isEmpty());
        for (const RecordedRequest &r : requests) {
            QVERIFY2(!r.hasHeader("x-api-key"), qPrintable(r.url.path()));
            QVERIFY2(!r.hasHeader("authorization"), qPrintable(r.url.path()));
            QVERIFY2(!r.hasHeader("cookie"), qPrintable(r.url.path()));
        }
        bool apiSawKey = false;
        for (const RecordedRequest &r : m_server->requestLog())
            apiSawKey |= r.origin == u"api" && r.hasHeader("x-api-key");
        QVERIFY(apiSawKey); // the key does go where it belongs
    }
};

int main(int argc, char **argv)
{
    // Qt's ffmpeg backend crashes without a sound server; GStreamer reports it instead.
    qputenv("QT_MEDIA_BACKEND", "gstreamer");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestSessionPlayback test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sessionplayback.moc"
