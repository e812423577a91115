#!/usr/bin/env bash
# Checks docker/ without a Docker engine (docs/operations.md "Docker"):
#   docker/check.sh            compose.yaml and Dockerfile checks, then the Dockerfile's build stage
#                              run outside Docker on a copy of HEAD and the runtime command started
#                              (several minutes: a full Maven build and a server start)
#   docker/check.sh --static   only the compose.yaml and Dockerfile checks (seconds; `mvn verify` runs this)
# The validator and the Compose schema come from the npm registry (docker/check/package-lock.json),
# installed once into docker/check/node_modules; later runs work offline.
set -euo pipefail
dir="$(cd "$(dirname "$0")/check" && pwd)"
if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
fi
exec node "$dir/check.mjs" "$@"
