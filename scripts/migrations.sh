#!/usr/bin/env bash
# Regenerates the EF Core migrations of both metadata providers from the current model.
# Usage: scripts/migrations.sh NAME   (adds a migration named NAME to both providers)
#        scripts/migrations.sh --reset (deletes all and creates 'Initial'; only before the first release)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name="${1:?migration name or --reset}"
exec 9>/tmp/raciflow-migrations.lock
flock 9
if [ "$name" = "--reset" ]; then
  rm -rf src/Raciflow/Storage/Migrations src/Raciflow/Raciflow
  name=Initial
fi

for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Raciflow --context "${ctx}RaciflowDbContext" \
    --output-dir "Storage/Migrations/${ctx}" >/dev/null
done
echo "migrations '$name' written to src/Raciflow/Storage/Migrations/{Sqlite,Postgres}"
