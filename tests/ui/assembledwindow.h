#pragma once

#include "api/recordingfetcher.h"
#include "models/analyticsservices.h"
#include "models/characterpalette.h"
#include "models/playbackcontroller.h"
#include "models/sessionopener.h"
#include "models/sessiontablemodel.h"
#include "tests/models/analyticsfixture.h"
#include "ui/charts/analyticspage.h"
#include "ui/mainwindow.h"
#include "ui/player/mediaplayerbackend.h"
#include "ui/transcript/sessionpane.h"
#include "ui/windowwiring.h"

#include <QAbstractItemModelTester>
#include <QSettings>

#include <functional>

/// The window as the application assembles it (app/gui/guiapp.cpp): the session list with its
/// pane, the session opener, and Analytics wired to the list, on a test's client stack, so that
/// the tests run the very connections the user's window has. `beforePages` adds what the
/// application adds to the window before its pages (the Help menu); a test adds the store's page
/// itself, then calls show().
struct AssembledWindow
{
    AssembledWindow(ClientStack &stack, const QString &settingsFile,
                    const std::function<void(MainWindow &)> &beforePages = {})
        : settings(settingsFile, QSettings::IniFormat)
        , palette(&settings)
        , services(&stack.client)
        , model(&stack.fetcher)
        , tester(&model)
        , window(&model, settings)
        , opener([&stack](const QString &id, QObject *context, SessionOpener::Done done) {
            stack.client.fetchSession(id, context, std::move(done));
        })
    {
        if (beforePages)
            beforePages(window);
        pane = new SessionPane(
            new PlaybackController(new MediaPlayerBackend, &recordings, &stack.client));
        analytics = new AnalyticsPage(&services, &palette);
        WindowWiring::connectSessionPane(window, pane);
        WindowWiring::connectSessionOpener(window, &opener);
        window.setAnalyticsPage(analytics);
        WindowWiring::connectAnalytics(window, analytics, &opener);
    }

    /// The window at the size and layout the settings remember, on screen.
    void show()
    {
        window.restoreSettings();
        window.show();
    }

    QSettings settings;
    RecordingFetcher recordings;
    CharacterPalette palette;
    AnalyticsServices services;
    SessionTableModel model;
    QAbstractItemModelTester tester;
    MainWindow window;
    SessionOpener opener;
    SessionPane *pane = nullptr;
    AnalyticsPage *analytics = nullptr;
};
