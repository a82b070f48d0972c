#!/usr/bin/env bash
# Gives the .deb that jpackage built the layout Debian expects, then packs it once:
#   installers/linux/finish-deb.sh DEB
# jpackage (JDK 17) can only install under /opt/<package>: it leaves the menu entry and the icon there for
# xdg-desktop-menu, and the copyright in /opt/triggerlab/share/doc. This moves the menu entry to
# /usr/share/applications, puts the icon into the hicolor theme and the copyright, a changelog and the lintian
# overrides under /usr/share, drops the empty preinst, lists md5sums and recomputes Installed-Size. dpkg then installs
# and removes all of them as package files. installers/package.sh has jpackage pack the .deb uncompressed (quick)
# and this script compresses it: xz unless DPKG_DEB_COMPRESSOR_TYPE says otherwise (none for the installer tests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deb=${1:?usage: installers/linux/finish-deb.sh DEB}

work=$(mktemp -d "$(dirname "$deb")/.finish-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
dpkg-deb --raw-extract "$deb" "$root"
package=$(sed -n 's/^Package: //p' "$root/DEBIAN/control")
version=$(sed -n 's/^Version: //p' "$root/DEBIAN/control")
maintainer=$(sed -n 's/^Maintainer: //p' "$root/DEBIAN/control")
app=$root/opt/$package
desktop=$(cd "$app/lib" && ls ./*.desktop)
icon=$(cd "$app/lib" && ls ./*.png)

install -D -m 644 "$app/lib/$desktop" "$root/usr/share/applications/${desktop#./}"
rm "$app/lib/$desktop"
install -D -m 644 "$app/lib/$icon" "$root/usr/share/icons/hicolor/256x256/apps/$package.png"

doc=$root/usr/share/doc/$package
install -D -m 644 "$app/share/doc/copyright" "$doc/copyright"
rm -r "$app/share"
# A Debian revision (-1) makes this a non-native package, whose changelog is changelog.Debian.gz. Its date is the
# build's (or SOURCE_DATE_EPOCH's, for a reproducible build).
{
  echo "$package ($version) unstable; urgency=medium"
  echo
  echo "  * TriggerLab ${version%-*}, packaged with jpackage (release notes: GitHub releases)."
  echo
  echo " -- $maintainer  $(date -R -u ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH})"
} | gzip -9n > "$doc/changelog.Debian.gz"
chmod 644 "$doc/changelog.Debian.gz"
install -D -m 644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/$package"

# jpackage marks its launcher library executable; it is only ever loaded (dlopen), like any shared library.
chmod 644 "$app/lib/libapplauncher.so"
# jpackage always writes a preinst; TriggerLab's has nothing to do (resources/ has none, so this is its empty default).
rm -f "$root/DEBIAN/preinst"

(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/md5sums"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"

dpkg-deb --root-owner-group -Z"${DPKG_DEB_COMPRESSOR_TYPE:-xz}" --build "$root" "$deb" >/dev/null
