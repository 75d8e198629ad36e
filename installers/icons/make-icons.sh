#!/usr/bin/env bash
# Generates the app icons from the master drawing (assets/icons/snapotter-1024.png) with ImageMagick:
#   installers/icons/snapotter-256.png   Linux (jpackage --icon, .desktop entry)
#   installers/icons/snapotter.ico       Windows (16..256 px in one file)
# The macOS .icns is made on the macOS runner from the same master with sips + iconutil
# (installers/macos/build-macos.sh), because ImageMagick cannot write ICNS.
# The master itself is drawn here too when missing (a simple, licence-free drawing: CC0 like assets/samples).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
master="$here/../../assets/icons/snapotter-1024.png"
command -v convert >/dev/null || { echo "make-icons: ImageMagick (convert) is needed: apt-get install imagemagick" >&2; exit 2; }
if [ ! -f "$master" ]; then
  mkdir -p "$(dirname "$master")"
  # Teal rounded tile, a white "lens" ring (the snap) and an otter-brown dot (the otter's nose).
  convert -size 1024x1024 xc:none \
    -fill '#0f766e' -draw 'roundrectangle 64,64 960,960 180,180' \
    -fill none -stroke white -strokewidth 72 -draw 'circle 512,512 512,250' \
    -stroke none -fill '#f5deb3' -draw 'circle 512,512 512,400' \
    -fill '#5b3a29' -draw 'circle 512,512 512,452' \
    -fill white -draw 'circle 740,300 740,250' \
    -strip "$master"
fi
convert "$master" -resize 256x256 -strip "$here/snapotter-256.png"
convert "$master" -define icon:auto-resize=256,128,64,48,32,16 "$here/snapotter.ico"
echo "make-icons: $here/snapotter-256.png $here/snapotter.ico (from $master)"
