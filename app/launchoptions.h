#pragma once

#include "app/cli/networkoptions.h"

#include <QString>
#include <QUrl>

/// How the user asked Sessionscope to connect, from the command line or the environment. Shared
/// by the window and the subcommands so that a script opens both the same way.
struct LaunchOptions
{
    QUrl baseUrl;
    QString apiKey;         ///< --api-key or SESSIONSCOPE_API_KEY
    QString token;          ///< --token or SESSIONSCOPE_TOKEN (a JWT access token)
    bool demo = false;      ///< start the bundled demo server and connect to it
    QString sessionId;      ///< --session: open the window on this session
    QString database;       ///< --database: open the window on this store, with no server
    NetworkOptions network; ///< --timeout, --proxy, --ca-certificate
};
