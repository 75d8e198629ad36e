#!/usr/bin/env bash
# Builds the Linux packages of the SnapOtter desktop app with jpackage (called by `mvn package` in
# installers/, see docs/installing.md):
#
#   1. Java runtime: jlink of installers/common/jlink-modules.txt + the JavaFX platform jars as modules,
#      cached by JDK + module list + JavaFX jars; jdeps checks no class-path jar needs a module outside it;
#   2. app-image SnapOtter/ with two launchers: bin/SnapOtter (GUI, dev.snapotter.desktop.Launcher) and
#      bin/snapotter (CLI, dev.snapotter.cli.Main; installers/common/cli-launcher.properties);
#   3. the portable tarball  snapotter-<version>-linux-<arch>.tar.gz  (the app-image, runs from anywhere);
#   4. the Debian package    snapotter_<debversion>_<arch>.deb        (installs to /opt/snapotter,
#      /usr/bin/snapotter symlink, menu entry; Depends adds libgtk-3-0, which JavaFX dlopens).
#
# Usage: build-linux.sh --input DIR --fxmods DIR --version V --main-jar JAR --out DIR --work DIR [--no-deb]
#          [--deb-compression xz|gzip|zstd|none]   (xz: smallest, ~3 min on 2 busy cores; gzip: ~30 s, about +10 % size)
# Environment: JAVA_HOME (a JDK >= 25 with jpackage; else found under /usr/lib/jvm).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
installers=$(cd "$here/.." && pwd)
root=$(cd "$installers/.." && pwd)
input="" fxmods="" version="" main_jar="" out="" work="" make_deb=true compression=xz

say() { printf '[build-linux] %s\n' "$*" >&2; }
die() { printf '[build-linux] ERROR: %s\n' "$*" >&2; exit 1; }
sha() { sha256sum | cut -c1-16; }

while [ $# -gt 0 ]; do
  case $1 in
    --input) input=$2; shift 2 ;;
    --fxmods) fxmods=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --main-jar) main_jar=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-deb) make_deb=false; shift ;;
    --deb-compression) compression=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
for v in input fxmods version main_jar out work; do [ -n "${!v}" ] || die "--${v//_/-} is required"; done
[ -f "$input/$main_jar" ] || die "main jar $input/$main_jar missing (run through Maven: mvn -pl installers -am package)"
ls "$fxmods"/javafx-*.jar >/dev/null 2>&1 || die "no JavaFX platform jars in $fxmods"

find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/jpackage" ] || [ ! -x "$c/bin/jlink" ]; then continue; fi
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
jdk=$(find_jdk) || die "no JDK >= 25 with jpackage found (JAVA_HOME or /usr/lib/jvm/*)"
command -v dpkg-deb >/dev/null || { say "dpkg-deb not found: building the app-image and tarball only"; make_deb=false; }

# jpackage versions are numeric (MSI even needs x.y.z <= 255.255.65535): 0.1.0-SNAPSHOT -> 0.1.0.
app_version=$(printf '%s' "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')
deb_arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)
mkdir -p "$out" "$work"
t0=$(date +%s)

# Unchanged inputs (same jars, scripts, resources, options) -> the packages already built are reused.
inputs_key=$( { cd "$input" && sha256sum ./*.jar; cd "$fxmods" && sha256sum ./*.jar; cat "$here/build-linux.sh" "$installers"/common/* "$here"/resources/* "$installers/icons/snapotter-256.png";
  echo "$version $compression $make_deb"; } | sha)
stamp="$out/.linux-packages-$inputs_key"
tarball="$out/snapotter-$version-linux-$deb_arch.tar.gz"
if [ -f "$stamp" ] && [ -f "$tarball" ] && { ! $make_deb || compgen -G "$out/snapotter_*.deb" >/dev/null; }; then
  say "inputs unchanged ($inputs_key): keeping $(cd "$out" && echo snapotter_*.deb "$(basename "$tarball")")"
  exit 0
fi
rm -f "$out"/.linux-packages-*

# ---- 0. jars without other platforms' native libraries ----------------------------------------------
# ONNX Runtime (54 MB: macOS, Windows, Linux arm64 + x64) and SQLite JDBC (12 MB, 20 platforms) carry natives
# for every OS; a Linux package needs one. container/image's TrimJar drops the others (same tool as the image).
case $deb_arch in
  amd64) ort_keep=linux-x64 sqlite_keep=Linux/x86_64 ;;
  arm64) ort_keep=linux-aarch64 sqlite_keep=Linux/aarch64 ;;
  *) ort_keep="" sqlite_keep="" ;;
esac
trimmed="$work/input-linux"
rm -rf "$trimmed" && mkdir -p "$trimmed"
cp -l "$input"/*.jar "$trimmed/" 2>/dev/null || cp "$input"/*.jar "$trimmed/"
trim_natives() { # JAR_GLOB NATIVE_ROOT KEEP_SUBDIR
  local jar drop
  [ -n "$3" ] || return 0
  for jar in "$trimmed"/$1; do
    [ -f "$jar" ] || continue
    "$jdk/bin/jar" tf "$jar" | grep -q "^$2$3/" || die "$(basename "$jar") has no $2$3/ natives: refusing to trim it"
    mapfile -t drop < <("$jdk/bin/jar" tf "$jar" | grep "^$2" | grep -v "^$2$3/" | grep -v '/$')
    [ "${#drop[@]}" -gt 0 ] || continue
    rm "$jar" # a hard link to the Maven copy: never write through it
    "$jdk/bin/java" "$root/container/image/tools/TrimJar.java" "$input/$(basename "$jar")" "$jar" "${drop[@]}" >/dev/null
    chmod 0644 "$jar" # TrimJar writes through a temp file (0600); every user must be able to read the app
    say "trimmed $(basename "$jar"): kept $2$3/, dropped ${#drop[@]} native files of other platforms"
  done
}
trim_natives 'onnxruntime-*.jar' ai/onnxruntime/native/ "$ort_keep"
trim_natives 'sqlite-jdbc-*.jar' org/sqlite/native/ "$sqlite_keep"

# ---- 1. runtime ------------------------------------------------------------------------------------
fx_available=$(for j in "$fxmods"/javafx-*.jar; do b=$(basename "$j"); b=${b#javafx-}; echo "javafx.${b%%-*}"; done | sort -u)
modules=$(sed -e 's/#.*//' "$installers/common/jlink-modules.txt" | awk 'NF && $1 !~ /^!/ {print $1}' |
  while read -r m; do case $m in javafx.*) if grep -qx "$m" <<<"$fx_available"; then echo "$m"; fi ;; *) echo "$m" ;; esac; done | paste -sd, -)
jdk_id=$("$jdk/bin/java" -version 2>&1 | paste -sd' ' -)
runtime_key=$( { printf '%s\n%s\n' "$jdk_id" "$modules"; sha256sum "$fxmods"/javafx-*.jar | cut -c1-64; echo v1; } | sha)
runtime="$work/cache/runtime-$runtime_key"
if [ -d "$runtime" ]; then
  say "runtime: cached ($runtime_key)"
else
  say "runtime: jlink $modules"
  rm -rf "$work"/cache/runtime-* && mkdir -p "$work/cache"   # superseded runtimes
  "$jdk/bin/jlink" --module-path "$fxmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=zip-6 \
    --output "$runtime.tmp"
  mv "$runtime.tmp" "$runtime"
fi
# Every class-path jar must find its modules in the runtime (jdeps over the whole class path).
# (jdeps prints split-package warnings for jars that are also modules; the module list is its last line.)
needed=$("$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$fxmods" "$trimmed"/*.jar 2>/dev/null | tail -n 1 | grep -v ' ' || true)
if [ -n "$needed" ]; then
  not_linked=$(sed -e 's/#.*//' "$installers/common/jlink-modules.txt" | awk '$1 ~ /^!/ {print substr($1, 2)}')
  missing=$(comm -23 <(tr , '\n' <<<"$needed" | sort -u) <( { tr , '\n' <<<"$modules"; echo "$not_linked"; } | sort -u) | paste -sd, -)
  [ -z "$missing" ] || die "the app needs Java modules missing from installers/common/jlink-modules.txt: $missing (add them with a comment saying why, or '!module' if never used)"
else
  say "warning: jdeps could not analyse the class path; relying on the module list as written"
fi

# ---- 2. app-image ------------------------------------------------------------------------------------
icon="$installers/icons/snapotter-256.png"
[ -f "$icon" ] || die "icon $icon missing (installers/icons/make-icons.sh generates it)"
app_work="$work/app-image"
rm -rf "$app_work" && mkdir -p "$app_work"
cli_props="$work/cli-launcher.properties"
cp "$installers/common/cli-launcher.properties" "$cli_props"
say "jpackage app-image SnapOtter $app_version (launchers SnapOtter, snapotter)"
"$jdk/bin/jpackage" --type app-image --name SnapOtter --app-version "$app_version" \
  --vendor SnapOtter --copyright "Copyright (C) SnapOtter contributors. AGPL-3.0-or-later." \
  --description "Self-hosted image toolkit: editor, batch pipelines, local container control, CLI" \
  --input "$trimmed" --main-jar "$main_jar" --main-class dev.snapotter.desktop.Launcher \
  --runtime-image "$runtime" \
  --java-options '--enable-native-access=ALL-UNNAMED,javafx.graphics' --java-options -Xshare:auto \
  --add-launcher "snapotter=$cli_props" \
  --icon "$icon" --dest "$app_work" 2> >(grep -v 'No JDK Modules found' >&2)
app="$app_work/SnapOtter"
{ [ -x "$app/bin/SnapOtter" ] && [ -x "$app/bin/snapotter" ]; } || die "jpackage did not produce both launchers in $app/bin"
# Installed for every user: readable by all, writable by none but root (whatever umask built it).
chmod -R u+rwX,go+rX,go-w "$app"
# The licence travels with the app (AGPL: users must be able to find the terms and the source offer).
cp "$root/LICENSE" "$app/lib/LICENSE"
[ ! -d "$work/licences" ] || cp "$work"/licences/*.txt "$app/lib/" 2>/dev/null || true
"$app/bin/snapotter" --version >/dev/null || die "the app-image's CLI launcher does not start ($app/bin/snapotter --version)"

# ---- 3. portable tarball -----------------------------------------------------------------------------
say "tarball: $(basename "$tarball")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)" \
  -C "$app_work" -czf "$tarball.part" SnapOtter && mv "$tarball.part" "$tarball"

# ---- 4. .deb -----------------------------------------------------------------------------------------
if $make_deb; then
  say "jpackage deb (about 30 s)"
  deb_work="$work/deb"
  rm -rf "$deb_work" && mkdir -p "$deb_work"
  rm -f "$out"/snapotter_*.deb
  # jpackage calls dpkg-deb without -Z, so dpkg-deb's own variable picks the compressor.
  DPKG_DEB_COMPRESSOR_TYPE=$compression "$jdk/bin/jpackage" --type deb --app-image "$app" --name SnapOtter --app-version "$app_version" \
    --vendor SnapOtter --description "Self-hosted image toolkit: editor, batch pipelines, local container control, CLI" \
    --about-url https://snapotter.dev --license-file "$root/LICENSE" \
    --linux-package-name snapotter --linux-deb-maintainer maintainers@snapotter.dev \
    --linux-package-deps libgtk-3-0 --linux-app-category graphics --linux-menu-group Graphics \
    --linux-shortcut --resource-dir "$here/resources" \
    --icon "$icon" --dest "$deb_work" 2> >(grep -v 'No JDK Modules found' >&2)
  deb=$(find "$deb_work" -maxdepth 1 -name 'snapotter_*.deb' | head -n 1)
  [ -n "$deb" ] || die "jpackage produced no .deb in $deb_work"
  mv "$deb" "$out/"
  deb="$out/$(basename "$deb")"
  say "deb: $(basename "$deb") ($(($(stat -c %s "$deb") / 1000000)) MB), Depends: $(dpkg-deb -f "$deb" Depends)"
fi
touch "$stamp"
say "done in $(($(date +%s) - t0)) s -> $out"
