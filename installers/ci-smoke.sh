#!/usr/bin/env bash
# CI smoke test of the Linux installers, from the jars ./mvnw -B verify (or package) already built:
#   1. builds the app image and runs its launcher: --version, then --self-test (engine, embedded broker, one trigger
#      invocation; no display needed);
#   2. with --deb (or TRIGGERLAB_SMOKE_DEB=1): builds the .deb, installs it with its dependencies on this machine as
#      it is (no desktop directories are created first), runs the installed /opt/triggerlab/bin/TriggerLab
#      --self-test, removes and purges it and checks nothing is left under /opt or in the menu.
# Needs only a JDK 17+; step 2 needs root and apt-get (Debian/Ubuntu) and installs what is missing. The maintainer
# scripts themselves are checked without installing anything by DebianPackageIT and RpmPackageIT (./mvnw verify).
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
  # jpackage's launcher asks rpm, when there is one, which package it belongs to; Debian's rpm keeps its database in
  # ~/.rpmdb and creates it on that query. That is rpm's doing, not TriggerLab's.
  written=$(ls -A "$home" | grep -Fvx '.rpmdb' || true)
  if [ -n "$written" ]; then echo "FAILED: the self-test wrote into HOME: $written" >&2; exit 1; fi
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
  # No desktop directories are created first: the maintainer scripts must cope with a machine without a desktop.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
  dpkg -s triggerlab | sed -n 's/^\(Status\|Version\):/  \1:/p'
  check_version /opt/triggerlab/bin/TriggerLab
  self_test /opt/triggerlab/bin/TriggerLab
  menu_entry=/usr/share/applications/triggerlab-TriggerLab.desktop
  icon=/usr/share/icons/hicolor/256x256/apps/triggerlab.png
  for file in "$menu_entry" "$icon"; do
    [ -f "$file" ] || { echo "FAILED: $file was not installed" >&2; exit 1; }
  done
  echo "menu entry: $menu_entry, icon: $icon"
  step "Remove, then purge"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq triggerlab >/dev/null
  for file in /opt/triggerlab "$menu_entry" "$icon"; do
    if [ -e "$file" ]; then echo "FAILED: $file is still there after apt-get remove" >&2; exit 1; fi
  done
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq triggerlab >/dev/null
  if dpkg -s triggerlab >/dev/null 2>&1; then echo "FAILED: dpkg still knows triggerlab after apt-get purge" >&2; exit 1; fi
  echo "removed and purged: /opt/triggerlab, the menu entry and the icon are gone"
  echo "deb: $(( $(date +%s) - deb_started ))s, $(du -h "$deb" | cut -f1)"
fi
echo
echo "Installer smoke test passed: app image ${image_seconds}s ($(du -sh installers/out/app-image/TriggerLab | cut -f1))."
