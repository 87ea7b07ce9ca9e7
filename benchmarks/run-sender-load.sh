#!/usr/bin/env bash
# Runs the sender load tool: the MPI sender (local/mpi-hl7-sender.env, unthrottled) delivering
# pre-filled messages from the embedded durable Artemis broker to the mock MPI, all in one JVM.
# Four runs: message store on/off, each with completion delay 0 and 20 ms. Prints msg/s, the
# sender's delivery latency (handler start -> matching AA) percentiles and the process RSS.
# Usage: benchmarks/run-sender-load.sh [messages] [warm-up messages]
#        (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
messages="${1:-30000}"
warmup="${2:-5000}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

for store in true false; do
  for delay in ${COMPLETION_DELAYS_MS:-0 20}; do
    "$java_bin" ${SENDER_LOAD_JAVA_OPTS:--Xmx512m --sun-misc-unsafe-memory-access=allow} -cp benchmarks/target/benchmarks.jar \
      io.integrationhub.bench.SenderLoad --messages "$messages" --warmup-messages "$warmup" \
      --store "$store" --completion-delay-ms "$delay" \
      --log-file "${SENDER_LOG_FILE:-/tmp/sender-load.log}"
    echo
  done
done
