#!/bin/sh
# Makes sure every package of base/packages.txt is installed. On the project's own mmdebstrap base
# this is a no-op (so `docker build --network none` works); on a registry base such as
# debian:bookworm-slim it installs what is missing with apt-get (network needed for that build).
set -eu
list=$1
missing=""
# shellcheck disable=SC2013 # one package name per line, no spaces: words are lines here
for pkg in $(sed -e 's/#.*//' "$list" | awk 'NF {print $1}'); do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $pkg"
  fi
done
if [ -z "$missing" ]; then
  echo "base packages: all present"
  exit 0
fi
echo "base packages: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y --no-install-recommends $missing
fc-cache -f
rm -rf /var/lib/apt/lists/* /var/cache/apt/*
