#!/usr/bin/env bash
# Builds every Linux deliverable with one command, on a machine with a JDK >= 25, Maven and a Docker daemon:
#   the hardened image and its `docker save` archive (container/image/build.sh),
#   the .deb and the portable tarball (jpackage), the signed AI bundle, the air-gapped kit,
#   the CycloneDX + SPDX SBOMs and the licence report (mvn package of installers/).
# Outputs: installers/<build dir>/installers/ (docs/installing.md). Tests are not run (that is `mvn -B verify`).
#
#   installers/build.sh [extra Maven arguments, e.g. -Dinstallers.deb.compression=xz]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build_dir=${SNAPOTTER_BUILD_DIR:-target}

say() { printf '==> %s\n' "$*" >&2; }

say "server jar (the image packs it)"
mvn -B -q -Dsnapotter.build.dir="$build_dir" -pl container/server -am -DskipTests package "$@"
say "hardened image + archive"
SNAPOTTER_BUILD_DIR="$build_dir" container/image/build.sh
say "installers, AI bundle, kit, SBOMs"
mvn -B -Dsnapotter.build.dir="$build_dir" -pl installers -am -DskipTests package "$@"
say "done: $(ls -d "$root/installers/$build_dir/installers")"
ls -1 "$root/installers/$build_dir/installers" >&2
