#!/usr/bin/env bash
# Startup benchmark: time to ready and resident memory of the embedded default.
#
#   mvn -q -B package -DskipTests && bench/startup.sh [rounds] [variant...]
#
# Each round starts every variant once, one after the other (a machine that other work loads
# slows all variants alike), each on an empty data folder, and measures
#   ready_ms  launch until Payara Micro logs "... ready in"
#   api_ms    launch until the first 200 of GET /api/forms/intake-request as alice:demo
#   rss_mb    VmRSS of the server process right after that first 200
#   cpu_ms    CPU time (user + system, all threads) the server used until then: on a machine that
#             other work loads, wall time stretches with the load while this stays about the same
# then prints each variant's medians and their ratio to the first variant's.
#
# Variants (default: baseline lean):
#   baseline   the plain command line of the first release: java -Xmx512m -jar payara-micro.jar
#              --deploy intake.war --contextroot / --port P (clustering on, runtime unpacked per start)
#   flags      baseline + the lean JVM and Payara Micro options (LEAN_JVM, LEAN_MICRO)
#   lean       flags, started like the Docker image and `mvn -Prun package`: from a runtime unpacked
#              once (--rootdir + --outputlauncher) with an AppCDS archive of its classes
#              (created once by a training start before the rounds, not timed)
# Environment: PORT (default 18080), TIMEOUT_S (default 240), KEEP_LOGS=1 keeps the server logs
# under target/startup-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-3}"; shift || true
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(baseline lean)
port="${PORT:-18080}"
timeout_s="${TIMEOUT_S:-240}"
jar="$PWD/target/payara-micro.jar"
war="$PWD/target/intake.war"
[ -f "$jar" ] && [ -f "$war" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 2; }

# Keep in step with the run profile (pom.xml), docker/Dockerfile and arquillian.xml (docs/operations.md "Startup").
LEAN_JVM=(-Xmx512m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=256m
          -XX:ReservedCodeCacheSize=64m)
LEAN_MICRO=(--nohazelcast --nohostaware)

out="$PWD/target/startup-bench"
mkdir -p "$out"
results="$out/results.tsv"
: > "$results"
root="$out/micro-root"            # the lean variant's runtime, restored before each start
pristine="$out/micro-root.pristine"
cds="$out/micro-root.jsa"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

command_of() { # variant data-dir -> prints nothing, sets cmd
    case "$1" in
        baseline) cmd=(java -Xmx512m -jar "$jar" --deploy "$war" --contextroot / --port "$port") ;;
        flags)    cmd=(java "${LEAN_JVM[@]}" -jar "$jar" --deploy "$war" --contextroot / "${LEAN_MICRO[@]}"
                       --rootdir "$2/micro-root" --port "$port") ;;
        lean|lean-train)
                  local share=(-XX:SharedArchiveFile="$cds")
                  [ "$1" = lean-train ] && share=(-XX:ArchiveClassesAtExit="$cds")
                  cmd=(java "${LEAN_JVM[@]}" "${share[@]}" -Xshare:auto -jar "$root/launch-micro.jar" --deploy "$war"
                       --contextroot / "${LEAN_MICRO[@]}" --rootdir "$root" --port "$port") ;;
        *) echo "unknown variant $1" >&2; exit 2 ;;
    esac
}

# start variant round: starts the server, waits until ready, prints the figures, stops it.
run_once() {
    local variant="$1" round="$2" dir log pid start now ready_ms="" api_ms="" rss_kb="" cpu_ms="" code
    dir="$(mktemp -d "$out/run-XXXXXX")"
    log="$out/$variant-$round.log"
    command_of "$variant" "$dir"
    if [[ "$variant" == lean* ]]; then rm -rf "$root"; cp -a "$pristine" "$root"; fi
    if port_busy "$port"; then echo "port $port is in use; set PORT" >&2; exit 2; fi
    start=$(date +%s%N)
    (cd "$dir" && INTAKE_DATA_DIR="$dir/data" exec "${cmd[@]}" >"$log" 2>&1) &
    pid=$!   # the subshell execs java: $pid is the server
    while :; do
        now=$(date +%s%N)
        if ! kill -0 "$pid" 2>/dev/null; then echo "$variant: server exited, see $log" >&2; break; fi
        if (( (now - start) / 1000000000 > timeout_s )); then echo "$variant: not ready in ${timeout_s}s" >&2; break; fi
        if [ -z "$ready_ms" ] && grep -q ' ready in ' "$log" 2>/dev/null; then ready_ms=$(( (now - start) / 1000000 )); fi
        code=$(curl -s -o /dev/null -w '%{http_code}' -u alice:demo --max-time 2 \
               "http://127.0.0.1:$port/api/forms/intake-request" 2>/dev/null || true)
        if [ "$code" = 200 ]; then
            api_ms=$(( ($(date +%s%N) - start) / 1000000 ))
            rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
            cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' "/proc/$pid/stat")
            [ -n "$ready_ms" ] || ready_ms=$api_ms
            break
        fi
        sleep 0.1
    done
    kill "$pid" 2>/dev/null || true   # SIGTERM: a clean shutdown (the training start writes its archive then)
    local grace=300; [ "$variant" = lean-train ] && grace=3000   # writing the archive takes a while
    for _ in $(seq 1 "$grace"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$dir"
    [ "${KEEP_LOGS:-0}" = 1 ] || rm -f "$log"
    [ -n "$api_ms" ] || { echo "$variant round $round failed" >&2; exit 1; }
    [ "$variant" = lean-train ] && return
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" "$round" "$ready_ms" "$api_ms" "$(( rss_kb / 1024 ))" "$cpu_ms" | tee -a "$results"
}

if [[ " ${variants[*]} " == *" lean "* ]]; then
    # What the Docker image build does once: unpack the runtime with a launcher jar, then a
    # training start writes the AppCDS archive of the classes it loaded.
    if [ ! -f "$pristine/launch-micro.jar" ] || [ "$jar" -nt "$pristine/launch-micro.jar" ]; then
        rm -rf "$pristine" "$cds"
        java -jar "$jar" --rootdir "$pristine" --outputlauncher >"$out/outputlauncher.log" 2>&1
    fi
    if [ ! -f "$cds" ] || [ "$war" -nt "$cds" ]; then
        echo "training start for the AppCDS archive (not measured)" >&2
        rm -f "$cds"; run_once lean-train 0
        [ -f "$cds" ] || { echo "no AppCDS archive was written" >&2; exit 1; }
    fi
fi

printf 'variant\tround\tready_ms\tapi_ms\trss_mb\tcpu_ms\n'
for r in $(seq 1 "$rounds"); do
    for v in "${variants[@]}"; do run_once "$v" "$r"; done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
echo
printf 'median of %s\tready_ms\tapi_ms\trss_mb\tcpu_ms\n' "$rounds"
base=()
for v in "${variants[@]}"; do
    m=()
    for col in 3 4 5 6; do m+=("$(awk -v v="$v" -v c="$col" '$1==v {print $c}' "$results" | median)"); done
    [ ${#base[@]} -gt 0 ] || base=("${m[@]}")
    awk -v v="$v" -v a="${m[*]}" -v b="${base[*]}" 'BEGIN {
        split(a, x, " "); split(b, y, " "); printf "%s", v
        for (i = 1; i <= 4; i++) printf "\t%d (%.2fx)", x[i], x[i] / y[i]; print "" }'
done
