#!/usr/bin/env bash
# How long a Redis-mode cluster takes to declare a kill -9'ed silo dead (Orleans membership), with real silo processes.
# Three silos in Redis mode on a private redis-server; each round kills one, polls the membership table in Redis until
# it is marked Dead, and starts a replacement. Extra silo settings go in EXTRA, e.g. Orleans' own defaults:
#   EXTRA="Orleans__Membership__ProbeTimeout=00:00:05 Orleans__Membership__NumMissedProbesLimit=3 \
#          Orleans__Membership__TableRefreshTimeout=00:01:00 Orleans__Membership__IAmAliveTablePublishTimeout=00:05:00"
# Usage: scripts/membership-detection.sh [ROUNDS]   (build Silo in Release first; needs redis-server, redis-cli, curl, python3)
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-10}
SILO=Silo/bin/Release/net10.0/Signals.Silo.dll
[ -f "$SILO" ] || { echo "build Silo in Release first: dotnet build Silo -c Release" >&2; exit 1; }
WORK=$(mktemp -d)
RP=$((20000 + RANDOM % 10000))
KEY=$(head -c32 /dev/zero | tr '\0' 'Z' | base64)
redis-server --port "$RP" --bind 127.0.0.1 --save '' --dir "$WORK" --logfile "$WORK/redis.log" --daemonize no &
REDIS=$!
declare -a PIDS=() PORTS=()
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done; kill "$REDIS" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

start_silo() { # $1 index: ports RP+100+i (silo), RP+200+i (gateway), RP+300+i (http)
  local i=$1
  # shellcheck disable=SC2086 # EXTRA is a list of NAME=VALUE words on purpose
  env -i PATH="$PATH" HOME="$HOME" DOTNET_NOLOGO=1 ConnectionStrings__Redis=127.0.0.1:$RP \
    Orleans__ClusterId=detect Orleans__ServiceId=detect \
    Orleans__Endpoints__SiloPort=$((RP+100+i)) Orleans__Endpoints__GatewayPort=$((RP+200+i)) \
    Signals__Demo__Enabled=false Signals__Secrets__ActiveKeyId=k Signals__Secrets__Keys__k="$KEY" ${EXTRA:-} \
    dotnet "$SILO" --urls "http://127.0.0.1:$((RP+300+i))" >"$WORK/silo$i.log" 2>&1 &
  PIDS[i]=$!
  PORTS[i]=$((RP+100+i))
  until curl -sf "http://127.0.0.1:$((RP+300+i))/health/ready" >/dev/null; do sleep 0.2; done
}

dead() { # is the silo on port $1 marked Dead (status 6) in the membership table?
  redis-cli -p "$RP" --raw HGETALL detect/members/detect | python3 -c '
import json, sys
port = sys.argv[1]
for line in sys.stdin:
    if line.startswith("{"):
        e = json.loads(line)
        if e["SiloAddress"]["SiloAddress"].startswith("127.0.0.1:" + port + "@") and e["Status"] == 6:
            sys.exit(0)
sys.exit(1)' "$1"
}

sleep 0.5
for i in 1 2 3; do start_silo "$i" & done
wait_all() { for i in 1 2 3; do until curl -sf "http://127.0.0.1:$((RP+300+i))/health/ready" >/dev/null; do sleep 0.2; done; done; }
wait_all
# The background starts ran in subshells: find the silo processes by their ports.
for i in 1 2 3; do PIDS[i]=$(pgrep -f "127.0.0.1:$((RP+300+i))" | head -1); PORTS[i]=$((RP+100+i)); done
sleep 3
for round in $(seq 1 "$ROUNDS"); do
  victim=$round
  start=$(date +%s%N)
  kill -9 "${PIDS[victim]}"
  until dead "${PORTS[victim]}"; do sleep 0.02; done
  echo "round $round: declared dead after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  start_silo $((round + 3))
  sleep 2
done
