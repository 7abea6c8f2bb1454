#include "app/gui/guiapp.h"
#include "app/gui/aboutbox.h"
#include "app/gui/windowtranslator.h"

#include "api/apiclient.h"
#include "api/clientconfiguration.h"
#include "api/recordingfetcher.h"
#include "demo/demoserver.h"
#include "models/analyticsservices.h"
#include "models/authsession.h"
#include "models/characterpalette.h"
#include "models/pagefetcher.h"
#include "models/playbackcontroller.h"
#include "models/previousperiodtotals.h"
#include "models/secretstore.h"
#include "models/sessionexporter.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "models/storebrowser.h"
#include "models/storesynccontroller.h"
#include "ui/charts/analyticspage.h"
#include "ui/connection/connectioncontroller.h"
#include "ui/mainwindow.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/sessions/filterbar.h"
#include "ui/sessions/sessionspage.h"
#include "ui/sessions/sessiontableview.h"
#include "ui/store/storepage.h"
#include "ui/store/storewiring.h"
#include "ui/transcript/sessionheader.h"
#include "ui/transcript/sessionpane.h"
#include "ui/windowwiring.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStatusBar>

#include <memory>

namespace {
constexpr int DemoSessions = 20000;
const QString BaseUrlKey = QStringLiteral("connection/baseUrl");
} // namespace

int runGui(QApplication &app, const LaunchOptions &options)
{
    // The window speaks the user's language (LANGUAGE, LANG); the command line never gets here
    // and stays English, as scripts and the man page expect.
    const WindowTranslator translator;
    QSettings settings;
    QNetworkAccessManager network;
    ApiClient client(&network);
    RecordingFetcher recordings;
    KeychainSecretStore secrets(QApplication::applicationName());
    AuthSession auth(&client, &secrets);
    PageFetcher fetcher(&client);
    SessionTableModel model(&fetcher);
    AnalyticsServices analyticsServices(&client); // before the window: its page uses them
    StoreBrowser store;                           // the same: the store's page shows its model
    // The sync's client is built on the sync's own thread from the window's connection, copied
    // as values when a sync starts.
    StoreSyncController storeSync(
        [&client, &network] {
            if (!client.baseUrl().isValid())
                return StoreSyncController::ClientBuilder();
            return StoreSyncController::ClientBuilder(
                [configuration = ClientConfiguration::of(client, network)] {
                    return configuration.makeClient();
                });
        },
        &store);

    MainWindow window(&model, settings);
    AboutBox::addHelpMenu(window);
    auto *sessionPane =
        new SessionPane(new PlaybackController(new MediaPlayerBackend, &recordings, &client));
    WindowWiring::connectSessionPane(window, sessionPane);
    // Sessions asked for by id (--session, Analytics' lists) open once the client is connected.
    SessionOpener opener([&client](const QString &id, QObject *context, SessionOpener::Done done) {
        client.fetchSession(id, context, std::move(done));
    });
    WindowWiring::connectSessionOpener(window, &opener);
    CharacterPalette palette(&settings);
    auto *analytics = new AnalyticsPage(&analyticsServices, &palette);
    window.setAnalyticsPage(analytics);
    WindowWiring::connectAnalytics(window, analytics, &opener);
    SessionExporter exporter(&client);
    PreviousPeriodTotals previousTotals(&client);
    WindowWiring::connectPreviousTotals(window, &previousTotals);
    WindowWiring::connectExporter(window, &exporter);

    // The local store's page, with a session pane of its own; its recordings play when online.
    auto *storePage = new StorePage(&store);
    storePage->setSessionPane(
        new SessionPane(new PlaybackController(new MediaPlayerBackend, &recordings, &client)));
    StoreWiring::install(window, storePage, settings, &storeSync);

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

    // Each new connection starts the list over and lets a waiting session link go out;
    // renewed tokens retry what failed.
    QObject::connect(&auth, &AuthSession::connected, &window, [&] {
        // The status bar and the connection dialog show the server in use, not a default.
        const QUrl server = client.baseUrl();
        connection.setLastBaseUrl(server);
        const bool isDemo = demo && server == demo->apiBaseUrl();
        window.setServer(isDemo ? QObject::tr("the demo server (%1)").arg(server.authority())
                                : server.toDisplayString());
        // A copied link names its server, so that it opens there for a colleague; the demo
        // lives on this machine's loopback only, so its links name none.
        const QUrl linkServer = isDemo ? QUrl() : server;
        window.sessionsPage()->table()->setLinkServer(linkServer);
        sessionPane->header()->setLinkServer(linkServer);
        window.sessionsPage()->applyFilters();
        opener.setReady(true);
        storePage->setOnline(true);
    });
    QObject::connect(&auth, &AuthSession::credentialsNeeded, &opener, [&opener, storePage] {
        opener.setReady(false);
        storePage->setOnline(false);
    });
    QObject::connect(&auth, &AuthSession::credentialsRenewed, &model,
                     &SessionTableModel::retryFailed);

    window.restoreSettings();
    window.show();
    // --database opens the window on that store with no server; otherwise the store chosen
    // last is opened again, beside the connection.
    const bool offline = StoreWiring::openAtStart(window, storePage, settings, options.database);
    if (!options.sessionId.isEmpty())
        opener.open(options.sessionId);

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
    } else if (offline) {
        // Offline: File ▸ Connection… connects when the user wants recordings or live data.
    } else if (baseUrl.isValid()) {
        auth.restore(baseUrl);
    } else {
        connection.ask();
    }
    const int code = app.exec();
    window.saveSettings();
    return code;
}
