#!/usr/bin/env bash
# Builds the benchmark programs, runs them, prints their tables and rewrites BENCHMARKS.md with
# the machine, the date, this command and the tables. Every figure is printed beside baselines
# measured in the same run against the same demo server, as medians of several runs.
#
#   scripts/bench.sh                  all programs; export and full fetch of 20,000 and 100,000
#                                     sessions (about 9 minutes on the shared two-core machine at a
#                                     load average of 2-8, the build not counted)
#   BENCH_QUICK=1 scripts/bench.sh    20,000 sessions only, fewer runs per figure
#   BENCH_ONLY="bench_export bench_fetch" scripts/bench.sh   only these programs
#   SESSIONSCOPE_BENCH_BUILD_DIR=build scripts/bench.sh      an existing build tree, as configured
#
# The machine may be shared: the load average before and after is recorded beside the results,
# and each program prints it again beside its own table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SESSIONSCOPE_BENCH_BUILD_DIR:-$here/build-bench}"
jobs="${BENCH_JOBS:-1}"
quick="${BENCH_QUICK:-0}"
runs=3
# Five for the figures targets are read from where a run takes about a second: the host's busy
# phases last tens of seconds, and a median of three was seen to move by 20% between invocations.
target_runs=5
[[ "$quick" == 1 ]] && runs=1 && target_runs=3

export QT_QPA_PLATFORM=offscreen
# bench_export and bench_tls run these; /usr/bin/time comes with the package `time`.
for tool in /usr/bin/time curl python3 openssl; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/deps.sh" >&2; exit 1; }
done

# The programs run Debian's Python where it exists, as a user of this system would (see childrun.h).
python_bin=/usr/bin/python3
[[ -x "$python_bin" ]] || python_bin=python3

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
fi
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")"
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
kept="$(mktemp)"
trap 'rm -f "$results" "$kept"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started=$SECONDS

run() { # title program args...
    local title="$1"
    shift
    echo "running $* ..." >&2
    {
        printf '\n# %s\n\n`%s`\n' "$title" "${*/#$build\//}"
        # Qt's notes about the offscreen platform are not results.
        "$@" 2>&1 | grep -v -e '^QStandardPaths: XDG_RUNTIME_DIR not set' \
            -e '^This plugin does not support propagateSizeHints'
    } | tee -a "$results"
}

bin="$build/bench"
has() { [[ " ${targets[*]} " == *" $1 "* && -x "$bin/$1" ]]; }
has bench_export &&
    run "sessionscope export against Python, 20,000 sessions" "$bin/bench_export" \
        --sessions 20000 --runs "$runs"
has bench_fetch &&
    run "Full fetch against Python, 20,000 sessions" "$bin/bench_fetch" --sessions 20000 \
        --runs "$target_runs" --in-flight 4,1,6
if [[ "$quick" != 1 ]]; then
    # The Python script takes 20-50 s for 100,000 sessions: once is enough beside it.
    has bench_export &&
        run "sessionscope export against Python, 100,000 sessions" "$bin/bench_export" \
            --sessions 100000 --runs "$runs" --python-runs 1
    has bench_fetch &&
        run "Full fetch against Python, 100,000 sessions" "$bin/bench_fetch" --sessions 100000 \
            --runs "$runs" --python-runs 1
fi
has bench_sync &&
    run "sessionscope sync against Python, 20,000 sessions" "$bin/bench_sync" \
        --sessions 20000 --runs "$runs"
if [[ "$quick" != 1 ]]; then
    has bench_sync &&
        run "sessionscope sync against Python, 100,000 sessions" "$bin/bench_sync" \
            --sessions 100000 --runs "$runs" --python-runs 1
fi
has bench_tls &&
    run "Full fetch over HTTPS with latency against curl" "$bin/bench_tls" --sessions 20000 \
        --latency 20 --runs "$target_runs" --in-flight 4,6
has bench_decode && run "Decode throughput" "$bin/bench_decode"
# The store of 100,000 sessions and its JSONL export are made once (a few minutes) and kept in
# the build's bench/work folder.
has bench_search &&
    run "Search" "$bin/bench_search" --sessions 100000 --runs "$target_runs"
# The offline window reads the same store (it only reads it); alone, it fills one of its own.
store_args=()
[[ -f "$bin/work/search-100000.sqlite" ]] && store_args=(--database "$bin/work/search-100000.sqlite")
has bench_store_window &&
    run "Offline window on the store" "$bin/bench_store_window" --sessions 100000 \
        --runs "$target_runs" "${store_args[@]}"
# The other programs (table, transcript, charts, ...) take no arguments.
for t in "${targets[@]}"; do
    case "$t" in
    bench_export | bench_fetch | bench_sync | bench_tls | bench_decode | bench_search | bench_store_window)
        continue
        ;;
    esac
    [[ -x "$bin/$t" ]] && run "$t" "$bin/$t"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
elapsed=$((SECONDS - started))

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
ram="$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
command_line="scripts/bench.sh"
[[ "$quick" == 1 ]] && command_line="BENCH_QUICK=1 $command_line"
[[ -n "${BENCH_ONLY:-}" ]] && command_line="BENCH_ONLY=\"$BENCH_ONLY\" $command_line"
[[ -n "${SESSIONSCOPE_BENCH_BUILD_DIR:-}" ]] &&
    command_line="SESSIONSCOPE_BENCH_BUILD_DIR=${SESSIONSCOPE_BENCH_BUILD_DIR#"$here"/} $command_line"
# With BENCH_ONLY, the tables of the programs not run are kept from the file as it was: each
# keeps its own command line and load average.
if [[ -n "${BENCH_ONLY:-}" && -f "$here/BENCHMARKS.md" ]]; then
    "$python_bin" - "$here/BENCHMARKS.md" "${targets[@]}" >"$kept" <<'PYTHON'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
run = set(sys.argv[2:])
for section in re.split(r"\n(?=# )", text):
    program = re.search(r"^`bench/(bench_[a-z0-9_]+)", section, re.M)
    if section.startswith("# ") and program and program.group(1) not in run:
        print("\n" + section.rstrip("\n"))
PYTHON
fi
{
    echo "# Benchmarks"
    echo
    echo "Produced by \`scripts/bench.sh\`; do not edit by hand."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) CPUs, $cpu, $ram RAM; $(uname -sr)"
    echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after (the machine is shared)"
    echo "- Build: $build_type, $(g++ --version | head -1), Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6);" \
        "$("$python_bin" --version 2>&1), $(curl --version | head -1 | cut -d' ' -f1-2)"
    echo "- Command: \`$command_line\` ($elapsed s, the build not counted); each program starts its"
    echo "  own demo server, so all figures of one table come from the same server and the same run."
    cat "$results"
    if [[ -s "$kept" ]]; then
        echo
        echo "The tables below were not measured again by this command; they are the previous"
        echo "file's, each with its own command and load average."
        cat "$kept"
    fi
    if [[ -f "$here/bench/notes.md" ]]; then
        echo
        cat "$here/bench/notes.md"
    fi
} >"$here/BENCHMARKS.md"
echo "wrote $here/BENCHMARKS.md ($elapsed s)" >&2
