#!/usr/bin/env bash
# Installs what is missing, builds Sessionscope and opens it on the bundled demo server.
# Extra arguments go to the application (for example --session ID).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/deps.sh"
build="${SESSIONSCOPE_BUILD_DIR:-$here/build}"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" sessionscope sessionscope-demo-server
exec "$build/app/sessionscope" --demo "$@"
