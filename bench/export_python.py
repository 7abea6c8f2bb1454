#!/usr/bin/env python3
"""Exports every session the way a user's script would: standard library only, one page after
another (page_size=200), following `next` until it is null.

The baseline bench_export measures `sessionscope export` against. It writes what the command
writes by default: JSONL (one session object per line, as json.dumps gives it) or CSV (the csv
module: the API's columns, then one column for each unknown field whose value is a scalar, in the
order first met; values as the command writes them). Like the command, it leaves out the signed
query string of `recording_presigned_url`, and since a CSV header can only be written once every
column is known, it spools the rows to a temporary file first.

usage: export_python.py jsonl|csv BASE_URL API_KEY END_ISO OUTPUT
prints: `sessions N` and `pages N`.
"""
import csv
import io
import json
import sys
import tempfile
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
KNOWN = set(COLUMNS) | {"transcript"}


def cell(value):
    """One CSV value as the command writes it: null is empty, booleans and objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def unsigned(session):
    url = session.get("recording_presigned_url")
    if isinstance(url, str):
        session["recording_presigned_url"] = url.split("?", 1)[0]
    return session


def pages(base, key, end):
    url = base.rstrip("/") + "/api/billing/usage/?" + urllib.parse.urlencode(
        {"end": end, "page_size": 200})
    while url:
        request = urllib.request.Request(url, headers={"X-API-Key": key})
        with urllib.request.urlopen(request) as reply:
            block = json.load(reply)["data"]["sessions"]
        yield block["data"]
        url = block["pagination"]["next"]


def write_jsonl(out, base, key, end):
    count = pages_seen = 0
    for sessions in pages(base, key, end):
        pages_seen += 1
        for s in sessions:
            out.write(json.dumps(unsigned(s), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            count += 1
    return count, pages_seen


def write_csv(out, base, key, end):
    columns = list(COLUMNS)
    rows = []  # (bytes, columns) of each spooled row
    count = pages_seen = 0
    with tempfile.TemporaryFile() as spool:
        for sessions in pages(base, key, end):
            pages_seen += 1
            for s in sessions:
                unsigned(s)
                for name, value in s.items():
                    if name not in KNOWN and name not in columns and \
                            not isinstance(value, (dict, list)):
                        columns.append(name)
                text = io.StringIO()
                csv.writer(text).writerow([cell(s.get(c)) for c in columns])
                data = text.getvalue().encode("utf-8")
                spool.write(data)
                rows.append((len(data), len(columns)))
                count += 1
        spool.seek(0)
        csv.writer(out).writerow(columns)
        out.flush()
        raw = out.buffer
        for size, width in rows:
            data = spool.read(size)
            raw.write(data[:-2] + b"," * (len(columns) - width) + b"\r\n")
    return count, pages_seen


def main():
    fmt, base, key, end, output = sys.argv[1:6]
    with open(output, "w", encoding="utf-8", newline="") as out:
        write = write_csv if fmt == "csv" else write_jsonl
        count, page_count = write(out, base, key, end)
    print(f"sessions {count}")
    print(f"pages {page_count}")


if __name__ == "__main__":
    main()
