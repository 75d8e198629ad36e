#!/bin/sh
# SnapOtter container entrypoint (POSIX sh). The contract is docs/security.md; the decision record
# is docs/adr/0031-entrypoint-privilege-drop.md.
#
# Started as root (the default):
#   1. PUID/PGID remap of the snapotter user (0 is refused),
#   2. _FILE secrets the dropped user could not read are staged as private in-memory copies,
#   3. DATA_DIR and WORKSPACE_PATH: chown only what is not already owned right,
#   4. writability probe as the target user (actionable FATAL message),
#   5. one-way drop with gosu, then exec tini as PID 1 with the server under it.
# Started non-root (--user 999:999, Kubernetes runAsUser): every root step is skipped; only the
# probe runs, then exec tini as PID 1.
#
# Secrets: the entrypoint never reads a secret's value and never exports one. The server is the
# single place that resolves NAME / NAME_FILE (both set, empty, unreadable -> its startup error).
set -eu

log() { printf 'snapotter-entrypoint: %s\n' "$*" >&2; }
fatal() {
  printf 'snapotter-entrypoint: FATAL: %s\n' "$*" >&2
  exit 78 # EX_CONFIG: a configuration problem, restarting will not help
}

# While the entrypoint runs it is PID 1, which has no default signal handlers: make `docker stop`
# during a long ownership fix end the container at once instead of after the kill timeout.
trap 'log "stop requested during startup"; exit 143' TERM INT

DATA_DIR=${DATA_DIR:-/data}
WORKSPACE_PATH=${WORKSPACE_PATH:-/tmp/workspace}
HOME=${HOME:-/tmp/snapotter}
APP_USER=snapotter
SECRET_VARS="DEFAULT_PASSWORD COOKIE_SECRET OIDC_CLIENT_SECRET S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY SNAPOTTER_LICENSE_KEY"
SECRET_STAGE=/dev/shm/snapotter-secrets

# No command, or only flags: run the server (flags are passed to it).
if [ $# -eq 0 ]; then
  set -- /app/bin/snapotter-server
else
  case $1 in -*) set -- /app/bin/snapotter-server "$@" ;; esac
fi

# A decimal uid/gid without leading-zero or octal surprises; prints the normalised value.
parse_id() { # $1 name, $2 value
  case $2 in
    '' | *[!0-9]*) fatal "$1=$2 is not a numeric id. Use the numeric uid/gid that owns your data, e.g. $1=1000 (see: id -u, id -g)." ;;
  esac
  [ ${#2} -le 10 ] || fatal "$1=$2 is out of range."
  # shellcheck disable=SC2003 # expr, not $((...)): $((010)) would be octal in some shells
  v=$(expr "$2" + 0 || true) # expr exits 1 when the result is 0
  [ "$v" -le 2147483647 ] || fatal "$1=$2 is out of range."
  if [ "$v" -eq 0 ]; then
    fatal "$1=0 is refused: the server never runs as root. Remove $1 to use the default 999, or set it to the owner of your data directory (e.g. $1=1000). See docs/security.md."
  fi
  echo "$v"
}

# Runs a command as the final identity.
as_app() {
  if [ "$(id -u)" = 0 ]; then gosu "$APP_USER" "$@"; else "$@"; fi
}

# Fails with the path, the identity and the usual fix when a path the server writes is not writable.
probe_writable() { # $1 variable name, $2 path, $3 fix
  # shellcheck disable=SC2016 # $1 and $$ expand in the inner shell, on purpose
  if ! as_app sh -c 'mkdir -p "$1" 2>/dev/null; f="$1/.snapotter-write-probe.$$"; : >"$f" 2>/dev/null && rm -f "$f"' probe "$2"; then
    fatal "$1=$2 is not writable by uid $app_uid gid $app_gid. $3"
  fi
}

# Takes ownership of everything under $1 that is not already PUID:PGID. Visits every inode but writes
# only wrong ones, so a big, already-migrated volume costs a stat walk, not a rewrite. -h: a symlink
# is re-owned itself, its target never.
fix_ownership() { # $1 path
  mkdir -p "$1" || return 0
  n=$(find "$1" \( ! -user "$app_uid" -o ! -group "$app_gid" \) -exec chown -h "$app_uid:$app_gid" {} + -printf '.' | wc -c)
  if [ "$n" -gt 0 ]; then
    log "took ownership of $n entries under $1 for $app_uid:$app_gid (files kept byte for byte)"
  fi
}

# A secret file the dropped user cannot read (a root-only 0600 bind mount, a compose secret) is
# copied to a 0400 file owned by that user on /dev/shm (memory, never the image or a volume), and
# NAME_FILE is pointed at the copy. Nothing else about secrets happens here.
stage_secrets() {
  for name in $SECRET_VARS; do
    eval "file=\${${name}_FILE:-}"
    [ -n "$file" ] || continue
    [ -f "$file" ] || continue # missing: the server reports it with the path
    gosu "$APP_USER" test -r "$file" && continue
    if [ ! -d "$SECRET_STAGE" ]; then
      if ! { mkdir -p "$SECRET_STAGE" && chmod 0700 "$SECRET_STAGE" && chown "$app_uid:$app_gid" "$SECRET_STAGE"; }; then
        fatal "${name}_FILE=$file is not readable by uid $app_uid and $SECRET_STAGE cannot be created. Make the file readable by uid $app_uid (chmod 0440 + group $app_gid)."
      fi
    fi
    if ! { (umask 077 && cp "$file" "$SECRET_STAGE/$name") && chown "$app_uid:$app_gid" "$SECRET_STAGE/$name" &&
      chmod 0400 "$SECRET_STAGE/$name"; }; then
      fatal "cannot stage ${name}_FILE=$file for uid $app_uid."
    fi
    export "${name}_FILE=$SECRET_STAGE/$name"
    log "${name}_FILE: $file is not readable by uid $app_uid; the server reads a private in-memory copy"
  done
}

remap_user() {
  cur_uid=$(id -u "$APP_USER")
  cur_gid=$(id -g "$APP_USER")
  want_uid=$(parse_id PUID "${PUID:-$cur_uid}")
  want_gid=$(parse_id PGID "${PGID:-$cur_gid}")
  # Only touch /etc when something changes, so the default start writes nothing outside the volumes.
  if [ "$want_gid" != "$cur_gid" ]; then
    groupmod --non-unique --gid "$want_gid" "$APP_USER" 2>/dev/null ||
      fatal "PGID=$want_gid: cannot change the snapotter group (is the root filesystem read-only?). With read_only, start with --user $want_uid:$want_gid instead of PUID/PGID."
  fi
  if [ "$want_uid" != "$cur_uid" ] || [ "$want_gid" != "$cur_gid" ]; then
    usermod --non-unique --uid "$want_uid" --gid "$want_gid" "$APP_USER" 2>/dev/null ||
      fatal "PUID=$want_uid: cannot change the snapotter user (is the root filesystem read-only?). With read_only, start with --user $want_uid:$want_gid instead of PUID/PGID."
    log "snapotter now runs as uid $want_uid gid $want_gid (PUID/PGID)"
  fi
  app_uid=$want_uid
  app_gid=$want_gid
}

if [ "$(id -u)" = 0 ]; then
  remap_user
  stage_secrets
  fix_ownership "$DATA_DIR"
  fix_ownership "$WORKSPACE_PATH"
  fix="The entrypoint could not take ownership (NFS root_squash, an SMB/Windows bind mount, or a read-only mount?). Use a named volume, or on the host run: sudo chown -R $app_uid:$app_gid <host dir>, or set PUID/PGID to the owner of that directory."
  probe_writable DATA_DIR "$DATA_DIR" "$fix"
  probe_writable WORKSPACE_PATH "$WORKSPACE_PATH" "$fix"
  probe_writable HOME "$HOME" "Mount a writable /tmp (tmpfs) or set HOME to a writable path."
  trap - TERM INT
  # One way: gosu switches uid/gid/groups with setuid/setgid (no setuid binary, so this also works
  # under no-new-privileges), clears the capability sets and execs. Nothing root stays behind:
  # tini becomes PID 1 as snapotter and runs the server as its child.
  exec gosu "$APP_USER" /usr/bin/tini -- "$@"
fi

app_uid=$(id -u)
app_gid=$(id -g)
if [ -n "${PUID:-}${PGID:-}" ] && [ "${PUID:-$app_uid}:${PGID:-$app_gid}" != "$app_uid:$app_gid" ]; then
  log "PUID/PGID are ignored: the container was started as uid $app_uid gid $app_gid (--user / runAsUser decides)"
fi
fix="The container was started as uid $app_uid (--user / runAsUser), so it cannot change ownership itself. Fix once: docker run --rm -v <volume>:/data --entrypoint chown <image> -R $app_uid:$app_gid /data ; in Kubernetes set fsGroup: $app_gid ; or start once without --user so the entrypoint migrates the volume."
probe_writable DATA_DIR "$DATA_DIR" "$fix"
probe_writable WORKSPACE_PATH "$WORKSPACE_PATH" "Mount a writable volume or tmpfs at $WORKSPACE_PATH. $fix"
probe_writable HOME "$HOME" "With a read-only root filesystem mount a tmpfs at /tmp (e.g. --tmpfs /tmp:rw,noexec,nosuid,nodev,size=512m)."
trap - TERM INT
exec /usr/bin/tini -- "$@"
