#!/usr/bin/env bash
# Runs every test of Signals on a fresh Debian machine that has the .NET 10 SDK.
# Installs what the tests need (redis-server from apt, GramJS from npm), builds once, runs each test project in turn,
# and ends with one line counted from the test results: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
  echo "== installing redis-server (apt-get)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null || {
    echo "could not install redis-server" >&2; exit 1; }
fi

if [ ! -d tests/gramjs/node_modules/telegram ]; then
  echo "== installing the GramJS harness (npm ci, pinned by tests/gramjs/package-lock.json)"
  (cd tests/gramjs && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tests/gramjs" >&2; exit 1; }
fi

if [ ! -d tests/k8s-validate/node_modules/kubernetes-models ]; then
  echo "== installing the manifest validator (npm ci, pinned by tests/k8s-validate/package-lock.json)"
  (cd tests/k8s-validate && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in tests/k8s-validate" >&2; exit 1; }
fi

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

echo "== building"
dotnet build Signals.sln -c Release -nologo -v:q || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*.Tests/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  # One project at a time: the cluster and Redis tests start servers of their own and want the machine's two cores.
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 5m --blame-hang-dump-type none || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

expected=$(ls tests/*.Tests/*.csproj | wc -l)
found=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$found" -lt "$expected" ]; then
  # A test host that crashed writes no results: count the missing project as a failure rather than hide it.
  failed=$((failed + expected - found))
  status=1
fi
[ "$failed" -gt 0 ] && status=1

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
