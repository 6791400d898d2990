#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1:${PGPORT:-55432} (or the next free port) for the test run
# and prints its URL.
set -euo pipefail
port="${PGPORT:-55432}"
# A server left running on the port (by an earlier run on the same machine) is not ours to use: take the
# next free port instead.
for _ in $(seq 1 20); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$((port + 1)); else break; fi
done
bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/lantern-pg.XXXXXX)"
chown postgres:postgres "$dir"
runuser -u postgres -- "$bindir/initdb" -D "$dir/data" -U lantern --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null
runuser -u postgres -- "$bindir/createdb" -h 127.0.0.1 -p "$port" -U lantern lantern
echo "postgres://lantern@127.0.0.1:$port/lantern"
