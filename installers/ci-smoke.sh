#!/usr/bin/env bash
# CI smoke test of the Linux installers, from the jars ./mvnw -B verify (or package) already built:
#   1. builds the app image and runs its launcher: --version, then --self-test (engine, embedded broker, one trigger
#      invocation; no display needed);
#   2. with --deb (or TRIGGERLAB_SMOKE_DEB=1): builds the .deb, installs it with its dependencies, runs the installed
#      /opt/triggerlab/bin/TriggerLab --self-test, removes it and checks nothing is left under /opt or in the menu.
# Needs only a JDK 17+; step 2 needs root and apt-get (Debian/Ubuntu) and installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_deb=${TRIGGERLAB_SMOKE_DEB:-0}
for arg in "$@"; do
  case "$arg" in
    --deb) with_deb=1 ;;
    *) echo "Usage: installers/ci-smoke.sh [--deb]" >&2; exit 2 ;;
  esac
done

step() { echo; echo "== $* =="; }
check_version() {
  local output
  output=$(env -u DISPLAY -u WAYLAND_DISPLAY "$1" --version)
  echo "$output"
  [[ "$output" =~ ^TriggerLab\ console\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "FAILED: unexpected --version output" >&2; exit 1; }
}
self_test() {
  # The self-test uses a temporary data directory; HOME points at an empty one to prove the user's is not touched.
  local home
  home=$(mktemp -d)
  env -u DISPLAY -u WAYLAND_DISPLAY -u TRIGGERLAB_HOME HOME="$home" "$1" --self-test
  if [ -n "$(ls -A "$home")" ]; then echo "FAILED: the self-test wrote into HOME: $(ls -A "$home")" >&2; exit 1; fi
  rm -rf "$home"
}

started=$(date +%s)
step "Linux app image"
installers/package.sh --skip-build app-image
launcher=installers/out/app-image/TriggerLab/bin/TriggerLab
check_version "$launcher"
self_test "$launcher"
image_seconds=$(( $(date +%s) - started ))

if [ "$with_deb" = 1 ]; then
  deb_started=$(date +%s)
  step "Debian package"
  installers/package.sh --skip-build deb
  deb=$(ls installers/out/deb/triggerlab_*.deb)
  dpkg-deb --info "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Installed-Size\):/  \1:/p'
  step "Install (dpkg, dependencies through apt-get)"
  # dpkg -i alone stops at a missing dependency (libgtk-3-0 on a bare machine); apt-get installs the file with them.
  # jpackage's postinst registers the menu entry with xdg-desktop-menu, which gives up ("No writable system menu
  # directory found") where no desktop environment ever created these directories: a bare CI image. Desktops have them.
  mkdir -p /usr/share/desktop-directories /etc/xdg/menus
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
  dpkg -s triggerlab | sed -n 's/^\(Status\|Version\):/  \1:/p'
  check_version /opt/triggerlab/bin/TriggerLab
  self_test /opt/triggerlab/bin/TriggerLab
  menu_entry=$(ls /usr/share/applications | grep -i triggerlab) || { echo "FAILED: no menu entry in /usr/share/applications" >&2; exit 1; }
  echo "menu entry: /usr/share/applications/$menu_entry"
  step "Remove"
  dpkg -r triggerlab >/dev/null
  if [ -e /opt/triggerlab ]; then echo "FAILED: /opt/triggerlab is still there after dpkg -r" >&2; exit 1; fi
  if ls /usr/share/applications 2>/dev/null | grep -qi triggerlab; then echo "FAILED: the menu entry is still there" >&2; exit 1; fi
  echo "removed: /opt/triggerlab and the menu entry are gone"
  echo "deb: $(( $(date +%s) - deb_started ))s, $(du -h "$deb" | cut -f1)"
fi
echo
echo "Installer smoke test passed: app image ${image_seconds}s ($(du -sh installers/out/app-image/TriggerLab | cut -f1))."
