#!/usr/bin/env python3
"""Exports every session the way a user's script would: standard library only, one page after
another (page_size=200), following `next` until it is null.

The baseline bench_export measures `sessionscope export` against. It writes what the command
writes: JSONL (one session object per line, as json.dumps gives it) or CSV (the csv module, the
columns of the command's header, values formatted as the command formats them).

usage: export_python.py jsonl|csv BASE_URL API_KEY END_ISO OUTPUT
prints: `sessions N` and `pages N`.
"""
import csv
import json
import sys
import urllib.parse
import urllib.request

# The header of `sessionscope export --format csv` (api/sessionserializer.cpp, csvColumns()).
COLUMNS = [
    "id", "session_id", "tenant_id", "character_slug", "user", "room_name", "origin_url",
    "metadata", "created_at", "finalized_at", "session_duration_seconds", "turn_count",
    "interruption_count", "llm_input_tokens", "llm_output_tokens", "llm_model", "llm_provider",
    "stt_audio_seconds", "stt_provider", "tts_characters", "tts_provider", "estimated_cost_usd",
    "recording_status", "recording_url", "recording_presigned_url", "transcript_text",
]


def cell(name, value):
    """One CSV value as the command writes it: null is empty, objects are compact JSON,
    numbers are written in their shortest form (12.0 as 12), whole-second times without .000."""
    if value is None:
        return ""
    if name == "metadata":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if name in ("created_at", "finalized_at") and value.endswith(".000Z"):
        return value[:-5] + "Z"
    return str(value)


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
    fmt, base, key, end, output = sys.argv[1:6]
    count = 0
    page_count = 0
    with open(output, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(COLUMNS)
        for sessions in pages(base, key, end):
            page_count += 1
            for s in sessions:
                if writer:
                    writer.writerow([cell(c, s.get(c)) for c in COLUMNS])
                else:
                    out.write(json.dumps(s, ensure_ascii=False, separators=(",", ":")))
                    out.write("\n")
                count += 1
    print(f"sessions {count}")
    print(f"pages {page_count}")


if __name__ == "__main__":
    main()
