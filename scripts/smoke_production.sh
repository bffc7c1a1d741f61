#!/usr/bin/env bash
# Production rehearsal: the README's "Production" steps on this checkout, then gunicorn and
# db_worker, then scripts/smoke_check.py against them. Run by .ci/run; locally:
#
#   bash scripts/smoke_production.sh          # needs Redis answering on 127.0.0.1:6379
#
# - A fresh venv from requirements/base.lock only (README step 3), so a runtime import of a
#   development-only package fails here. SMOKE_VENV=/path/to/venv reuses an existing one.
# - LANDNETZ_ENV=production with a random SECRET_KEY, a fresh SQLite file, Redis as cache,
#   an SMTP URL (nothing is sent), the database task backend. HTTPS redirect, HSTS and
#   secure cookies stay on: the checker sends X-Forwarded-Proto: https like the proxy.
# - Collected static files land in var/static of this checkout (STATIC_ROOT).
# - gunicorn and db_worker are always stopped at the end; their logs are shown on failure.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

say() { printf '[smoke] %s\n' "$*"; }
die() { printf '[smoke] ERROR: %s\n' "$*" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/landnetz-smoke.XXXXXX")"
GUNICORN_PID=""
WORKER_PID=""
STATUS=1

stop() {  # stop <pid>: TERM, up to 15 s to finish, then KILL
  local pid="$1" _
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  [[ $STATUS -eq 0 ]] || STATUS=$rc
  stop "$GUNICORN_PID"
  stop "$WORKER_PID"
  if [[ $STATUS -ne 0 ]]; then
    for log in "$WORK/gunicorn.log" "$WORK/db_worker.log"; do
      [[ -s "$log" ]] || continue
      printf '\n[smoke] --- last lines of %s ---\n' "$(basename "$log")"
      tail -n 40 "$log"
    done
  fi
  if [[ "${SMOKE_KEEP:-}" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  [[ $STATUS -eq 0 ]] && say "passed" || say "FAILED"
  exit "$STATUS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Environment (README "Production" step 2) ------------------------------------------
export LANDNETZ_ENV=production
SECRET_KEY="smoke-$(head -c 96 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 60)"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export SITE_URL=https://localhost
export DATABASE_URL="sqlite:///$WORK/landnetz.sqlite3"
export CACHE_URL=redis://127.0.0.1:6379/0
export EMAIL_URL=smtp://127.0.0.1:1025
export TASKS_BACKEND=database
export MEDIA_ROOT="$WORK/media"
unset DEBUG SECURE_SSL_REDIRECT

command -v redis-cli >/dev/null 2>&1 || die "redis-cli not found (apt-get install redis-server)"
[[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]] \
  || die "Redis does not answer on 127.0.0.1:6379 (.ci/run starts it)"
say "environment: LANDNETZ_ENV=production, DATABASE_URL=$DATABASE_URL, CACHE_URL=$CACHE_URL, EMAIL_URL=$EMAIL_URL, TASKS_BACKEND=database"

run() {  # run <command…>: show it, run it, say how long it took
  local started=$SECONDS
  printf '[smoke] $ %s\n' "$*"
  "$@"
  printf '[smoke]   (%d s)\n' $((SECONDS - started))
}

# --- Install (README step 3) -------------------------------------------------------------
if [[ -n "${SMOKE_VENV:-}" ]]; then
  VENV="$SMOKE_VENV"
  [[ -x "$VENV/bin/python" ]] || die "SMOKE_VENV=$VENV has no bin/python"
  say "using the existing venv $VENV (SMOKE_VENV)"
else
  PYTHON=""
  for candidate in python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      PYTHON="$candidate"; break
    fi
  done
  [[ -n "$PYTHON" ]] || die "no Python >= 3.12 found"
  VENV="$WORK/venv"
  run "$PYTHON" -m venv "$VENV"
  run "$VENV/bin/pip" install --quiet --require-hashes -r requirements/base.lock
  run "$VENV/bin/pip" install -qq --no-deps --no-build-isolation .
fi
PY="$VENV/bin/python"
"$PY" -c 'import sys; print("[smoke] Python", sys.version.split()[0])'

# --- Prepare (README step 3; load_demo instead of createsuperuser, so pages have content) --
run "$PY" manage.py migrate --no-input -v0
run "$PY" manage.py collectstatic --no-input -v0
run "$PY" manage.py load_regions
run "$PY" manage.py load_demo --quiet-logins
run "$PY" manage.py check --deploy --fail-level WARNING

# --- Serve (README step 4) ---------------------------------------------------------------
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
say "$ $VENV/bin/gunicorn --config config/gunicorn.conf.py config.wsgi --workers 2 --bind 127.0.0.1:$PORT &"
"$VENV/bin/gunicorn" --config config/gunicorn.conf.py config.wsgi --workers 2 --bind "127.0.0.1:$PORT" \
  >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
say "$ $PY manage.py db_worker &"
"$PY" manage.py db_worker >"$WORK/db_worker.log" 2>&1 &
WORKER_PID=$!

# --- Check from outside -------------------------------------------------------------------
set +e
"$PY" scripts/smoke_check.py --base-url "http://127.0.0.1:$PORT" \
  --gunicorn-pid "$GUNICORN_PID" --worker-pid "$WORKER_PID" --worker-log "$WORK/db_worker.log"
STATUS=$?
set -e
if grep -q 'Traceback' "$WORK/gunicorn.log" "$WORK/db_worker.log"; then
  STATUS=1
  say "a traceback was logged while serving (first one):"
  grep -h -m1 -A40 'Traceback' "$WORK/gunicorn.log" "$WORK/db_worker.log" | head -n 45 || true
fi
exit "$STATUS"
