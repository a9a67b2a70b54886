#!/usr/bin/env bash
# A Spark standalone cluster on this machine's loopback, from the jars Maven fetched: one master and
# two workers (one core each), in separate JVMs. It checks that
#   1. `reverie run --master spark://...` with --max-programs finds exactly the frontiers and library
#      of a local run with the same budget and seed;
#   2. killing one worker's executor in the middle of a wake, and later the driver itself (then
#      --resume), still ends with those same frontiers;
#   3. bad input is one line and exit code 3: an unreachable master, a cluster with no room for an
#      executor, an executor without Java 17, an executor with another Reverie version.
# Everything it starts it stops (trap), by process id. Usage, from the repository root:
#   spark/scripts/cluster-test.sh [--max-programs N] [--keep DIR]
# Prints one line per check and ends with 'N passed, N failed'.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
budget=20000
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --max-programs) budget="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "usage: $0 [--max-programs N] [--keep DIR]" >&2; exit 2 ;;
  esac
done
work="${keep:-$(mktemp -d /tmp/reverie-cluster.XXXXXX)}"
mkdir -p "$work"
pids=()
passed=0 failed=0

say() { echo "cluster-test: $*"; }
pass() { passed=$((passed + 1)); say "PASS $*"; }
fail() { failed=$((failed + 1)); say "FAIL $*"; }

stop_all() {
  # Executors first (children of the workers), then workers and masters; TERM, then KILL.
  local all=()
  for p in "${pids[@]}"; do
    for c in $(pgrep -P "$p" 2>/dev/null); do all+=("$c"); done
  done
  all+=("${pids[@]}")
  for p in "${all[@]}"; do kill "$p" 2>/dev/null; done
  for _ in $(seq 20); do
    local alive=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.5
  done
  for p in "${all[@]}"; do kill -9 "$p" 2>/dev/null; done
  pids=()
}
trap 'stop_all; [ -z "$keep" ] && rm -rf "$work"' EXIT

say "building spark/target/reverie-spark.jar"
(cd "$root" && mvn -q -pl spark -am -DskipTests package) || { say "build failed"; exit 1; }
opts="$(cat "$root/spark/target/jvm-options.txt")"

# A SPARK_HOME laid out from the Maven-fetched jars: workers build their executors' class path from
# $SPARK_HOME/jars, and find a log configuration in $SPARK_HOME/conf.
home() {
  local dir="$1"
  mkdir -p "$dir/jars" "$dir/conf"
  tr ':' '\n' < "$root/spark/target/spark-classpath.txt" | while read -r j; do ln -sf "$j" "$dir/jars/"; done
  # The daemons log at INFO (the script reads their addresses there), with short stack traces.
  cat > "$dir/conf/log4j2.properties" <<'LOG'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex{2}
LOG
}
home "$work/spark-home"

export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
# start_master NAME: sets $master to its spark:// URL.
start_master() {
  local log="$work/$1.log"
  SPARK_HOME="$work/spark-home" java $opts -Xmx256m -cp "$work/spark-home/conf:$work/spark-home/jars/*" \
    org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 120); do
    master="$(grep -o 'spark://127.0.0.1:[0-9]*' "$log" 2>/dev/null | head -1)"
    [ -n "$master" ] && return 0
    sleep 0.5
  done
  say "the master did not start (see $log)"; exit 1
}
# start_worker NAME MASTER HOME [JAVA_HOME]: one core, 1 GB; sets $worker to its process id.
start_worker() {
  local log="$work/$1.log"
  JAVA_HOME="${4:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}" \
  SPARK_HOME="$3" java $opts -Xmx256m -cp "$3/conf:$3/jars/*" \
    org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 \
    --memory 1g --work-dir "$work/$1" "$2" >"$log" 2>&1 &
  worker=$!
  pids+=($worker)
  for _ in $(seq 120); do
    grep -q "Successfully registered with master" "$log" 2>/dev/null && return 0
    sleep 0.5
  done
  say "worker $1 did not register (see $log)"; exit 1
}

start_master master
start_worker worker-1 "$master" "$work/spark-home"
worker1=$worker
start_worker worker-2 "$master" "$work/spark-home"
say "master $master with two workers (pids ${pids[*]})"

run=(run --suite lists --iterations 1 --max-programs "$budget" --batch-size 20 --recognition-steps 200
     --threads 2 --seed 1)
# The files that must be equal: every iteration's training and test frontiers and grammar.
same() {
  local a="$1" b="$2" diff=0 n=0
  for f in $(cd "$a" && find . -name frontiers.json -o -name test-frontiers.json -o -name grammar.json | sort); do
    n=$((n + 1))
    cmp -s "$a/$f" "$b/$f" || { diff=1; say "  differs: $f"; }
  done
  [ $n -ge 6 ] && [ $diff = 0 ]
}

say "local run (max-programs $budget)"
"$root/reverie" "${run[@]}" --out "$work/local" >"$work/local.out" 2>"$work/local.err" \
  || { fail "the local run failed (see $work/local.err)"; exit 1; }

say "cluster run"
"$root/reverie" "${run[@]}" --master "$master" --out "$work/cluster" >"$work/cluster.out" 2>"$work/cluster.err"
if [ $? = 0 ] && same "$work/local" "$work/cluster"; then
  pass "the cluster run's frontiers and grammars are the local run's"
else
  fail "cluster run (see $work/cluster.err)"
fi

say "cluster run with an executor killed mid-wake, then the driver killed after iteration 0"
"$root/reverie" "${run[@]}" --master "$master" --out "$work/faults" >"$work/faults.out" 2>"$work/faults.err" &
driver=$!
pids+=($driver)
# Mid-wake: once iteration 0's wake has begun and worker 1's executor is running its jobs.
for _ in $(seq 600); do grep -q "^wake: started" "$work/faults.err" && break; sleep 0.2; done
sleep 3
executor="$(pgrep -P "$worker1" -f CoarseGrainedExecutorBackend | head -1)"
if [ -n "$executor" ]; then
  kill -9 "$executor" && say "killed executor process $executor of worker 1"
else
  say "no executor of worker 1 to kill"
fi
for _ in $(seq 1200); do [ -f "$work/faults/iteration-000/manifest.json" ] && break; sleep 0.5; done
kill -9 "$driver" 2>/dev/null && say "killed the driver (pid $driver) after the checkpoint of iteration 0"
wait "$driver" 2>/dev/null
"$root/reverie" run --resume "$work/faults" --master "$master" >"$work/resume.out" 2>"$work/resume.err"
resumed=$?
lost="$(grep -c "Lost task\|Lost executor\|ExecutorLostFailure" "$work/faults.err")"
if [ -n "$executor" ] && [ "$lost" -gt 0 ] && [ $resumed = 0 ] && same "$work/local" "$work/faults"; then
  pass "after a killed executor ($lost lines of lost tasks) and a killed driver, --resume ends with the same frontiers"
else
  fail "faults: executor=${executor:-none}, lost=$lost, resume exit $resumed (see $work/faults.err, $work/resume.err)"
fi

# one_line NAME EXPECTED-TEXT COMMAND...: the command must exit 3 with one line containing the text.
one_line() {
  local name="$1" text="$2"; shift 2
  "$@" >"$work/$name.out" 2>"$work/$name.err"
  local code=$? lines
  lines="$(grep -v '^reverie: building\|^\[' "$work/$name.err" | grep -c .)"
  if [ $code = 3 ] && [ "$lines" = 1 ] && grep -q "$text" "$work/$name.err"; then
    pass "$name: $(grep -v '^reverie: building\|^\[' "$work/$name.err")"
  else
    fail "$name: exit $code, $lines lines (see $work/$name.err)"
  fi
}
solve=(solve --suite lists --split test --max-programs 100)

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
one_line unreachable "cannot reach the Spark master" "$root/reverie" "${solve[@]}" --master "spark://127.0.0.1:$port"
JAVA_OPTS="-Dspark.executor.memory=64g -Dspark.reverie.startTimeoutSeconds=30" \
  one_line no-room "no Spark executor ran a task within 30 s" "$root/reverie" "${solve[@]}" --master "$master"
stop_all

# An executor without Java 17: a worker whose java fails as Java 11 does on Spark 4's classes.
mkdir -p "$work/java11/bin"
cat > "$work/java11/bin/java" <<'EOF'
#!/bin/sh
echo "Error: LinkageError occurred while loading main class org.apache.spark.executor.CoarseGrainedExecutorBackend" >&2
echo "	java.lang.UnsupportedClassVersionError: class file version 61.0, this version of the Java Runtime only recognizes class file versions up to 55.0" >&2
exit 1
EOF
chmod +x "$work/java11/bin/java"
start_master master-java11
start_worker worker-java11 "$master" "$work/spark-home" "$work/java11"
JAVA_OPTS="-Dspark.reverie.startTimeoutSeconds=60" \
  one_line java11 "exit as they start.*Java 17" "$root/reverie" "${solve[@]}" --master "$master"
stop_all

# An executor with another Reverie: its worker's SPARK_HOME holds another build of reverie-spark.jar,
# which its executors load before the driver's.
home "$work/spark-home-other"
cp "$root/spark/target/reverie-spark.jar" "$work/other.jar"
mkdir -p "$work/other" && echo "version=0.0.1-other" > "$work/other/reverie-spark.properties"
(cd "$work/other" && jar uf "$work/other.jar" reverie-spark.properties)
mv "$work/other.jar" "$work/spark-home-other/jars/reverie-spark-other.jar"
start_master master-other
start_worker worker-other "$master" "$work/spark-home-other"
one_line version "runs Reverie 0.0.1-other and the driver" "$root/reverie" "${solve[@]}" --master "$master"
stop_all

echo "cluster-test: $passed passed, $failed failed (work directory $work)"
[ $failed = 0 ]
