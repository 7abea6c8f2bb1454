#!/usr/bin/env python3
"""Copies every session into SQLite the way a user's script would: standard library only, one
page after another (page_size=200), following `next` until it is null, one transaction per page.

The baseline bench_sync measures `sessionscope sync` against. It stores what the command stores
for a first sync: a sessions table (the API's fields as columns, the cost in integer
micro-dollars, the session's JSON), the transcript turns, and an FTS5 index over the turns.

usage: sync_python.py BASE_URL API_KEY END_ISO DATABASE
prints: `sessions N`, `turns N` and `pages N`.
"""
import json
import sqlite3
import sys
import urllib.parse
import urllib.request
from decimal import Decimal

FIELDS = [
    "id", "tenant_id", "character_slug", "user", "room_name", "origin_url", "created_at",
    "finalized_at", "session_duration_seconds", "turn_count", "interruption_count",
    "llm_input_tokens", "llm_output_tokens", "llm_model", "llm_provider", "stt_audio_seconds",
    "stt_provider", "tts_characters", "tts_provider", "estimated_cost_usd", "recording_status",
    "recording_url", "transcript_text",
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


def main():
    base, key, end, path = sys.argv[1:5]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE sessions (session_id TEXT PRIMARY KEY, %s, "
               "estimated_cost_micros INTEGER, metadata TEXT, json TEXT)" % ", ".join(
                   '"%s"' % f for f in FIELDS))
    db.execute("CREATE TABLE transcript_turns (turn_id INTEGER PRIMARY KEY, session_id TEXT, "
               "position INTEGER, turn_index INTEGER, role TEXT, ts REAL, text TEXT)")
    db.execute("CREATE VIRTUAL TABLE transcript_search USING fts5(text, content='transcript_turns',"
               " content_rowid='turn_id', tokenize='unicode61 remove_diacritics 2')")
    upsert = "INSERT OR REPLACE INTO sessions VALUES (?, %s, ?, ?, ?)" % ", ".join("?" * len(FIELDS))
    count = turns = page_count = 0
    for sessions in pages(base, key, end):
        page_count += 1
        db.execute("BEGIN")
        for s in sessions:
            micros = int(Decimal(s["estimated_cost_usd"]) * 1000000)
            db.execute(upsert, [s["session_id"]] + [s.get(f) for f in FIELDS] +
                       [micros, json.dumps(s.get("metadata")), json.dumps(s, ensure_ascii=False)])
            for position, t in enumerate(s.get("transcript") or []):
                cursor = db.execute(
                    "INSERT INTO transcript_turns (session_id, position, turn_index, role, ts, "
                    "text) VALUES (?, ?, ?, ?, ?, ?)",
                    (s["session_id"], position, t["turn_index"], t["role"], t["ts"], t["text"]))
                db.execute("INSERT INTO transcript_search (rowid, text) VALUES (?, ?)",
                           (cursor.lastrowid, t["text"]))
                turns += 1
            count += 1
        db.execute("COMMIT")
    print(f"sessions {count}")
    print(f"turns {turns}")
    print(f"pages {page_count}")


if __name__ == "__main__":
    main()
