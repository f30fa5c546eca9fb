#!/usr/bin/env bash
# Throwaway PostgreSQL 15 servers on loopback for `make test`:
#   single       one server, database `demo`, role `almanac` with a password (and CREATEROLE, for the tests of privileges);
#   coordinator  + shard1 + shard2: the two-shard cluster. On the coordinator, `users` and
#                `enrollments` are PARTITION BY HASH tables (users by id, enrollments by
#                user_id, so a learner and their enrollments share a shard) whose two
#                partitions are postgres_fdw foreign tables on the shards; `organizations` and
#                `badges` are plain tables on the coordinator. Load rows with
#                `almanac seed --out "$(scripts/postgres.sh url cluster)" --keep-schema`.
#
#   scripts/postgres.sh start            initdb and start all four (a few seconds)
#   scripts/postgres.sh url single|cluster   print a URL (with the password) for almanac
#   scripts/postgres.sh stop             stop all four and delete their folder
#
# Servers run as the unprivileged `postgres` user (root may not run them), the C locale and
# UTF-8 so text sorts by code point as in SQLite, fsync off: this data is disposable.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
# One folder per checkout, so two worktrees can test at once.
ROOT=${ALMANAC_PG_DIR:-${TMPDIR:-/tmp}/almanac-postgres-$(pwd | md5sum | cut -c1-8)}
SERVERS=(single coordinator shard1 shard2)

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# psql as the superuser over the server's own socket: psql SERVER DATABASE [args…]
sql() {
  local server=$1 database=$2; shift 2
  as_postgres "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$ROOT/$server" -p "$(port "$server")" \
    -d "$database" "$@"
}

port() { cat "$ROOT/$1/port"; }
password() { cat "$ROOT/password"; }

free_port() {
  python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            print(port)
            break
        except OSError:
            port += 1
PY
}

start_server() {
  local server=$1 port=$2 dir="$ROOT/$1"
  mkdir -p "$dir"
  chown postgres:postgres "$dir" 2>/dev/null || true
  as_postgres "$BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
     -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=30 \
     -c shared_buffers=64MB" >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  sql "$server" postgres -c "CREATE ROLE almanac LOGIN CREATEROLE PASSWORD '$(password)'" \
    -c "CREATE DATABASE demo OWNER almanac"
}

start() {
  if [ -d "$ROOT" ]; then stop; fi
  mkdir -p "$ROOT"
  chmod 755 "$ROOT"
  chown postgres:postgres "$ROOT" 2>/dev/null || true
  python3 -c 'import secrets; print(secrets.token_hex(12))' >"$ROOT/password"
  chmod 644 "$ROOT/password"
  local next=55432 p
  for server in "${SERVERS[@]}"; do
    p=$(free_port "$next")
    start_server "$server" "$p" &
    next=$((p + 1))
    # Start the four in parallel; each picks its own port first.
    echo "$p" >"$ROOT/.$server.port"
  done
  wait_all
  create_cluster
}

# Waits for the background starts; fails if any did.
wait_all() {
  local failed=0
  for job in $(jobs -p); do wait "$job" || failed=1; done
  rm -f "$ROOT"/.*.port
  [ "$failed" -eq 0 ] || { echo "postgres.sh: a server failed to start" >&2; exit 1; }
}

create_cluster() {
  local pw; pw=$(password)
  for shard in shard1 shard2; do
    sql "$shard" demo -c "SET ROLE almanac" -c "
      CREATE TABLE users(id bigint PRIMARY KEY, name text NOT NULL, organization_id bigint,
        joined_at text NOT NULL);
      CREATE TABLE enrollments(id bigint PRIMARY KEY, user_id bigint NOT NULL,
        badge_id bigint NOT NULL, enrolled_at text NOT NULL, status text NOT NULL,
        progress double precision NOT NULL DEFAULT 0, completed_at text);
      CREATE INDEX enrollments_by_learner ON enrollments(user_id, enrolled_at, id, badge_id,
        status, progress, completed_at);
      CREATE INDEX enrollments_by_date ON enrollments(enrolled_at);
      CREATE INDEX enrollments_by_completion ON enrollments(completed_at);"
  done
  sql coordinator demo -c "
    CREATE EXTENSION postgres_fdw;
    CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1',
      port '$(port shard1)', dbname 'demo', async_capable 'true', fetch_size '10000',
      use_remote_estimate 'true');
    CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1',
      port '$(port shard2)', dbname 'demo', async_capable 'true', fetch_size '10000',
      use_remote_estimate 'true');
    CREATE USER MAPPING FOR almanac SERVER shard1 OPTIONS (user 'almanac', password '$pw');
    CREATE USER MAPPING FOR almanac SERVER shard2 OPTIONS (user 'almanac', password '$pw');
    GRANT USAGE ON FOREIGN SERVER shard1, shard2 TO almanac;
    ALTER DATABASE demo SET enable_partitionwise_aggregate = on;
    ALTER DATABASE demo SET enable_partitionwise_join = on;" \
    -c "SET ROLE almanac" -c "
    CREATE TABLE organizations(id bigint PRIMARY KEY, name text NOT NULL UNIQUE);
    CREATE TABLE badges(id bigint PRIMARY KEY, name text NOT NULL UNIQUE, category text NOT NULL);
    CREATE TABLE users(id bigint NOT NULL, name text NOT NULL, organization_id bigint,
      joined_at text NOT NULL) PARTITION BY HASH (id);
    CREATE TABLE enrollments(id bigint NOT NULL, user_id bigint NOT NULL, badge_id bigint NOT NULL,
      enrolled_at text NOT NULL, status text NOT NULL,
      progress double precision NOT NULL DEFAULT 0, completed_at text) PARTITION BY HASH (user_id);
    CREATE FOREIGN TABLE users_0 PARTITION OF users FOR VALUES WITH (MODULUS 2, REMAINDER 0)
      SERVER shard1 OPTIONS (table_name 'users');
    CREATE FOREIGN TABLE users_1 PARTITION OF users FOR VALUES WITH (MODULUS 2, REMAINDER 1)
      SERVER shard2 OPTIONS (table_name 'users');
    CREATE FOREIGN TABLE enrollments_0 PARTITION OF enrollments
      FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard1 OPTIONS (table_name 'enrollments');
    CREATE FOREIGN TABLE enrollments_1 PARTITION OF enrollments
      FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard2 OPTIONS (table_name 'enrollments');"
}

stop() {
  [ -d "$ROOT" ] || return 0
  for server in "${SERVERS[@]}"; do
    if [ -f "$ROOT/$server/data/postmaster.pid" ]; then
      as_postgres "$BIN/pg_ctl" -D "$ROOT/$server/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$ROOT"
}

url() {
  local server
  case "${1:-single}" in
    single) server=single ;;
    cluster) server=coordinator ;;
    *) echo "usage: $0 url single|cluster" >&2; exit 2 ;;
  esac
  echo "postgres://almanac:$(password)@127.0.0.1:$(port "$server")/demo"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url "${2:-single}" ;;
  *) echo "usage: $0 start|stop|url single|cluster" >&2; exit 2 ;;
esac
