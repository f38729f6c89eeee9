#!/usr/bin/env bash
# Installs everything DIY Video Studio needs to build, test and run on Debian 12 (bookworm).
# Idempotent and non-interactive; used by the README, by .ci/run and by new developers.
set -euo pipefail

PACKAGES=(
  # toolchain (clang-format-14: the format check; its output differs between versions)
  build-essential cmake ninja-build pkg-config git ccache clang-format-14
  # fuzzing (preset `fuzz`): clang with libFuzzer and the ASan/UBSan runtimes
  clang libclang-rt-14-dev
  # Qt 6 (libgl-dev, libvulkan-dev: headers Qt6Gui's CMake package requires)
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins
  qt6-multimedia-dev qt6-svg-dev qt6-httpserver-dev
  libgl-dev libvulkan-dev
  # libraries
  nlohmann-json3-dev libspdlog-dev libfmt-dev libvalijson-dev libtomlplusplus-dev
  # media engine
  ffmpeg espeak-ng
  # fonts for cards and captions (Latin, Arabic/Hebrew, emoji)
  fonts-noto-core fonts-noto-color-emoji fonts-symbola fonts-dejavu-core
  # video playback in the studio
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav
  # API keys in the OS keychain: libsecret for QtKeychain; GNOME Keyring and a session bus give the
  # key-store test a real Secret Service (tests/core/providers/run_with_keyring.sh)
  libsecret-1-0 gnome-keyring dbus dbus-daemon
  # headless GUI tests and screenshots
  xvfb xauth
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
