#!/usr/bin/env bash
# Installs the Debian 12 packages Sessionscope needs to build, run and test.
# Idempotent: when everything is present it only checks and returns.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev-tools
  qt6-charts-dev qt6-multimedia-dev libqt6svg6-dev libqt6opengl6-dev
  libgl-dev libxkbcommon-dev libvulkan-dev
  qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev qt6-qpa-plugins
  qtkeychain-qt6-dev libsimdjson-dev zlib1g-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # transcripts hold emoji: without a colour emoji font they show as boxes
  fonts-noto-color-emoji
  # the window's translations: lupdate/lrelease for CMake (Qt6LinguistTools), Qt's own catalogues
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  pulseaudio pulseaudio-utils
  dbus dbus-x11 gnome-keyring libsecret-tools
  clang libclang-rt-14-dev openssl
  python3 curl
  # tests/app/tst_cli: a real proxy between the command line and the demo server
  squid
  # tests/store, tests/app/tst_cli_store: the store on a private PostgreSQL server
  postgresql-15
  # scripts/package-check.sh: builds the .deb (dpkg-shlibdeps) and checks it
  lintian desktop-file-utils appstream man-db dpkg-dev
  # scripts/bench.sh: /usr/bin/time reads the peak memory and CPU time of the programs it measures;
  # bench_store_window runs the same queries in the sqlite3 command-line tool
  time sqlite3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
