#!/usr/bin/env bash
# Builds (once) the Debian root the .deb install test runs in: the SAME registry-free recipe as the image
# base (container/image/base/build-base.sh: mmdebstrap minbase + merged-usr, docker import) with the base's
# package list + the .deb's Depends + xvfb/xauth for the GUI start. Cached by content like build.sh caches
# the base: snapotter/install-test:bookworm-<key>, key = hash of the package list + build-base.sh + this script.
# A repeat run with the same .deb dependencies prints the cached tag at once.
#
# Usage: build-test-root.sh DEB WORK_DIR     prints the image tag on stdout
# Needs: docker, and (only when the tag is not built yet) mmdebstrap + the Debian mirror.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
deb=$1 work=$2
suite=bookworm
say() { printf '[test-root] %s\n' "$*" >&2; }
die() { printf '[test-root] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$work"
list="$work/test-root-packages.txt"
{
  sed -e 's/#.*//' "$root/container/image/base/packages.txt" | awk 'NF {print $1}'
  # Depends: "a, b (>= 1), c | d" -> a b c (first alternative, no version).
  dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' | awk 'NF'
  echo xvfb
  echo xauth
} | sort -u >"$list"
key=$(cat "$list" "$root/container/image/base/build-base.sh" "$0" <(echo "$suite") | sha256sum | cut -c1-16)
tag="snapotter/install-test:$suite-$key"
if docker image inspect "$tag" >/dev/null 2>&1; then
  say "cached $tag"
  echo "$tag"
  exit 0
fi
command -v mmdebstrap >/dev/null || die "$tag is not built yet and mmdebstrap is missing (apt-get install mmdebstrap)"
say "building $tag with mmdebstrap ($(wc -l <"$list") packages + dependencies; about 1-2 min, needs the Debian mirror)"
tmp_tag="snapotter/install-test:building-$key"
"$root/container/image/base/build-base.sh" "$list" "$tmp_tag" "$work/test-root-work" "$suite" >"$work/test-root-build.log" 2>&1 ||
  { tail -n 30 "$work/test-root-build.log" >&2; die "mmdebstrap failed (log: $work/test-root-build.log)"; }
# The test label on top (one metadata-only layer), so test clean-up can find it.
printf 'FROM %s\nLABEL dev.snapotter.test=true\n' "$tmp_tag" |
  DOCKER_BUILDKIT=0 docker build --quiet --network none -t "$tag" - >/dev/null 2>>"$work/test-root-build.log"
docker image rm "$tmp_tag" >/dev/null 2>&1 || true
# Superseded test roots (other keys) are removed.
for old in $(docker image ls --format '{{.Repository}}:{{.Tag}}' snapotter/install-test | grep -v "^$tag\$"); do
  docker image rm "$old" >/dev/null 2>&1 && say "removed superseded $old"
done
say "built $tag"
echo "$tag"
