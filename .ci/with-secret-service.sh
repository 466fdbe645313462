#!/bin/sh
# Runs a command (e.g. `cargo test`) against a real, throwaway Secret Service:
# a private D-Bus session bus with an unlocked gnome-keyring on it.
#   sh .ci/with-secret-service.sh cargo test
# Works from any directory. Plain `cargo test` also runs each Secret Service test under
# this script by itself (see src/credentials/keyring.rs), so wrapping is optional.
# Needs the Debian/Ubuntu packages: dbus gnome-keyring libsecret-tools keyutils.
# The command's exit code passes through; nothing is left running afterwards.
set -eu
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/run"
# A private runtime/data dir, so the developer's real login keyring is never touched.
export XDG_RUNTIME_DIR="$dir/run" XDG_DATA_HOME="$dir/data"
# No display: a locked keyring then fails fast instead of waiting on an unlock dialog.
# No GNOME_KEYRING_CONTROL: it could point gnome-keyring-daemon at the real daemon.
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL
# Tells the Secret Service tests that this bus is a disposable one they may use.
export PADLOCK_TEST_SECRET_SERVICE=1
dbus-run-session -- sh -c '
  # --unlock creates and unlocks the "login" collection with the password read here.
  printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # The daemon takes its bus name a little after --unlock returns: wait for it (max 5 s),
  # and note its pid, to stop it at the end.
  pid= tries=0
  while [ -z "$pid" ]; do
    [ "$tries" -lt 100 ] || { echo "gnome-keyring did not start" >&2; exit 1; }
    tries=$((tries + 1))
    pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
      2>/dev/null | awk "/uint32/ { print \$2 }") || :
    [ -n "$pid" ] || sleep 0.05
  done
  status=0; "$@" || status=$?
  # The daemon would quit with the bus, but not if a test left it SIGSTOPped.
  kill -CONT "$pid" 2>/dev/null; kill "$pid" 2>/dev/null
  exit "$status"' sh "$@"
