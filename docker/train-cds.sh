#!/bin/sh
# Writes the AppCDS archive of the image (docs/operations.md "Startup"): starts the server once with the
# runtime stage's own command line on the embedded default, waits until Payara Micro is ready,
# stops it cleanly (the JVM writes the archive of every class it loaded on exit) and removes what
# the start left in the root folder. Later starts map the archive instead of loading and verifying
# those classes again. Java 17: -XX:ArchiveClassesAtExit (no -XX:+AutoCreateSharedArchive before 19).
#   train-cds.sh ROOT WAR        (JAVA_OPTS as in the image)
set -eu
root="$1"; war="$2"; archive="$root/intake.jsa"
data="$(mktemp -d)"; log="$data/server.log"
before="$(ls "$root")"
INTAKE_DATA_DIR="$data/data" java $JAVA_OPTS -XX:ArchiveClassesAtExit="$archive" \
    -jar "$root/launch-micro.jar" --deploy "$war" --contextroot / --nohazelcast --nohostaware \
    --rootdir "$root" --port "${TRAIN_PORT:-18089}" >"$log" 2>&1 &
pid=$!
waited=0
until grep -q ' ready in ' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge "${TRAIN_TIMEOUT_S:-900}" ]; then
        tail -20 "$log" >&2; echo "train-cds: the server did not become ready" >&2
        kill -9 "$pid" 2>/dev/null || true; exit 1
    fi
    sleep 1; waited=$((waited + 1))
done
kill -TERM "$pid"
wait "$pid" || true
for entry in $(ls "$root"); do
    [ "$root/$entry" = "$archive" ] || echo "$before" | grep -qx "$entry" || rm -rf "${root:?}/$entry"
done
rm -rf "$data"
[ -s "$archive" ] || { echo "train-cds: no archive written" >&2; exit 1; }
echo "train-cds: $(du -h "$archive" | cut -f1) archive after a ${waited} s start"
