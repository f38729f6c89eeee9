#!/bin/sh
# Runs a test program with a private D-Bus session bus and an unlocked GNOME Keyring: a real
# Secret Service for QtKeychain, isolated from the user's own keyring (data in a temporary folder).
# Usage: run_with_keyring.sh <program> [arguments...]
set -eu
command -v dbus-run-session >/dev/null || { echo "run_with_keyring: dbus-run-session missing (Debian package dbus-bin; run packaging/install-deps.sh)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "run_with_keyring: gnome-keyring-daemon missing (Debian package gnome-keyring; run packaging/install-deps.sh)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime" "$scratch/data" "$scratch/config"
export XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
unset DISPLAY WAYLAND_DISPLAY
dbus-run-session -- sh -c '
  printf "diy-test-keyring" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null || exit 1
  exec "$@"' sh "$@"
