#!/usr/bin/env python3
"""Copies every session into a SQLite file the way a user's script would: standard library only,
one page after another (page_size=200, following `next` until it is null), one transaction per
page, upserting on session_id.

The baseline bench_sync measures `sessionscope sync` against. Like the command, it keeps every
field of the API in a column of `sessions` (the session's JSON too) and every transcript turn as a
row of `transcript_turns`.

usage: sync_python.py BASE_URL API_KEY END_ISO DATABASE
prints: `sessions N` (the rows the database holds) and `pages N`.
"""
import json
import sqlite3
import sys
import urllib.parse
import urllib.request

COLUMNS = [
    "session_id", "id", "tenant_id", "character_slug", "user", "room_name", "origin_url",
    "metadata", "created_at", "finalized_at", "session_duration_seconds", "turn_count",
    "interruption_count", "llm_input_tokens", "llm_output_tokens", "llm_model", "llm_provider",
    "stt_audio_seconds", "stt_provider", "tts_characters", "tts_provider", "estimated_cost_usd",
    "recording_status", "recording_url", "recording_presigned_url", "transcript_text",
]


def pages(base, key, end):
    url = base.rstrip("/") + "/api/billing/usage/?" + urllib.parse.urlencode(
        {"end": end, "page_size": 200})
    while url:
        request = urllib.request.Request(url, headers={"X-API-Key": key})
        with urllib.request.urlopen(request) as reply:
            block = json.load(reply)["data"]["sessions"]
        yield block["data"]
        url = block["pagination"]["next"]


def value(name, session):
    v = session.get(name)
    return json.dumps(v, separators=(",", ":")) if isinstance(v, (dict, list)) else v


def main():
    base, key, end, path = sys.argv[1:5]
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS sessions (%s, json TEXT)" % ", ".join(
        c + (" TEXT PRIMARY KEY" if c == "session_id" else "") for c in COLUMNS))
    db.execute("CREATE TABLE IF NOT EXISTS transcript_turns (session_id TEXT, turn_index "
               "INTEGER, role TEXT, text TEXT, ts REAL, PRIMARY KEY (session_id, turn_index))")
    upsert = "INSERT OR REPLACE INTO sessions VALUES (%s)" % ", ".join("?" * (len(COLUMNS) + 1))
    page_count = 0
    for sessions in pages(base, key, end):
        page_count += 1
        with db:  # one transaction per page
            db.executemany(upsert, [[value(c, s) for c in COLUMNS] + [json.dumps(s)]
                                    for s in sessions])
            for s in sessions:
                db.execute("DELETE FROM transcript_turns WHERE session_id = ?",
                           (s["session_id"],))
                db.executemany("INSERT INTO transcript_turns VALUES (?, ?, ?, ?, ?)",
                               [(s["session_id"], t.get("turn_index", i), t.get("role"),
                                 t.get("text"), t.get("ts"))
                                for i, t in enumerate(s.get("transcript") or [])])
    count = db.execute("SELECT count(*) FROM sessions").fetchone()[0]
    db.close()
    print(f"sessions {count}")
    print(f"pages {page_count}")


if __name__ == "__main__":
    main()
