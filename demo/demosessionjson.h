#pragma once

#include <QByteArray>

class DemoDataset;
class DemoJsonWriter;
class DemoRecordingSigner;
struct DemoSession;

/// How one session is written. The defaults give the contract's AgentSessionSummary; the
/// other switches exist for fault injection only.
struct DemoSessionRenderOptions
{
    const DemoRecordingSigner *signer = nullptr;
    qint64 signSecs = 0;      ///< bucketed signing time of recording_presigned_url
    bool wrongTypes = false;  ///< numbers as strings and the reverse
    qint64 hugeTurnBytes = 0; ///< > 0: the first turn's text is this long
    qint64 paddingBytes = 0;  ///< > 0: an unknown x_padding string of this length
};

namespace DemoSessionJson {
void append(DemoJsonWriter &w, const DemoDataset &dataset, const DemoSession &s,
            const DemoSessionRenderOptions &options);
/// ISO-8601 in UTC with milliseconds and a Z suffix, as the platform prints it.
QByteArray timestamp(qint64 msecsSinceEpoch);
QByteArray recordingStatusName(int status);
} // namespace DemoSessionJson
