#!/usr/bin/env python3
"""Sums the usage API's totals per character the way a user's script would: standard library
only, one page after another (page_size=200), following `next` until it is null.

The baseline bench_fetch measures Sessionscope against. Money is summed as Decimal and printed
as integer micro-dollars so that the totals can be compared with the server's exactly.

usage: fetch_python.py BASE_URL API_KEY END_ISO
prints: `char SLUG SESSIONS LLM_IN LLM_OUT TTS_CHARS COST_MICROS` lines, then `pages N`.
"""
import json
import sys
import urllib.parse
import urllib.request
from decimal import Decimal


def main():
    base, key, end = sys.argv[1:4]
    url = base.rstrip("/") + "/api/billing/usage/?" + urllib.parse.urlencode(
        {"end": end, "page_size": 200})
    totals = {}
    pages = 0
    while url:
        request = urllib.request.Request(url, headers={"X-API-Key": key})
        with urllib.request.urlopen(request) as reply:
            body = json.load(reply)
        pages += 1
        block = body["data"]["sessions"]
        for s in block["data"]:
            t = totals.setdefault(s["character_slug"], [0, 0, 0, 0, Decimal(0)])
            t[0] += 1
            t[1] += s["llm_input_tokens"]
            t[2] += s["llm_output_tokens"]
            t[3] += s["tts_characters"]
            t[4] += Decimal(s["estimated_cost_usd"])
        url = block["pagination"]["next"]
    for slug in sorted(totals):
        n, llm_in, llm_out, tts, cost = totals[slug]
        print(f"char {slug} {n} {llm_in} {llm_out} {tts} {int(cost * 1000000)}")
    print(f"pages {pages}")


if __name__ == "__main__":
    main()
