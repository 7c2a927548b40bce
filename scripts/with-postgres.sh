#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster (loopback only, trust auth) and removes it afterwards.
#   bash scripts/with-postgres.sh npx vitest run --project @contract-kit/user-service
# The command sees DATABASE_URL=postgres://postgres@127.0.0.1:<port>/postgres; the script exits with its code.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! bin_dir=$(find_bin_dir); then
  echo "with-postgres: no PostgreSQL binaries under /usr/lib/postgresql; installing the postgresql package" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  bin_dir=$(find_bin_dir) || { echo "with-postgres: PostgreSQL is still missing after apt-get install" >&2; exit 1; }
fi

# initdb and postgres refuse to run as root: run them as the `postgres` user when we are root.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

work_dir=$(mktemp -d -t with-postgres.XXXXXX)
data_dir="$work_dir/data"
started=0

cleanup() {
  if [ "$started" -eq 1 ]; then
    as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" -eq 0 ]; then chown postgres: "$work_dir"; fi
chmod 700 "$work_dir"

as_postgres "$bin_dir/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$work_dir/initdb.log" 2>&1 ||
  { cat "$work_dir/initdb.log" >&2; exit 1; }

port=$(free_port)
started=1
if ! as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -l "$work_dir/postgres.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null; then
  echo "with-postgres: PostgreSQL did not start; its log:" >&2
  cat "$work_dir/postgres.log" >&2
  exit 1
fi

for _ in $(seq 1 50); do
  if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then break; fi
  sleep 0.2
done
"$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres ||
  { echo "with-postgres: PostgreSQL is not accepting connections on port $port" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin_dir/postgres" --version | awk '{print $3}') at $DATABASE_URL" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
