#!/usr/bin/env bash
# Starts the hl7-server jar as the PHW server (local/phw-hl7-server.env) with its embedded,
# persistent Artemis broker, then runs the MLLP load tool against it: 16 connections as fast as
# possible, then 16 connections at a fixed 1,000 msg/s. Prints msg/s, ACK latency percentiles and
# the server's RSS. Usage: benchmarks/run-server-load.sh [seconds]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
port="${SERVER_PORT:-28575}"
health="${SERVER_HEALTH_PORT:-29575}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
server_jar=hl7-server/target/hl7-server-0.1.0-SNAPSHOT-exec.jar
data_dir=$(mktemp -d)

(
  set -a
  . local/phw-hl7-server.env
  set +a
  PORT=$port HEALTH_CHECK_PORT=$health MANAGEMENT_PORT="${SERVER_MANAGEMENT_PORT:-29675}" \
    ARTEMIS_DATA_DIR="$data_dir" LOG_LEVEL="${SERVER_LOG_LEVEL:-INFO}" \
    exec env ${SERVER_ENV:-} "$java_bin" ${SERVER_JAVA_OPTS:--Xmx512m} -jar "$server_jar"
) > "${SERVER_LOG_FILE:-/tmp/server-load.log}" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$data_dir"' EXIT

for _ in $(seq 1 120); do
  (exec 3<>/dev/tcp/127.0.0.1/$health) 2>/dev/null && break
  sleep 0.5
done

for rate in ${RATES:-0 1000}; do
  "$java_bin" -cp benchmarks/target/benchmarks.jar io.integrationhub.bench.MllpLoad \
    --port "$port" --connections 16 --rate "$rate" --seconds "$seconds" --warmup-seconds 8 \
    --message phw-a31-valid.hl7 2>/dev/null
  echo "server RSS: $(ps -o rss= -p $server_pid | awk '{printf "%.0f MiB", $1/1024}')"
  echo
done
