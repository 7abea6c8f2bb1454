#pragma once

#include "api/usagepage.h"
#include "api/usagequery.h"

#include <QMap>
#include <QStringList>
#include <QUrl>

namespace Bench {

/// Where a whole-set fetch goes, and which self-signed certificate it may trust (pinned by its
/// SHA-256 fingerprint, as a user does with a certificate the server shows).
struct FetchTarget
{
    QUrl baseUrl;
    QString apiKey;
    QStringList trustedSha256;
};

/// One full fetch through the client's one network path, as the application and the command line
/// do it: `ApiClient` on a fresh `QNetworkAccessManager` (connections and TLS handshakes are part
/// of what is measured), `UsageCollector` with `maxInFlight` pages requested at once.
struct FetchRun
{
    bool ok = false;
    QString error;
    double wallMs = 0;
    double cpuMs = 0; ///< of this process, all threads (Qt's network thread and decoding included)
    qint64 sessions = 0;
    int pages = 0;
    QMap<QString, UsageTotals> byCharacter; ///< what the sessions add up to, per character
};

/// Every session of the set (`end` pinned so that every run reads the same sessions); turns the
/// event loop until the collector finishes or fails.
[[nodiscard]] FetchRun fetchAll(const FetchTarget &target, qint64 endMicros, int maxInFlight);

/// The `char SLUG SESSIONS LLM_IN LLM_OUT TTS_CHARS COST_MICROS` lines fetch_python.py prints,
/// so that the two results can be compared as text.
[[nodiscard]] QByteArray totalsLines(const QMap<QString, UsageTotals> &byCharacter);

} // namespace Bench
