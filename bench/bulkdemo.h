#pragma once

#include "tests/support/demoprocess.h"

namespace Bench {

/// Starts the demo server as a child process with a page cache that holds every page of
/// `sessions` sessions (646 MB for 100,000), so that the server renders each page once, in the
/// warm-up, and not while a client is timed.
inline bool startBulkDemo(DemoProcess &server, int sessions, QString *error)
{
    return server.start(QStringLiteral(SESSIONSCOPE_DEMO_SERVER),
                        {QStringLiteral("--sessions"), QString::number(sessions),
                         QStringLiteral("--page-cache-mib"), QStringLiteral("1536")},
                        error);
}

} // namespace Bench
