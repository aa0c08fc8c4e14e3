#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests of `guichet push` (Debian's postgresql package).
#   postgres.sh start DIR   make a cluster in DIR (an empty folder), start it on a free
#                           localhost port, print its URL on stdout
#   postgres.sh stop DIR    stop that server and remove DIR
# The package is installed only when missing (like bootstrap.sh). Root cannot run postgres:
# as root the server runs as the 'postgres' system user (runuser); otherwise as yourself.
set -euo pipefail
action="${1:-}"
dir="${2:-}"
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage : postgres.sh start|stop DOSSIER" >&2
  exit 2
fi

as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

bin_dir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

if [ "$action" = stop ]; then
  if [ -f "$dir/data/postmaster.pid" ] && bin="$(bin_dir)"; then
    as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi
[ "$action" = start ] || { echo "action inconnue : $action (start ou stop)" >&2; exit 2; }

if ! bin="$(bin_dir)"; then
  echo "Installation de PostgreSQL (paquet Debian postgresql)" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(bin_dir)" || { echo "PostgreSQL introuvable après installation" >&2; exit 1; }
fi

mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
fi
chmod 700 "$dir"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_server "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a test server never needs to survive a power cut, and it starts in a second.
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
echo "postgresql://postgres@127.0.0.1:$port/postgres"
