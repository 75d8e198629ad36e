#!/bin/sh
# Installs the SnapOtter air-gapped kit on this machine, with no network:
#   1. checks every file against SHA256SUMS (stops on any mismatch);
#   2. installs the desktop app + CLI (.deb; its dependencies must already be installed — libgtk-3-0 on any
#      desktop Debian/Ubuntu; `apt-get install ./snapotter_*.deb` from a local mirror also works);
#   3. puts the container image archive and the AI bundles where the app looks for them:
#        /opt/snapotter/lib/app/snapotter-image-<version>.tar   (Server area -> Start loads it into Docker)
#        /opt/snapotter/lib/app/bundles/                          (AI bundles, installed from the app)
# Usage: sudo ./install.sh            install
#        sudo ./install.sh --uninstall  remove the image archive and bundles again (then: apt-get remove snapotter)
#        ./install.sh --check          only check SHA256SUMS
set -eu
cd "$(dirname "$0")"
app_dir=/opt/snapotter/lib/app

case "${1:-}" in
  --uninstall)
    rm -f "$app_dir"/snapotter-image-*.tar
    rm -rf "$app_dir/bundles"
    echo "removed the kit's image archive and bundles from $app_dir"
    exit 0 ;;
esac

echo "checking SHA256SUMS"
sha256sum -c --quiet SHA256SUMS || { echo "install.sh: the kit is damaged (SHA256SUMS mismatch); nothing was installed" >&2; exit 1; }
[ "${1:-}" = --check ] && { echo "all files match SHA256SUMS"; exit 0; }
[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo ./install.sh)" >&2; exit 1; }

deb=$(ls snapotter_*.deb)
echo "installing $deb"
dpkg -i "$deb" || { echo "install.sh: dpkg could not install $deb (missing dependencies? see above; install them from your local mirror, then run again)" >&2; exit 1; }

image=$(ls snapotter-image-*.tar)
echo "placing $image and the AI bundles in $app_dir"
# Copy to a temporary name first: the app never sees a half-written archive.
cp "$image" "$app_dir/.$image.part" && mv "$app_dir/.$image.part" "$app_dir/$image"
mkdir -p "$app_dir/bundles"
if [ -n "$(ls bundles 2>/dev/null)" ]; then cp bundles/* "$app_dir/bundles/"; fi
chmod -R a+rX "$app_dir/$image" "$app_dir/bundles"
echo "done: start SnapOtter, open Server and press Start (the image is loaded from $app_dir/$image, no network)."
