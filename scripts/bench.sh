#!/usr/bin/env bash
# Builds the Release tree's benchmark programs, runs them, prints their tables and rewrites
# BENCHMARKS.md with the machine, the date, this command and the tables. Every figure is printed
# beside baselines measured in the same run against the same demo server, as medians.
#
#   scripts/bench.sh            all programs (the full fetch of 100,000 sessions takes minutes)
#   BENCH_QUICK=1 scripts/bench.sh   one run per figure, 20,000 sessions only
#   BENCH_ONLY="bench_decode bench_fetch" scripts/bench.sh   only these programs
#
# The machine may be shared: the load average before and after is recorded beside the results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SESSIONSCOPE_BENCH_BUILD_DIR:-$here/build-bench}"
jobs="${BENCH_JOBS:-1}"
runs=3
# Five for the figures the fetch targets are read from: the host's busy phases last tens of
# seconds, and a median of three was seen to move by 20% from one invocation to the next.
target_runs=5
[[ "${BENCH_QUICK:-0}" == 1 ]] && runs=1 && target_runs=1

export QT_QPA_PLATFORM=offscreen

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
# Only the benchmark programs (and what they link), whichever of them this tree defines.
mapfile -t targets < <(ninja -C "$build" -t targets all 2>/dev/null |
    sed -n 's/^\(bench_[a-z0-9_]*\): phony$/\1/p' | grep -v _autogen | sort -u)
if ((${#targets[@]} == 0)); then
    mapfile -t targets < <(ninja -C "$build" -t targets all |
        sed -n 's/^\(bench_[a-z0-9_]*\): .*/\1/p' | sort -u)
fi
if [[ -n "${BENCH_ONLY:-}" ]]; then
    read -r -a targets <<<"$BENCH_ONLY"
fi
ninja -C "$build" -j"$jobs" "${targets[@]}" sessionscope-demo-server >&2

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

run() { # title program args...
    local title="$1"
    shift
    echo "running $* ..." >&2
    {
        printf '\n# %s\n\n`%s`\n' "$title" "${*/#$build\//}"
        "$@" 2>&1
    } | tee -a "$results"
}

bin="$build/bench"
has() { [[ " ${targets[*]} " == *" $1 "* && -x "$bin/$1" ]]; }
has bench_decode && run "Decode throughput" "$bin/bench_decode"
if has bench_fetch; then
    run "Full fetch, 20,000 sessions" "$bin/bench_fetch" --sessions 20000 --runs "$target_runs" \
        --sweep 1,2,4,6 --first-page --memory
    if [[ "${BENCH_QUICK:-0}" != 1 ]]; then
        run "Full fetch, 8,000 sessions (every page fits the server's cache)" \
            "$bin/bench_fetch" --sessions 8000 --runs 5
        run "Full fetch, 100,000 sessions" "$bin/bench_fetch" --sessions 100000 --runs "$runs"
    fi
fi
# The other programs (table, transcript, charts, ...) take no arguments.
for t in "${targets[@]}"; do
    case "$t" in bench_decode | bench_fetch) continue ;; esac
    [[ -x "$bin/$t" ]] && run "$t" "$bin/$t"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
ram="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`scripts/bench.sh\`$([[ "${BENCH_QUICK:-0}" == 1 ]] && echo ' (BENCH_QUICK=1)'); do not edit by hand."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs, $cpu, $ram RAM; $(uname -sr)"
    echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after (the machine is shared)"
    echo "- Build: Release (\`cmake -G Ninja -DCMAKE_BUILD_TYPE=Release\`), $(g++ --version | head -1), Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6)"
    echo "- Command: \`${BENCH_ONLY:+BENCH_ONLY=\"$BENCH_ONLY\" }scripts/bench.sh\`; each program starts its own demo server, so all figures"
    echo "  of one table come from the same server and the same run."
    cat "$results"
    if [[ -f "$here/bench/notes.md" ]]; then
        echo
        cat "$here/bench/notes.md"
    fi
} >"$here/BENCHMARKS.md"
echo "wrote $here/BENCHMARKS.md" >&2
