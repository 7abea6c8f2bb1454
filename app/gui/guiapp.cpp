#include "guiapp.h"

#include "analyticspage.h"
#include "apiclient.h"
#include "authsession.h"
#include "characterpalette.h"
#include "connection/connectioncontroller.h"
#include "demoserver.h"
#include "mainwindow.h"
#include "pagefetcher.h"
#include "recordingfetcher.h"
#include "secretstore.h"
#include "sessions/filterbar.h"
#include "sessions/sessionspage.h"
#include "sessiontablemodel.h"
#include "transcript/sessionpane.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>

#include <memory>

namespace {
constexpr int DemoSessions = 20000;
const QString BaseUrlKey = QStringLiteral("connection/baseUrl");
constexpr int AllTimeAnalyticsDays = 90;

/// Keeps the analytics page on the session list's filters, and lets it open sessions there.
void wireAnalytics(MainWindow &window, AnalyticsPage *analytics, ApiClient &client)
{
    FilterBar *filters = window.sessionsPage()->filterBar();
    QObject::connect(
        window.sessionsPage(), &SessionsPage::filtersApplied, analytics, [filters, analytics] {
            analytics->addKnownCharacters(filters->knownCharacters());
            auto [first, last] = filters->days();
            if (!first.isValid()) {
                // "All time" has no first day; charts per day want one, so they show recent days.
                const QTimeZone zone = filters->timeZone().isValid() ? filters->timeZone()
                                                                     : QTimeZone::systemTimeZone();
                last = QDateTime::currentDateTime().toTimeZone(zone).date();
                first = last.addDays(1 - AllTimeAnalyticsDays);
            }
            analytics->setFilter(filters->tenant(), first, last);
        });
    QObject::connect(&window, &MainWindow::timeZoneChanged, analytics, &AnalyticsPage::setTimeZone);
    QObject::connect(analytics, &AnalyticsPage::openSessions, &window,
                     [&window, filters](const QString &slug, QDate day) {
                         filters->setCharacter(slug);
                         if (day.isValid())
                             filters->setCustomDays(day, day);
                         window.showSessionsPage();
                         filters->apply();
                     });
    QObject::connect(analytics, &AnalyticsPage::openSession, &window,
                     [&window, &client](const QString &sessionId) {
                         client.fetchSession(sessionId, &window,
                                             [&window](Result<SessionSummary> r) {
                                                 if (r)
                                                     window.openSession(r.value());
                                             });
                     });
}
} // namespace

int runGui(QApplication &app, const LaunchOptions &options)
{
    QSettings settings;
    QNetworkAccessManager network;
    ApiClient client(&network);
    RecordingFetcher recordings;
    KeychainSecretStore secrets(QApplication::applicationName());
    AuthSession auth(&client, &secrets);
    PageFetcher fetcher(&client);
    SessionTableModel model(&fetcher);

    MainWindow window(&model, settings);
    auto *pane = new SessionPane(&client, &recordings);
    window.setSessionPane(pane);
    QObject::connect(&window, &MainWindow::sessionOpened, pane, &SessionPane::showSession);
    CharacterPalette palette(&settings);
    auto *analytics = new AnalyticsPage(&client, &palette);
    window.setAnalyticsPage(analytics);
    wireAnalytics(window, analytics, client);

    // The demo runs in this process, on loopback, only when asked for.
    std::unique_ptr<DemoServer> demo;
    const ConnectionController::DemoStarter startDemo =
        [&demo](QString *error) -> std::optional<std::pair<QUrl, QString>> {
        if (!demo) {
            DemoOptions demoOptions;
            demoOptions.sessions = DemoSessions;
            auto server = std::make_unique<DemoServer>(demoOptions);
            if (!server->start(error))
                return std::nullopt;
            demo = std::move(server);
        }
        return std::make_pair(demo->apiBaseUrl(), demo->staffApiKey());
    };
    ConnectionController connection(&auth, &window);
    connection.setDemoStarter(startDemo);
    connection.setLastBaseUrl(settings.value(BaseUrlKey).toUrl());
    // Timeout, proxy and private CA: as last chosen in the dialog unless the command line says.
    connection.setSettings(&settings);
    connection.setNetworkApplier(
        [&client, &network](const ConnectionDialog::Network &chosen, QString *error) {
            const QUrl proxy = chosen.proxy.isEmpty() ? QUrl() : QUrl::fromUserInput(chosen.proxy);
            return NetworkOptions{chosen.timeoutSeconds, proxy, chosen.caCertificateFile}.applyTo(
                client, network, error);
        });
    {
        NetworkOptions startup = options.network;
        const ConnectionDialog::Network saved = connection.network();
        startup.timeoutSeconds =
            startup.timeoutSeconds > 0 ? startup.timeoutSeconds : saved.timeoutSeconds;
        if (startup.proxy.isEmpty() && !saved.proxy.isEmpty())
            startup.proxy = QUrl::fromUserInput(saved.proxy);
        if (startup.caCertificateFile.isEmpty())
            startup.caCertificateFile = saved.caCertificateFile;
        QString error;
        if (!startup.applyTo(client, network, &error))
            connection.ask(error);
    }
    QObject::connect(&connection, &ConnectionController::baseUrlChosen, &window,
                     [&settings](const QUrl &url) { settings.setValue(BaseUrlKey, url); });
    QObject::connect(&window, &MainWindow::connectionRequested, &connection,
                     [&connection] { connection.ask(); });
    QObject::connect(&auth, &AuthSession::credentialsNeeded, &connection,
                     &ConnectionController::ask);

    // Each new connection starts the list over; renewed tokens retry what failed.
    bool sessionShown = options.sessionId.isEmpty();
    QObject::connect(&auth, &AuthSession::connected, &window, [&] {
        window.sessionsPage()->applyFilters();
        if (sessionShown)
            return;
        sessionShown = true;
        client.fetchSession(options.sessionId, &window, [&window](Result<SessionSummary> r) {
            if (r)
                window.openSession(r.value());
        });
    });
    QObject::connect(&auth, &AuthSession::credentialsRenewed, &model,
                     &SessionTableModel::retryFailed);

    window.restoreSettings();
    window.show();

    const QUrl baseUrl =
        options.baseUrl.isValid() ? options.baseUrl : settings.value(BaseUrlKey).toUrl();
    if (options.demo) {
        QString error;
        const auto started = startDemo(&error);
        if (started)
            auth.useApiKey(started->first, started->second, false);
        else
            connection.ask(QObject::tr("The demo server did not start: %1").arg(error));
    } else if (!options.apiKey.isEmpty()) {
        // From the command line or the environment: used, not remembered.
        auth.useApiKey(baseUrl, options.apiKey, false);
    } else if (!options.token.isEmpty()) {
        auth.useAccessToken(baseUrl, options.token);
    } else if (baseUrl.isValid()) {
        auth.restore(baseUrl);
    } else {
        connection.ask();
    }
    const int code = app.exec();
    window.saveSettings();
    return code;
}
