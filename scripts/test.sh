#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite: the normal build,
# then (unless SESSIONSCOPE_QUICK=1) the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, then the fuzzers for a bounded time. Starts what the tests need
# (a PulseAudio daemon with a null sink, a D-Bus session with an unlocked keyring) and stops it
# afterwards. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/deps.sh"

jobs="$(nproc)"
build="${SESSIONSCOPE_BUILD_DIR:-$here/build-test}"
export QT_QPA_PLATFORM=offscreen
export QT_MEDIA_BACKEND=gstreamer

runtime="$(mktemp -d /tmp/sessionscope-test.XXXXXX)"
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
cleanup() {
    pulseaudio --kill >/dev/null 2>&1 || true
    rm -rf "$runtime"
}
trap cleanup EXIT

# Audio: the player tests really play through a null sink.
if ! pulseaudio --check >/dev/null 2>&1; then
    pulseaudio -D -n --exit-idle-time=-1 --disallow-exit \
        --load=module-null-sink --load="module-native-protocol-unix auth-anonymous=1" \
        >/dev/null 2>&1 ||
        echo "warning: PulseAudio did not start; audio tests will report it" >&2
fi

# A compiler cache, where one is installed, makes a second run rebuild only what changed.
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

# One limit per test program, ctest's 600 s below: QtTest's own watchdog (300 s by default) was
# seen ending a program that the sanitizers slow down on a loaded machine before ctest would.
export QTEST_FUNCTION_TIMEOUT=600000

run_suite() { # build-dir cmake-args...
    local dir="$1"
    shift
    cmake -S "$here" -B "$dir" -G Ninja "${launcher[@]}" "$@" >/dev/null
    ninja -C "$dir" -j"$jobs"
    # A session bus with a fresh, unlocked keyring (in a home of its own, so that a keyring left
    # by an earlier run with another password cannot lock it), so that the credential tests use
    # a real Secret Service.
    mkdir -p "$runtime/home"
    HOME="$runtime/home" dbus-run-session -- bash -c '
        eval "$(printf "sessionscope\n" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
        export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
        ctest --test-dir "$1" --output-on-failure -j"$2" --timeout 600
    ' _ "$dir" "$jobs"
}

run_suite "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSESSIONSCOPE_WERROR=ON

if [ "${SESSIONSCOPE_QUICK:-0}" != 1 ]; then
    echo "== The suite again under AddressSanitizer and UndefinedBehaviorSanitizer"
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_suite "$build-asan" -DCMAKE_BUILD_TYPE=Debug -DSESSIONSCOPE_SANITIZE=ON -DSESSIONSCOPE_BENCH=OFF
    if [ -x "$here/scripts/fuzz.sh" ]; then
        echo "== Fuzzers"
        "$here/scripts/fuzz.sh"
    fi
fi
