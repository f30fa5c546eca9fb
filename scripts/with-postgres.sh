#!/usr/bin/env bash
# Runs a command with the loopback PostgreSQL servers of scripts/postgres.sh up, and stops
# them afterwards whatever happens (failure, Ctrl-C). The command sees
#   ALMANAC_TEST_POSTGRES_URL          the single server (password included)
#   ALMANAC_TEST_POSTGRES_CLUSTER_URL  the coordinator of the two-shard cluster
# Used by `make test`: scripts/with-postgres.sh sh -c 'swift test && …'
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'scripts/postgres.sh stop' EXIT
trap 'exit 130' INT TERM
scripts/postgres.sh start
ALMANAC_TEST_POSTGRES_URL=$(scripts/postgres.sh url single)
ALMANAC_TEST_POSTGRES_CLUSTER_URL=$(scripts/postgres.sh url cluster)
export ALMANAC_TEST_POSTGRES_URL ALMANAC_TEST_POSTGRES_CLUSTER_URL
echo "with-postgres: PostgreSQL 15 on loopback: single server and a two-shard cluster"
"$@"
