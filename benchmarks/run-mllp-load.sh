#!/usr/bin/env bash
# Starts the mock receiver jar, runs the MLLP load tool against it with 1 and 16 connections,
# then stops the mock. Usage: benchmarks/run-mllp-load.sh [seconds]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
port="${MOCK_PORT:-28576}"
health="${MOCK_HEALTH_PORT:-29576}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mock_jar=hl7-mock-receiver/target/hl7-mock-receiver-0.1.0-SNAPSHOT-exec.jar

# The mock logs one INFO line per message by default; MOCK_LOG_LEVEL=WARN measures without it.
PORT=$port HEALTH_CHECK_PORT=$health LOG_LEVEL="${MOCK_LOG_LEVEL:-INFO}" \
  "$java_bin" ${MOCK_JAVA_OPTS:--Xmx256m} -jar "$mock_jar" \
  > "${MOCK_LOG_FILE:-/tmp/mllp-load-mock.log}" 2>&1 &
mock_pid=$!
trap 'kill $mock_pid 2>/dev/null; wait $mock_pid 2>/dev/null' EXIT

for _ in $(seq 1 60); do
  (exec 3<>/dev/tcp/127.0.0.1/$health) 2>/dev/null && break
  sleep 0.5
done

for connections in 1 16; do
  "$java_bin" -cp benchmarks/target/benchmarks.jar io.integrationhub.bench.MllpLoad \
    --port "$port" --connections "$connections" --seconds "$seconds" --warmup-seconds 5 2>/dev/null
  echo "mock receiver RSS: $(ps -o rss= -p $mock_pid | awk '{printf "%.0f MiB", $1/1024}')"
  echo
done
