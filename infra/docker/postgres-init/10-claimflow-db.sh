#!/bin/sh
# Runs once, when the postgres image initialises an empty data volume: the claimflow role and
# database next to Temporal's (auto-setup creates `temporal` and `temporal_visibility` itself).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v claimflow_password="${CLAIMFLOW_DB_PASSWORD:?CLAIMFLOW_DB_PASSWORD is not set}" <<'SQL'
CREATE ROLE claimflow LOGIN PASSWORD :'claimflow_password';
CREATE DATABASE claimflow OWNER claimflow;
SQL
