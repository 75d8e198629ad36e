#!/usr/bin/env bash
# Builds the SnapOtter hardened image with no container registry, and saves it for offline install.
#
#   container/image/build.sh                 # the one command (docs/deployment.md)
#
# Steps (each cached where it can be):
#   1. base image: mmdebstrap minbase + merged-usr hook from base/packages.txt, `docker import`ed as
#      snapotter/base:bookworm-<key>; key = hash of the package list + base/build-base.sh + suite,
#      so a repeat build skips it (--refresh-base rebuilds it, e.g. for Debian security updates);
#   2. server jar: container/server/<build dir>/snapotter-server.jar, built with Maven when missing;
#   3. Java runtime: jlink with the explicit docker/jlink-modules.txt (+ CDS archive), cached by
#      JDK version + module list; jdeps checks that the server needs no module outside the list;
#   4. `docker build --network none` with the legacy builder (no BuildKit features);
#   5. `docker save` to container/image/<build dir>/snapotter-image-<version>.tar.
#
# Options:
#   --base-image IMAGE  use a registry base (e.g. debian:bookworm-slim) instead of the mmdebstrap
#                       base; missing packages are then installed by apt, so that build uses the network
#   --refresh-base      rebuild the mmdebstrap base even if the cached one matches
#   --server-jar PATH   use this server jar instead of container/server/<build dir>/snapotter-server.jar
#   --tag NAME:TAG      extra tag (repeatable); always tagged snapotter/snapotter:<version> and :latest
#   --label KEY=VALUE   extra image label (repeatable), e.g. dev.snapotter.test=true
#   --no-save           skip `docker save`
# Environment: SNAPOTTER_BUILD_DIR (default target), JAVA_HOME (a JDK >= 25; else found under /usr/lib/jvm),
#   SNAPOTTER_JLINK_EXTRA_MODULES (comma list, for experiments only).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=${SNAPOTTER_BUILD_DIR:-target}
out="$here/$build_dir"
suite=bookworm
base_image=""
refresh_base=false
server_jar=""
save=true
extra_tags=()
extra_labels=()

say() { printf '[build.sh] %s\n' "$*" >&2; }
die() { printf '[build.sh] ERROR: %s\n' "$*" >&2; exit 1; }
sha() { sha256sum | cut -c1-16; }

while [ $# -gt 0 ]; do
  case $1 in
    --base-image) base_image=${2:?--base-image needs a value}; shift 2 ;;
    --refresh-base) refresh_base=true; shift ;;
    --server-jar) server_jar=${2:?--server-jar needs a path}; shift 2 ;;
    --tag) extra_tags+=("${2:?--tag needs a value}"); shift 2 ;;
    --label) extra_labels+=("${2:?--label needs a value}"); shift 2 ;;
    --no-save) save=false; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e 's/^# \{0,1\}//' -e '/^set -euo/d'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

# ---- 0. preflight: say exactly what is missing ------------------------------------------------
command -v docker >/dev/null ||
  die "the docker CLI is not installed. On Debian/Ubuntu: sudo apt-get install docker.io (then start dockerd)."
if ! docker_err=$(docker info --format '{{.ServerVersion}}' 2>&1); then
  die "no Docker daemon reachable (${DOCKER_HOST:-unix:///var/run/docker.sock}): $docker_err
  Start it (sudo systemctl start docker, or: sudo dockerd &) and make sure this user may use the socket
  (member of the 'docker' group, or root)."
fi
say "Docker daemon $docker_err"

find_jdk() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/jlink" ] || [ ! -x "$c/bin/java" ]; then continue; fi
    local v
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
jdk=$(find_jdk) || die "no JDK >= 25 with jlink found (JAVA_HOME or /usr/lib/jvm/*). Install one, e.g. Temurin 25."

version=$(sed -n '/<artifactId>snapotter-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$root/pom.xml")
[ -n "$version" ] || die "cannot read the project version from $root/pom.xml"
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
source_url=$(git -C "$root" remote get-url origin 2>/dev/null || echo "https://snapotter.dev")
# The commit's time, not the wall clock: rebuilding the same sources gives the same image id.
created=$(git -C "$root" log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
arch=$(docker info --format '{{.Architecture}}') # x86_64 | aarch64, the names sqlite-jdbc uses
mkdir -p "$out"
t0=$(date +%s)

# ---- 1. base image ------------------------------------------------------------------------------
network=(--network none)
if [ -n "$base_image" ]; then
  say "base: $base_image (registry base; the build may use the network to install missing packages)"
  network=()
  docker image inspect "$base_image" >/dev/null 2>&1 ||
    say "note: $base_image is not local; docker build will pull it from its registry"
else
  key=$(cat "$here/base/packages.txt" "$here/base/build-base.sh" <(echo "$suite") | sha)
  base_image="snapotter/base:$suite-$key"
  if ! $refresh_base && docker image inspect "$base_image" >/dev/null 2>&1; then
    say "base: $base_image (cached)"
  else
    command -v mmdebstrap >/dev/null ||
      die "the base image $base_image is not built yet and mmdebstrap is missing: sudo apt-get install mmdebstrap (or pass --base-image debian:bookworm-slim if you can pull from a registry)."
    say "base: building $base_image with mmdebstrap (about 25 s; needs the Debian mirror)"
    if ! "$here/base/build-base.sh" "$here/base/packages.txt" "$base_image" "$out/base-work" "$suite" >"$out/base-build.log" 2>&1; then
      tail -n 30 "$out/base-build.log" >&2
      die "building the base failed (full log: $out/base-build.log). It needs the Debian mirror (deb.debian.org) and root or unprivileged user namespaces for mmdebstrap."
    fi
    say "base: $(tail -n 1 "$out/base-build.log")"
    # Older bases of this suite are superseded; remove those no image depends on any more.
    for old in $(docker image ls --format '{{.Repository}}:{{.Tag}}' snapotter/base | grep "^snapotter/base:$suite-" | grep -v "^$base_image\$"); do
      if docker image rm "$old" >/dev/null 2>&1; then say "base: removed superseded $old"; fi
    done
  fi
fi

# ---- 2. server jar ------------------------------------------------------------------------------
if [ -z "$server_jar" ]; then
  server_jar="$root/container/server/$build_dir/snapotter-server.jar"
  if [ ! -f "$server_jar" ]; then
    command -v mvn >/dev/null || die "$server_jar is missing and Maven (mvn) is not installed to build it."
    say "server: $server_jar missing, building it with Maven"
    (cd "$root" && mvn -B -q -Dsnapotter.build.dir="$build_dir" -pl container/server -am package -DskipTests)
  fi
fi
[ -f "$server_jar" ] || die "server jar not found: $server_jar"
say "server: $server_jar"

# ---- 3. Java runtime (jlink) ----------------------------------------------------------------------
modules=$(sed -e 's/#.*//' "$here/docker/jlink-modules.txt" | awk 'NF && $1 !~ /^!/ {print $1}' | paste -sd, -)
not_linked=$(sed -e 's/#.*//' "$here/docker/jlink-modules.txt" | awk '$1 ~ /^!/ {print substr($1, 2)}' | paste -sd, -)
[ -z "${SNAPOTTER_JLINK_EXTRA_MODULES:-}" ] || modules="$modules,$SNAPOTTER_JLINK_EXTRA_MODULES"
jdk_id=$("$jdk/bin/java" -version 2>&1 | paste -sd' ' -)
runtime_key=$(printf '%s\n%s\n%s\n' "$jdk_id" "$modules" "v1" | sha)
runtime="$out/cache/runtime-$runtime_key"
if [ -d "$runtime" ]; then
  say "runtime: cached ($runtime_key)"
else
  say "runtime: jlink $modules"
  rm -rf "$runtime.tmp"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=zip-6 --generate-cds-archive --output "$runtime.tmp"
  # Only the compressed-oops archive can be used: the heap is far below 32 GB in any sane container.
  rm -f "$runtime.tmp"/lib/server/classes_nocoops.jsa
  mv "$runtime.tmp" "$runtime"
fi

# ---- 3b. server-derived files, cached by the jar's content -------------------------------------------
# jdeps, the native unpack and the trimmed jar take 10-30 s on a 34 MB jar; a repeat build with the
# same jar (and the same build.sh) reuses them.
jar_key=$(cat "$server_jar" "$0" "$here/tools/TrimJar.java" | sha) # the jar + how it is processed
app_cache="$out/cache/app-$jar_key"
native_entry="org/sqlite/native/Linux/$arch/libsqlitejdbc.so"
if [ ! -f "$app_cache/jdeps.txt" ]; then
  rm -rf "$app_cache.tmp" && mkdir -p "$app_cache.tmp/native"
  "$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps "$server_jar" >"$app_cache.tmp/jdeps.txt" 2>/dev/null || true
  # Natives unpacked at build time (so /tmp stays noexec): sqlite-jdbc would otherwise extract its
  # library to java.io.tmpdir and dlopen it from there. The launcher points it at /app/native.
  (cd "$app_cache.tmp/native" && "$jdk/bin/jar" --extract --file "$server_jar" "$native_entry" &&
    if [ -f "$native_entry" ]; then mv "$native_entry" libsqlitejdbc.so && rm -rf org; fi)
  [ -f "$app_cache.tmp/native/libsqlitejdbc.so" ] || die "no $native_entry inside $server_jar (is sqlite-jdbc shaded into it?)"
  # ONNX Runtime (AI bundles, when the server ships it) extracts its library to java.io.tmpdir too:
  # unpack it here as well; the launcher passes -Donnxruntime.native.path when the folder exists.
  ort_dir="ai/onnxruntime/native/linux-$( [ "$arch" = aarch64 ] && echo aarch64 || echo x64)"
  (cd "$app_cache.tmp/native" && "$jdk/bin/jar" --extract --file "$server_jar" "$ort_dir/" 2>/dev/null &&
    if [ -d "$ort_dir" ]; then mv "$ort_dir" onnxruntime; fi; rm -rf ai)
  # The jars' copies for every other platform (~12 MB for SQLite) are never loaded: leave them out.
  "$jdk/bin/java" "$here/tools/TrimJar.java" "$server_jar" "$app_cache.tmp/snapotter-server.jar" org/sqlite/native/ ai/onnxruntime/native/
  rm -rf "$app_cache" && mv "$app_cache.tmp" "$app_cache"
else
  say "server jar: derived files cached ($jar_key)"
fi
needed=$(cat "$app_cache/jdeps.txt")
if [ -z "$needed" ]; then
  say "warning: jdeps could not analyse $server_jar; relying on the module list as written"
else
  missing=$(comm -23 <(tr , '\n' <<<"$needed" | sort -u) <(tr , '\n' <<<"$modules,$not_linked" | sort -u) | paste -sd, -)
  [ -z "$missing" ] || die "the server needs Java modules missing from docker/jlink-modules.txt: $missing (add them with a comment saying why)"
fi

# ---- 4. build context + docker build ----------------------------------------------------------------
ctx="$out/docker-context"
rm -rf "$ctx"
mkdir -p "$ctx/app/native" "$ctx/bin" "$ctx/base"
cp -al "$runtime" "$ctx/runtime" 2>/dev/null || cp -a "$runtime" "$ctx/runtime"
cp "$app_cache/snapotter-server.jar" "$ctx/app/"
cp -a "$app_cache/native/." "$ctx/app/native/"
cp "$here/docker/Dockerfile" "$ctx/Dockerfile"
cp "$here/docker/entrypoint.sh" "$here/docker/snapotter-server" "$here/docker/install-base-packages.sh" "$ctx/bin/"
cp "$here/base/packages.txt" "$ctx/base/"
# Everything root-owned and world-readable, nothing writable but by root: the server can read its
# code, never change it (fixed here, because a chmod in the Dockerfile would duplicate the layers).
chmod -R u+rwX,go+rX,go-w "$ctx"
chmod 0755 "$ctx/bin/entrypoint.sh" "$ctx/bin/snapotter-server" "$ctx/bin/install-base-packages.sh"
# The legacy builder's COPY cache looks at file times too: pin them, so unchanged inputs give the
# same layers (and the same image id) even when a cache folder was regenerated.
find "$ctx" -exec touch -h -d "$created" {} +

image="snapotter/snapotter:$version"
tags=(-t "$image" -t snapotter/snapotter:latest)
for t in "${extra_tags[@]}"; do tags+=(-t "$t"); done
labels=(--label dev.snapotter.managed=true)
for l in "${extra_labels[@]}"; do labels+=(--label "$l"); done
previous=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
say "docker build ${network[*]} (legacy builder) -> $image"
DOCKER_BUILDKIT=0 docker build --quiet "${network[@]}" --pull=false \
  --build-arg BASE_IMAGE="$base_image" --build-arg VERSION="$version" --build-arg REVISION="$revision" \
  --build-arg CREATED="$created" --build-arg SOURCE_URL="$source_url" \
  "${labels[@]}" "${tags[@]}" "$ctx" >"$out/image-id.txt" 2>"$out/docker-build.log" ||
  { grep -v -e DEPRECATED -e BuildKit -e environment-variable "$out/docker-build.log" >&2; die "docker build failed"; }
size=$(docker image inspect --format '{{.Size}}' "$image")
# The image this build replaced is now untagged: remove it unless a container still uses it.
if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect --format '{{.Id}}' "$image")" ] &&
  [ "$(docker image inspect --format '{{len .RepoTags}}' "$previous" 2>/dev/null)" = 0 ]; then
  docker image rm "$previous" >/dev/null 2>&1 || true
fi
say "image: $image $(cat "$out/image-id.txt") size $((size / 1000000)) MB ($size bytes)"

# ---- 5. docker save ---------------------------------------------------------------------------------
if $save; then
  tar_file="$out/snapotter-image-$version.tar"
  docker save -o "$tar_file.part" "$image" && mv "$tar_file.part" "$tar_file"
  say "saved: $tar_file ($(($(stat -c %s "$tar_file") / 1000000)) MB); load it with: docker load -i $(basename "$tar_file")"
fi
say "done in $(($(date +%s) - t0)) s"
