#!/usr/bin/env bash
# Builds the macOS disk image (DMG) of SnapOtter with jpackage. Run on a Mac or the macOS runner
# (.github/workflows/installers-macos.yml); NOT run by `mvn verify` on Linux.
#
#   mvn -B -DskipTests -Dinstallers.skip=true -Dinstallers.sbom.skip=true -Djavafx.platform=mac-aarch64 -pl installers -am package
#   installers/macos/build-macos.sh 0.1.0-SNAPSHOT            # (Intel Macs: -Djavafx.platform=mac)
#
# Output: installers/target/installers/SnapOtter-<x.y.z>.dmg with SnapOtter.app; inside it
# Contents/MacOS/SnapOtter (GUI) and Contents/MacOS/snapotter-cli (the CLI; "snapotter" would clash with
# "SnapOtter" on the case-insensitive APFS default). The icon (.icns) is made here from the master PNG with
# sips + iconutil, which only exist on macOS.
# Signing/notarisation (optional): set MAC_SIGNING_KEY_USER_NAME (a "Developer ID Application" identity in the
# keychain) and the DMG is signed; notarise it afterwards with `xcrun notarytool submit --wait` (see docs/installing.md).
set -euo pipefail
version=${1:?usage: build-macos.sh VERSION [BUILD_DIR]}
build_dir=${2:-target}
here=$(cd "$(dirname "$0")" && pwd)
installers=$(cd "$here/.." && pwd)
root=$(cd "$installers/.." && pwd)
work="$installers/$build_dir/jpackage"
out="$installers/$build_dir/installers"
jdk=${JAVA_HOME:?JAVA_HOME must point to a JDK >= 25}
app_version=$(printf '%s' "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
# jpackage on macOS refuses a first version component of 0 (CFBundleVersion): pre-1.0 builds are numbered 1.x.y
# inside the bundle (documented in docs/installing.md); from 1.0 on the numbers are the real ones.
case $app_version in 0.*) app_version="1.${app_version#0.}" ;; esac
[ -f "$work/input/snapotter-desktop-$version.jar" ] || { echo "run the mvn command in the header first" >&2; exit 1; }

# Icon: master PNG -> iconset (16..1024) -> .icns
iconset="$work/SnapOtter.iconset"
rm -rf "$iconset" && mkdir -p "$iconset"
for s in 16 32 128 256 512; do
  sips -z $s $s "$root/assets/icons/snapotter-1024.png" --out "$iconset/icon_${s}x${s}.png" >/dev/null
  sips -z $((s * 2)) $((s * 2)) "$root/assets/icons/snapotter-1024.png" --out "$iconset/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$work/SnapOtter.icns"

available=$(for j in "$work"/fxmods/javafx-*.jar; do b=$(basename "$j"); b=${b#javafx-}; echo "javafx.${b%%-*}"; done | sort -u)
modules=$(sed -e 's/#.*//' "$installers/common/jlink-modules.txt" | awk 'NF && $1 !~ /^!/ {print $1}' |
  while read -r m; do case $m in javafx.*) if grep -qx "$m" <<<"$available"; then echo "$m"; fi ;; *) echo "$m" ;; esac; done | paste -sd, -)
rm -rf "$work/runtime-mac"
"$jdk/bin/jlink" --module-path "$work/fxmods" --add-modules "$modules" --strip-debug --no-header-files \
  --no-man-pages --strip-native-commands --compress=zip-6 --output "$work/runtime-mac"

sign=()
if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME"); fi
rm -rf "$work/app-image-mac" && mkdir -p "$out"
"$jdk/bin/jpackage" --type app-image --name SnapOtter --app-version "$app_version" --vendor SnapOtter \
  --input "$work/input" --main-jar "snapotter-desktop-$version.jar" --main-class dev.snapotter.desktop.Launcher \
  --runtime-image "$work/runtime-mac" \
  --java-options '--enable-native-access=ALL-UNNAMED,javafx.graphics' --java-options -Xshare:auto \
  --add-launcher "snapotter-cli=$installers/common/cli-launcher.properties" \
  --mac-package-identifier dev.snapotter.desktop --mac-package-name SnapOtter --mac-app-category public.app-category.graphics-design \
  "${sign[@]}" --icon "$work/SnapOtter.icns" --dest "$work/app-image-mac"
cp "$root/LICENSE" "$work/app-image-mac/SnapOtter.app/Contents/app/LICENSE"
"$jdk/bin/jpackage" --type dmg --app-image "$work/app-image-mac/SnapOtter.app" --name SnapOtter --app-version "$app_version" \
  --vendor SnapOtter --license-file "$root/LICENSE" "${sign[@]}" --dest "$out"
ls -l "$out"/*.dmg
