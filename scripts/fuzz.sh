#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in a tree of their own and runs each for a bounded
# time, from the seed corpus in fuzz/corpus/<target>/. Prints each target's executions and
# corpus size; exits non-zero when a target crashes, leaks past the RSS limit or breaks an
# invariant (the crashing input is kept in the work directory and named on stderr).
#
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_BUILD_DIR, FUZZ_JOBS (default nproc;
# the targets run side by side, one per job).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-$(nproc)}"
targets=(fuzz_decoder fuzz_parsers)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/deps.sh installs it)" >&2; exit 1; }

start=$(date +%s)
CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSESSIONSCOPE_FUZZ=ON >/dev/null
ninja -C "$build" -j"$jobs" "${targets[@]}"
echo "fuzz: built in $(($(date +%s) - start)) s"

# A work directory per run: the seed corpus stays as committed, new inputs go here.
work="$build/fuzz-run"
rm -rf "$work"
mkdir -p "$work"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_target() { # name
    local name="$1"
    mkdir -p "$work/$name/corpus"
    (cd "$work/$name" &&
        "$build/fuzz/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
            -timeout=20 -print_final_stats=1 corpus "$here/fuzz/corpus/$name" \
            >"$work/$name.log" 2>&1)
}

pids=()
status=0
running=0
for t in "${targets[@]}"; do
    run_target "$t" &
    pids+=("$!")
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
        running=$((running - 1))
    fi
done
for p in "${pids[@]}"; do
    wait "$p" || status=1
done

for t in "${targets[@]}"; do
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo "?")
    inputs=$(find "$work/$t/corpus" "$here/fuzz/corpus/$t" -type f | wc -l)
    cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1 || true)
    echo "fuzz: $t: $runs executions in ${seconds} s, $inputs corpus inputs, $cov"
    if grep -qE 'ERROR: (AddressSanitizer|libFuzzer)|runtime error:|invariant violated' "$work/$t.log"; then
        status=1
        echo "fuzz: $t FAILED; log $work/$t.log; crash input:" >&2
        ls "$work/$t"/crash-* "$work/$t"/leak-* "$work/$t"/oom-* "$work/$t"/timeout-* 2>/dev/null >&2 || true
        grep -m1 -A30 -E 'ERROR|runtime error|invariant' "$work/$t.log" >&2 || true
    fi
done
echo "fuzz: total $(($(date +%s) - start)) s"
exit "$status"
