#!/usr/bin/env bash
# Builds the air-gapped kit: ONE archive for a machine with no network at all.
#
#   snapotter-airgap-<version>-linux-amd64.tar
#     snapotter-airgap-<version>-linux-amd64/
#       snapotter_<debversion>_amd64.deb       the desktop app + CLI (installers/linux)
#       snapotter-image-<version>.tar          the container image (`docker save`, container/image/build.sh)
#       bundles/                               signed AI bundles (*.snapotter-bundle.tar.gz + what came with them)
#       sbom/                                  CycloneDX + SPDX SBOMs of the app and the image
#       install.sh                             checks SHA256SUMS, installs the .deb, puts image + bundles where the app finds them
#       README.md                              what is inside, how to use it offline
#       SHA256SUMS                             sha256sum of every other file (`sha256sum -c SHA256SUMS`)
#
# Usage: build-kit.sh --version V --deb-dir DIR --image-tar FILE --out DIR [--bundles DIR] [--sboms DIR] [--optional]
#   --optional  when the .deb or the image tar is missing, say so and exit 0 (the `mvn verify` path on a machine
#               without Docker); without it that is an error.
# The tar is not compressed: the image layers inside are mostly compressed already, and `tar -x` of a plain tar
# needs no extra tool on the target.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version="" deb_dir="" image_tar="" out="" bundles="" sboms="" optional=false
say() { printf '[build-kit] %s\n' "$*" >&2; }
die() { printf '[build-kit] ERROR: %s\n' "$*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case $1 in
    --version) version=$2; shift 2 ;;
    --deb-dir) deb_dir=$2; shift 2 ;;
    --image-tar) image_tar=$2; shift 2 ;;
    --bundles) bundles=$2; shift 2 ;;
    --sboms) sboms=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --optional) optional=true; shift ;;
    *) die "unknown option $1" ;;
  esac
done
{ [ -n "$version" ] && [ -n "$deb_dir" ] && [ -n "$image_tar" ] && [ -n "$out" ]; } || die "--version, --deb-dir, --image-tar and --out are required"
mkdir -p "$out" && out=$(cd "$out" && pwd) # absolute: the checksum step runs inside the staging folder
trap 'rm -rf "$out/kit-work"' EXIT          # no half-staged kit left behind, whatever happens
missing() { if $optional; then say "SKIPPED the air-gapped kit: $1"; exit 0; else die "$1"; fi; }
# A kit from an earlier build must not outlive a build that cannot make one (tests would check a stale kit).
rm -f "$out"/snapotter-airgap-*.tar "$out"/snapotter-airgap-*.tar.sha256 "$out"/snapotter-airgap-*.tar.part

deb=$(find "$deb_dir" -maxdepth 1 -name 'snapotter_*.deb' | sort | tail -n 1)
[ -n "$deb" ] || missing "no snapotter_*.deb in $deb_dir (installers/linux/build-linux.sh makes it)"
[ -f "$image_tar" ] || missing "no image archive $image_tar (container/image/build.sh makes it; needs Docker)"
arch=$(dpkg-deb -f "$deb" Architecture 2>/dev/null || echo amd64)
name="snapotter-airgap-$version-linux-$arch"
stage="$out/kit-work/$name"
rm -rf "$out/kit-work" && mkdir -p "$stage/bundles" "$stage/sbom"

# Hard links where possible: the image tar is ~200 MB and only read.
link() { ln "$1" "$2" 2>/dev/null || cp "$1" "$2"; }
link "$deb" "$stage/$(basename "$deb")"
link "$image_tar" "$stage/snapotter-image-$version.tar"
bundle_count=0
if [ -n "$bundles" ] && [ -d "$bundles" ]; then
  while IFS= read -r f; do
    link "$f" "$stage/bundles/$(basename "$f")"
    bundle_count=$((bundle_count + 1))
  done < <(find "$bundles" -maxdepth 1 -type f \( -name '*.snapotter-bundle.tar.gz' -o -name '*.json' -o -name '*.pub' -o -name '*.sig' \) | sort)
fi
if [ "$bundle_count" -eq 0 ]; then
  say "note: no AI bundles in ${bundles:-<none given>}; the kit has an empty bundles/ folder (README says so)"
fi
if [ -n "$sboms" ] && [ -d "$sboms" ]; then
  find "$sboms" -maxdepth 1 -type f -name '*.json' -exec cp {} "$stage/sbom/" \;
fi
cp "$here/install.sh" "$stage/install.sh" && chmod 0755 "$stage/install.sh"
sed -e "s/@VERSION@/$version/g" -e "s/@DEB@/$(basename "$deb")/g" -e "s/@BUNDLES@/$bundle_count/g" "$here/README.kit.md" >"$stage/README.md"

# SHA256SUMS over every other file, relative paths, sorted: `sha256sum -c SHA256SUMS` in the kit folder.
(cd "$stage" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum >"$out/kit-work/SHA256SUMS")
mv "$out/kit-work/SHA256SUMS" "$stage/SHA256SUMS"

kit="$out/$name.tar"
# Modes normalised in the archive (docker save writes 0600; hard links must not chmod the originals).
tar --sort=name --owner=0 --group=0 --numeric-owner --mode='u+rw,go+r,go-w' -C "$out/kit-work" -cf "$kit.part" "$name"
mv "$kit.part" "$kit"
(cd "$out" && sha256sum "$(basename "$kit")" >"$(basename "$kit").sha256")
say "kit: $kit ($(($(stat -c %s "$kit") / 1000000)) MB, $bundle_count bundle file(s)); checksum in $(basename "$kit").sha256"
