#!/usr/bin/env bash
# Builds the Debian package from a build folder and checks it as a user would meet it:
#   scripts/package-check.sh [BUILD_DIR]        (default: build)
# lintian (no errors; warnings are listed), desktop-file-validate, appstreamcli validate, the man
# pages rendered without a warning, then the programs run from the unpacked package: --version,
# a headless report on the built-in demo, the window's program found from the command line, and a
# report against the packaged demo server.
# Needs no root. Exits non-zero on the first failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-$here/build}" && pwd)"
started=$SECONDS

work="$(mktemp -d /tmp/sessionscope-package.XXXXXX)"
demo_pid=""
cleanup() {
    [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "package-check: $*" >&2
    exit 1
}

for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli man readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/deps.sh installs it)"
done

echo "== Package: cpack -G DEB"
cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb="$(ls "$work"/out/sessionscope_*.deb)"
version="$(dpkg-deb -f "$deb" Version)"
upstream="${version%-*}"
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes, installed $(dpkg-deb -f "$deb" Installed-Size) KiB"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
# What Qt loads at run time must be there beside what the binaries link.
for needed in libqt6widgets6 libqt6keychain1 qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql \
    gstreamer1.0-plugins-good gstreamer1.0-libav; do
    [[ ", $depends," == *", $needed"[\ ,]* ]] || fail "Depends lacks $needed"
done

echo "== lintian"
# Exit status 1 means it found errors (listed below); anything else beyond 0 is lintian failing.
status=0
lintian --display-info "$deb" >"$work/lintian.txt" 2>"$work/lintian.err" || status=$?
if [ "$status" -gt 1 ]; then
    cat "$work/lintian.txt" "$work/lintian.err" >&2
    fail "lintian did not run (exit status $status)"
fi
if grep -q '^E:' "$work/lintian.txt"; then
    cat "$work/lintian.txt" >&2
    fail "lintian reports errors"
fi
if grep -q '^[WIP]:' "$work/lintian.txt"; then
    echo "lintian: no errors; warnings and notes:"
    grep '^[WIP]:' "$work/lintian.txt" | sed 's/^/  /'
else
    echo "lintian: clean"
fi

root="$work/root"
dpkg-deb -x "$deb" "$root"

echo "== desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/io.sessionscope.Sessionscope.desktop"
grep -qx 'MimeType=x-scheme-handler/sessionscope;' \
    "$root/usr/share/applications/io.sessionscope.Sessionscope.desktop" ||
    fail "the desktop entry does not handle sessionscope: links"
metainfo="$root/usr/share/metainfo/io.sessionscope.Sessionscope.metainfo.xml"
appstreamcli validate --no-net "$metainfo"
newest="$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)"
[ "$newest" = "$upstream" ] || fail "the metainfo's newest release is $newest, the package $upstream"

echo "== man pages"
for page in "$root"/usr/share/man/man1/*.1.gz; do
    warnings="$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)"
    [ -z "$warnings" ] || fail "$(basename "$page"): $warnings"
    echo "$(basename "$page"): renders without warnings"
done

echo "== The unpacked programs"
# No display: the commands must not need one.
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u SESSIONSCOPE_API_KEY \
    -u SESSIONSCOPE_TOKEN "$@"; }
shown="$(run "$root/usr/bin/sessionscope" --version)"
[ "$shown" = "sessionscope $upstream" ] || fail "--version says \"$shown\", not $upstream"
echo "$shown"
report="$(run "$root/usr/bin/sessionscope" report --demo --format json)"
[[ "$report" == *'"total_sessions"'* ]] || fail "report --demo printed: $report"
echo "report --demo: ok"
# `sessionscope` links no Qt library and starts the program for the job from libexec: the
# commands' programs link no GUI library (the store's commands no network library either), and a
# link the window's parser refuses (with "without a user name") shows that the window's program
# got it, without opening a window.
libexec="$root/usr/libexec/sessionscope"
for program in sessionscope-window sessionscope-commands sessionscope-store-commands; do
    [ -x "$libexec/$program" ] || fail "the package has no $libexec/$program"
done
qt="$(readelf -d "$root/usr/bin/sessionscope" | grep -Eo 'libQt6[^]]*' || true)"
[ -z "$qt" ] || fail "sessionscope links Qt libraries: $qt"
for program in sessionscope-commands sessionscope-store-commands; do
    gui="$(readelf -d "$libexec/$program" |
        grep -Eo 'lib(Qt6(Gui|Widgets|Multimedia|Charts|DBus)|qt6keychain)[^]]*' || true)"
    [ -z "$gui" ] || fail "$program links GUI libraries: $gui"
done
network="$(readelf -d "$libexec/sessionscope-store-commands" |
    grep -Eo 'libQt6(Network|HttpServer)[^]]*' || true)"
[ -z "$network" ] || fail "sessionscope-store-commands links network libraries: $network"
searched="$(run "$root/usr/bin/sessionscope" search --help)"
[[ "$searched" == "Usage: sessionscope search"* ]] || fail "search --help printed: $searched"
status=0
handed="$(run env QT_QPA_PLATFORM=offscreen "$root/usr/bin/sessionscope" \
    'sessionscope://session/s1?server=https://u:p@a.example' 2>&1)" || status=$?
[ "$status" -eq 2 ] && [[ "$handed" == *"without a user name"* ]] ||
    fail "sessionscope did not hand the window over to sessionscope-window ($status): $handed"
echo "sessionscope links no Qt library and starts the programs in libexec: ok"

# The packaged demo server on a free port, and a report against it over HTTP.
# Started by env itself, not through run(): a function sent to the background is a subshell,
# and $! would name the subshell, leaving the server running after the cleanup's kill.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u SESSIONSCOPE_API_KEY -u SESSIONSCOPE_TOKEN \
    "$root/usr/bin/sessionscope-demo-server" --port 0 --sessions 300 --seed 1 \
    >"$work/demo.txt" 2>&1 &
demo_pid=$!
for _ in $(seq 1 300); do
    grep -q '^staff-key: ' "$work/demo.txt" && break
    kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.txt" >&2; fail "the demo server stopped"; }
    sleep 0.1
done
api="$(sed -n 's/^api-url: //p' "$work/demo.txt")"
key="$(sed -n 's/^staff-key: //p' "$work/demo.txt")"
[ -n "$api" ] && [ -n "$key" ] || fail "the demo server did not say where it listens"
report="$(SESSIONSCOPE_API_KEY="$key" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
    "$root/usr/bin/sessionscope" report --base-url "$api" --format json)"
[[ "$report" == *'"total_sessions":300,'* ]] || fail "report against the demo server: $report"
echo "report against sessionscope-demo-server: ok"

echo "package-check: ok in $((SECONDS - started)) s"
