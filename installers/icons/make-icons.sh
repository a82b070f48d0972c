#!/usr/bin/env bash
# Draws TriggerLab's icon and writes it in the three formats jpackage wants. The results are committed, so packaging
# never needs these tools; run this only to change the icon.
#   Debian/Ubuntu: apt-get install -y imagemagick icnsutils icoutils
#   triggerlab.png  Linux (.deb menu entry and app image), 256x256
#   triggerlab.icns macOS (.app, .dmg, .pkg), built by png2icns from 16..512 px PNGs
#   triggerlab.ico  Windows (.exe launcher, .msi, Start menu), built by icotool from 16..256 px PNGs
set -euo pipefail
cd "$(dirname "$0")"
for tool in convert png2icns icotool; do
  command -v "$tool" >/dev/null || { echo "make-icons.sh needs $tool: apt-get install -y imagemagick icnsutils icoutils" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A rounded dark-teal tile with an orange lightning bolt: a trigger firing.
convert -size 512x512 xc:none \
  -fill '#12403c' -draw 'roundrectangle 16,16 495,495 96,96' \
  -fill '#ff9f1c' -stroke '#ffd166' -strokewidth 8 \
  -draw 'polygon 300,56 132,292 236,292 196,456 380,204 272,204 324,56' \
  -depth 8 "$work/512.png"
for size in 16 32 48 128 256; do
  convert "$work/512.png" -resize "${size}x${size}" -depth 8 "$work/$size.png"
done

cp "$work/256.png" triggerlab.png
png2icns triggerlab.icns "$work/16.png" "$work/32.png" "$work/48.png" "$work/128.png" "$work/256.png" "$work/512.png" >/dev/null
icotool -c -o triggerlab.ico "$work/16.png" "$work/32.png" "$work/48.png" -r "$work/256.png"
ls -l triggerlab.png triggerlab.icns triggerlab.ico
