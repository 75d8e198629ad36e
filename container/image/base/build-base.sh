#!/bin/sh
# Builds the SnapOtter runtime base image from Debian packages, without any container registry:
#   mmdebstrap (minbase + merged-usr hook) -> rootfs tar -> docker import.
# Usage: build-base.sh <packages.txt> <output-tag> <work-dir> [suite]
# Called by ../build.sh, which decides from a content key whether a rebuild is needed.
set -eu

packages_file=$1
tag=$2
work=$3
suite=${4:-bookworm}

# Package names only: strip comments and blank lines, join with commas for --include.
include=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$packages_file" | awk 'NF {print $1}' | paste -sd, -)
[ -n "$include" ] || { echo "build-base: no packages in $packages_file" >&2; exit 2; }

mkdir -p "$work"
rootfs="$work/rootfs-$suite.tar"
rm -f "$rootfs"

# merged-usr hook: without it bookworm pulls usrmerge and with it perl (139 MB instead of ~90 MB).
# The dpkg path filters keep docs/man/locales out (copyright files stay: licence obligations), and
# glibc's iconv modules (8 MB; the JVM, curl and fontconfig never use iconv).
# No mirror argument: mmdebstrap uses deb.debian.org with -updates and -security for the suite.
# shellcheck disable=SC2016 # "$1" in the hooks is expanded by mmdebstrap (the chroot path), on purpose
mmdebstrap --variant=minbase --mode=auto \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --include="$include" \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/lib/*/gconv/*.so' \
  --aptopt='Acquire::Languages "none"' \
  --customize-hook='chroot "$1" fc-cache -f' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log "$1"/var/log/apt/*' \
  "$suite" "$rootfs"

docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  --change 'LABEL dev.snapotter.managed=true' \
  --change "LABEL dev.snapotter.base.suite=$suite" \
  --change "LABEL dev.snapotter.base.packages=$include" \
  "$rootfs" "$tag" >/dev/null
rm -f "$rootfs"
echo "build-base: imported $tag"
