#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <variant>

struct SessionSummary;

/// One value of a row as the store writes it: NULL, an integer, a real, or UTF-8 text.
using SqlValue = std::variant<std::monostate, qint64, double, QByteArray>;

/// A session as a row of the `sessions` table (store/SCHEMA.md), defined once for both ways
/// the store writes it: Qt SQL (PostgreSQL) and SQLite's own API (SqliteSessionWriter). Text is
/// kept as UTF-8, as it arrived: the session's JSON and transcript, most of a row's bytes, are
/// never converted to UTF-16 and back on their way into SQLite.
namespace SessionRow {

/// The API's fields in the order of values(). duration_seconds is the API's
/// session_duration_seconds (the first release's name, kept for users' queries).
inline constexpr std::array Columns = {
    // clang-format off
    "session_id", "id", "tenant_id", "character_slug",
    "user_id", "room_name", "origin_url", "metadata",
    "created_at", "created_at_micros", "finalized_at", "finalized_at_micros",
    "duration_seconds", "turn_count", "interruption_count", "llm_input_tokens",
    "llm_output_tokens", "llm_model", "llm_provider", "stt_audio_seconds",
    "stt_provider", "tts_characters", "tts_provider", "estimated_cost_micros",
    "estimated_cost_usd", "recording_status", "recording_url", "recording_presigned_url",
    "transcript_text", "json", "synced_at",
    // clang-format on
};

using Values = std::array<SqlValue, Columns.size()>;

/// The row of `session`, written at `syncedAtMicros` (UTC).
[[nodiscard]] Values values(const SessionSummary &session, qint64 syncedAtMicros);

/// INSERT … ON CONFLICT (session_id) DO UPDATE of every column, with one `?` per column:
/// the same statement on SQLite and PostgreSQL.
[[nodiscard]] QString upsertSql();

/// A presigned URL without its query: the signature lets anyone play the recording until it
/// expires, within the hour; the store keeps where the recording is, and a fresh link is asked
/// for when it is played.
[[nodiscard]] QString withoutSignature(const QString &url);

} // namespace SessionRow
