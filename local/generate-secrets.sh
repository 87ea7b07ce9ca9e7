#!/usr/bin/env bash
# Prints one "NAME=<random value>" line for every "NAME=" line of .secrets-template.
# Usage (from the repository root):  local/generate-secrets.sh > local/.secrets
#
# Each value is 16 random bytes from /dev/urandom as URL-safe base64 (22 characters of
# A-Z a-z 0-9 - _) followed by a fixed "!9" suffix, so SQL Server's password rule (3 of 4 character
# classes, at least 8 characters) always holds, not just almost always.
set -euo pipefail

template="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.secrets-template"
suffix='!9'

token() {
  head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '' | '#'*) continue ;;
  esac
  name="${line%%=*}"
  printf '%s=%s%s\n' "$name" "$(token)" "$suffix"
done < "$template"
