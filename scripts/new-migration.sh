#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
# committed schema (HEAD) and the working copy. `prisma migrate dev` does not work with the
# offline Wasm schema engine (it drops its shadow database while connected), so diff instead.
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh <name>}
cd "$(dirname "$0")/.."
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
prev=$(mktemp --suffix=.prisma)
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git show HEAD:prisma/schema.prisma > "$prev"
  from=(--from-schema-datamodel "$prev")
else
  from=(--from-empty)
fi
mkdir -p "$dir"
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$prev"
echo "wrote $dir/migration.sql"
