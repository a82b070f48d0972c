#!/usr/bin/env bash
# Builds a TriggerLab installer for this machine's platform with the JDK's jpackage (JDK 17+).
#
#   installers/package.sh [--skip-build] [--out DIR] [--uncompressed] TYPE
#     Linux:  TYPE = app-image | deb | rpm  (deb needs fakeroot, dpkg-deb, objcopy; rpm needs rpmbuild and objcopy:
#                                           installed here with apt-get when missing and running as root)
#     macOS:  TYPE = app-image | dmg | pkg
#     Windows: use installers/package.ps1
#   --skip-build    use the jars already in app/target (from ./mvnw -B -DskipTests package) instead of building them
#   --out DIR       where the package goes (DIR/TYPE/) and where its input is staged; default installers/out
#   --uncompressed  .deb and .rpm without compression: seconds instead of a minute, twice the size (installer tests)
#
# The jpackage options are data, not script: installers/common/*.args and installers/<platform>/<TYPE>.args, filtered
# by Maven into app/target/jpackage/. The .deb and .rpm also take their maintainer scripts, control file, spec and
# menu entry from installers/linux/resources/. Output goes to installers/out/<TYPE>/.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "Usage: installers/package.sh [--skip-build] [--out DIR] [--uncompressed] TYPE" >&2
  echo "       TYPE: Linux app-image|deb|rpm, macOS app-image|dmg|pkg" >&2
  exit 2
}

skip_build=false
uncompressed=false
out=installers/out
type=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) skip_build=true ;;
    --uncompressed) uncompressed=true ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift ;;
    -h|--help) usage ;;
    -*) echo "Unknown option '$1'." >&2; usage ;;
    *) [ -z "$type" ] || usage; type=$1 ;;
  esac
  shift
done
[ -n "$type" ] || usage

case "$(uname -s)" in
  Linux) platform=linux; types="app-image deb rpm" ;;
  Darwin) platform=macos; types="app-image dmg pkg" ;;
  *) echo "On Windows run installers\\package.ps1 (PowerShell) instead." >&2; exit 2 ;;
esac
case " $types " in
  *" $type "*) ;;
  *) echo "Package type '$type' cannot be built on $platform: choose one of: $types" >&2; exit 2 ;;
esac

jdk_tool() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1" || true; fi
}
jpackage=$(jdk_tool jpackage)
jar=$(jdk_tool jar)
if [ -z "$jpackage" ] || [ -z "$jar" ]; then
  echo "jpackage and jar were not found: install a full JDK 17+ (not a JRE) and set JAVA_HOME or PATH." >&2
  exit 2
fi

if [ "$type" = deb ] || [ "$type" = rpm ]; then
  missing=""
  if [ "$type" = deb ]; then
    command -v fakeroot >/dev/null || missing="$missing fakeroot"
    command -v dpkg-deb >/dev/null || missing="$missing dpkg"
  else
    command -v rpmbuild >/dev/null || missing="$missing rpm"
  fi
  command -v objcopy >/dev/null || missing="$missing binutils"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing what jpackage needs for a .$type:$missing"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      echo "A .$type needs:$missing. Install them: sudo apt-get install -y$missing (Fedora: sudo dnf install rpm-build binutils)" >&2
      exit 2
    fi
  fi
fi

if [ "$skip_build" = false ]; then
  ./mvnw -B -q -DskipTests package -pl app -am
fi
target=app/target
args=$target/jpackage
for needed in "$target/triggerlab-console.jar" "$target/lib" "$args/common/app.args" "$args/$platform/$type.args"; do
  if [ ! -e "$needed" ]; then
    echo "$needed is missing: run ./mvnw -B -DskipTests package first (or leave out --skip-build)." >&2
    exit 2
  fi
done

input=$out/input
rm -rf "$input" "$out/$type"
mkdir -p "$input/lib" "$input/openjfx"
cp "$target/triggerlab-console.jar" "$input/"
cp "$target"/lib/*.jar "$input/lib/"
# JavaFX's native libraries, taken out of its platform jars now, so that at run time JavaFX finds them in the
# application's openjfx/ folder (-Djavafx.cachedir, common/app.args) instead of extracting them into ~/.openjfx.
for fx in "$input"/lib/javafx-*.jar; do
  natives=$("$jar" tf "$fx" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
  [ -z "$natives" ] || (cd "$input/openjfx" && "$jar" xf "../lib/$(basename "$fx")" $natives)
done
[ -n "$(ls "$input/openjfx")" ] || { echo "No JavaFX native libraries found in $input/lib: is the JavaFX platform jar there?" >&2; exit 1; }

if [ "$uncompressed" = true ]; then
  export DPKG_DEB_COMPRESSOR_TYPE=none TRIGGERLAB_RPM_PAYLOAD=w0.ufdio
fi
started=$(date +%s)
run_jpackage() {
  "$jpackage" --type "$type" --input "$input" --dest "$out/$type" \
    "@$args/common/app.args" "@$args/common/runtime.args" "@$args/$platform/$type.args"
}
if [ "$type" = deb ]; then
  # Packed once, by finish-deb.sh, after it has moved files to their Debian places: jpackage's .deb stays uncompressed.
  DPKG_DEB_COMPRESSOR_TYPE=none run_jpackage
  installers/linux/finish-deb.sh "$out"/deb/*.deb
else
  run_jpackage
fi
seconds=$(( $(date +%s) - started ))

# macOS bundles carry a placeholder version (see macos/*.args): name the files after the real one.
if [ "$platform" = macos ] && [ "$type" != app-image ]; then
  version=$(sed -n 's/^--app-version //p' "$args/linux/app-image.args")
  for f in "$out/$type"/TriggerLab-*."$type"; do mv "$f" "$out/$type/TriggerLab-$version.$type"; done
fi
echo "Built $type in ${seconds}s:"
du -sh "$out/$type"/*
