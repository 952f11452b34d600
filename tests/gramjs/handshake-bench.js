#!/usr/bin/env node
// GramJS (npm "telegram" 2.26.22): the time of a fresh login to Signals' emulator server over loopback TCP.
// Usage: node handshake-bench.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL [RUNS]
// Each run is a new client with an empty session: connect() creates an auth key (req_pq_multi .. dh_gen_ok, RSA_PAD,
// 2048-bit DH) and sends invokeWithLayer(198, initConnection(help.getConfig)), resolving once the config is back.
// The same flow as MtprotoSender.ConnectAsync in tests/Signals.Benchmarks/Mtproto/HandshakeBenchmarks.cs.
// Prints one JSON line: runs, mean/median/min/max in ms. Three warm-up runs are not counted.
"use strict";

const bigInt = require("big-integer");
const { TelegramClient } = require("telegram");
const { StringSession } = require("telegram/sessions");
const { PromisedNetSockets } = require("telegram/extensions");
const RSA = require("telegram/crypto/RSA");

const [port, modulus, fingerprint, runsArg] = process.argv.slice(2);
if (!port || !modulus || !fingerprint) {
  console.error("usage: node handshake-bench.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL [RUNS]");
  process.exit(2);
}

const runs = Number(runsArg || 30);
RSA._serverKeys.set(fingerprint, { n: bigInt(modulus), e: 65537 });

// GramJS always dials port 80; this socket class sends it to the emulator's port instead.
class EmulatorSocket extends PromisedNetSockets {
  connect(_ignoredPort, ip) {
    return super.connect(Number(port), ip);
  }
}

async function login() {
  const session = new StringSession("");
  session.setDC(2, "127.0.0.1", 80);
  const client = new TelegramClient(session, 1, "0123456789abcdef0123456789abcdef", {
    networkSocket: EmulatorSocket,
    connectionRetries: 1,
    autoReconnect: false,
  });
  client.setLogLevel("error");
  const started = process.hrtime.bigint();
  await client.connect();
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  await client.destroy();
  return elapsed;
}

async function main() {
  for (let i = 0; i < 3; i++) {
    await login();
  }

  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await login());
  }

  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const result = {
    runs,
    meanMs: +mean.toFixed(2),
    medianMs: +times[Math.floor(times.length / 2)].toFixed(2),
    minMs: +times[0].toFixed(2),
    maxMs: +times[times.length - 1].toFixed(2),
    node: process.version,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  },
);
