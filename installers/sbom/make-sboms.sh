#!/usr/bin/env bash
# Writes the shipped SBOMs and the licence report (called by `mvn package` in installers/):
#   <out>/sbom/snapotter-desktop-<v>.{cdx,spdx}.json   desktop app: every runtime jar (cyclonedx-maven-plugin)
#                                                      + the jlinked runtime of the app-image
#   <out>/sbom/snapotter-image-<v>.{cdx,spdx}.json     image: the server's jars (installers/image-bom) + the
#                                                      image's Java runtime + every Debian package of its rootfs
#   <out>/licences/THIRD-PARTY-{desktop,image-java,image-debian}.txt
# The Debian part is read from the built image itself (`docker run --network none ... dpkg-query`), so it lists
# exactly what ships. Without a Docker daemon or without the image, that part is left out and this says so.
# Usage: make-sboms.sh VERSION MODULE_BUILD_DIR IMAGE_MAVEN_CDX OUT_DIR
set -euo pipefail
version=$1 build=$2 image_cdx=$3 out=$4
say() { printf '[make-sboms] %s\n' "$*" >&2; }
die() { printf '[make-sboms] ERROR: %s\n' "$*" >&2; exit 1; }

java=""
for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/java" ] && [ "$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2+0}')" -ge 25 ] 2>/dev/null; then java=$c/bin/java; break; fi
done
[ -n "$java" ] || die "no JDK >= 25 found (JAVA_HOME or /usr/lib/jvm/*)"
cp="$build/classes:$(cat "$build/tools-classpath.txt")"
work="$build/sbom"
mkdir -p "$work" "$out/licences"

# ---- desktop ------------------------------------------------------------------------------------------
desktop_cdx="$work/sbom-desktop-maven.cdx.json"
[ -f "$desktop_cdx" ] || die "$desktop_cdx missing (cyclonedx-maven-plugin runs in prepare-package)"
release=-
[ -f "$build/jpackage/app-image/SnapOtter/lib/runtime/release" ] && release="$build/jpackage/app-image/SnapOtter/lib/runtime/release"
"$java" -cp "$cp" dev.snapotter.installers.sbom.SbomMain desktop "$version" "$desktop_cdx" "$release" "$out"
cp "$build/licences/THIRD-PARTY-desktop.txt" "$out/licences/" 2>/dev/null || say "note: no desktop licence report (license-maven-plugin)"

# ---- image --------------------------------------------------------------------------------------------
[ -f "$image_cdx" ] || die "$image_cdx missing (installers/image-bom runs before installers)"
cp "$(dirname "$(dirname "$image_cdx")")/licences/THIRD-PARTY-image-java.txt" "$out/licences/" 2>/dev/null || say "note: no image licence report"
image="snapotter/snapotter:$version"
dpkg_tsv=- licences_tsv=- debian_version=- image_release=-
if command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1 && docker image inspect "$image" >/dev/null 2>&1; then
  say "reading the Debian packages of $image (docker run --network none)"
  # One container, four outputs separated by marker lines: packages, licences, Debian version, Java runtime.
  read -r -d '' inner <<'SCRIPT' || true
dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n'
echo "### licences"
for p in $(dpkg-query -W -f '${Package}\n'); do
  f=/usr/share/doc/$p/copyright
  l=""
  if [ -f "$f" ]; then
    l=$(grep -h '^License:' "$f" | sed 's/^License:[[:space:]]*//' | sed -e 's/ or /\n/g' -e 's/ and /\n/g' -e 's/, /\n/g' | sed -e 's/[[:space:]]*$//' -e 's/[[:space:]]/_/g' | grep -v '^$' | sort -u | tr '\n' ' ')
  fi
  printf '%s\t%s\n' "$p" "$l"
done
echo "### debian"; cat /etc/debian_version
echo "### release"; cat /opt/java/release 2>/dev/null || true
SCRIPT
  docker run --rm --network none --label dev.snapotter.managed=true --entrypoint /bin/sh "$image" -c "$inner" >"$work/image-raw.txt"
  awk '/^### licences$/ {exit} {print}' "$work/image-raw.txt" >"$work/image-dpkg.tsv"
  awk '/^### licences$/ {on=1; next} /^### debian$/ {on=0} on' "$work/image-raw.txt" >"$work/image-licences.tsv"
  debian_version=$(awk '/^### debian$/ {getline; print; exit}' "$work/image-raw.txt")
  awk '/^### release$/ {on=1; next} on' "$work/image-raw.txt" >"$work/image-release"
  dpkg_tsv="$work/image-dpkg.tsv" licences_tsv="$work/image-licences.tsv"
  [ -s "$work/image-release" ] && image_release="$work/image-release"
  say "image: $(wc -l <"$dpkg_tsv") Debian packages (Debian $debian_version)"
else
  say "SKIPPED the Debian part of the image SBOM: no Docker daemon or no image $image (build it: container/image/build.sh)."
  say "The image SBOM then lists only the server's Java dependencies."
fi
"$java" -cp "$cp" dev.snapotter.installers.sbom.SbomMain image "$version" "$image_cdx" "$image_release" "$dpkg_tsv" "$licences_tsv" "$debian_version" "$out"
say "written: $(cd "$out" && find sbom licences -type f | sort | paste -sd' ' -)"
