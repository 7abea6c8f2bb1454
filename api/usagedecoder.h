#pragma once

#include "api/apierror.h"
#include "api/authtokens.h"
#include "api/usagepage.h"

#include <QByteArray>

/// Turns reply bytes straight into value types, with simdjson's On-Demand parser: no DOM, no
/// QJsonDocument. Strict about types (a wrong one is an error naming its path, such as
/// `sessions.data[3].turn_count: expected an integer`), lenient about presence (optional fields
/// may be missing or null) and blind to fields it does not know. Thread-safe: every call uses
/// its own parser state, so large pages can be decoded on a worker thread.
///
/// The work is split by what is decoded: sessiondecoder.cpp (usage pages and session detail,
/// with transcriptdecoder.cpp and sessionjson.cpp), authtokensdecoder.cpp, charactersdecoder.cpp
/// and errorbodydecoder.cpp, all reading through the JsonDecoding::Reader of jsonreader.h.
namespace UsageDecoder {

/// What a decode keeps beside the value types.
struct Options
{
    /// Each session's own JSON text, as the page holds it (SessionSummary::sourceJson), fully
    /// validated, for an export that must write what the server sent, unknown fields included.
    /// Off by default: it doubles what a loaded session holds, and the window keeps 100,000.
    bool keepSessionJson = false;
    /// Whether each session's transcript turns become its Transcript (and transcript_text is
    /// compared with them). An export that writes the kept JSON (keepSessionJson) never reads
    /// them and turns this off: the turns are then checked as strictly (the same types, the
    /// same errors) but not kept, and the session's transcript and transcript text are empty.
    bool readTurns = true;
};

[[nodiscard]] Result<UsagePage> decodeUsagePage(const QByteArray &body);
[[nodiscard]] Result<UsagePage> decodeUsagePage(const QByteArray &body, const Options &options);
/// decodeUsagePage() with Options::keepSessionJson, in the shape ApiClient takes a decoder in.
[[nodiscard]] Result<UsagePage> decodeUsagePageKeepingJson(const QByteArray &body);
/// decodeUsagePageKeepingJson() without Options::readTurns: what an export needs of a page.
[[nodiscard]] Result<UsagePage> decodeUsagePageForExport(const QByteArray &body);
[[nodiscard]] Result<SessionSummary> decodeSessionDetail(const QByteArray &body);
[[nodiscard]] Result<AuthTokens> decodeTokens(const QByteArray &body);
[[nodiscard]] Result<QList<CharacterInfo>> decodeCharacters(const QByteArray &body);
/// The human message and per-field errors of an error body, in the envelope
/// (`message`, `errors`) or the `{"detail": ...}` form; the message is empty when the body is
/// neither (an HTML error page, say), so that the caller falls back to the status line.
void readErrorBody(const QByteArray &body, ApiError &error);
} // namespace UsageDecoder
