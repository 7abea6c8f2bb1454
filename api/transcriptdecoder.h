#pragma once

#include "api/jsonreader.h"
#include "api/sessionsummary.h"

/// Reads a session's `transcript` (the turns) and `transcript_text` (the same turns as lines,
/// kept only when it says something else). Internal to the API library.
namespace JsonDecoding {

bool readTranscript(Reader &r, od::value &v, Transcript &out);
/// `transcript_text` of `s`, whose turns (if the session sent them first) are already read.
bool readTranscriptText(Reader &r, od::value &v, SessionSummary &s);

} // namespace JsonDecoding
