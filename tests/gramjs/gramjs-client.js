#!/usr/bin/env node
// GramJS (npm "telegram" 2.26.22) as a real client of Signals' MTProto emulator server.
// Usage: node gramjs-client.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL
// Trusts the emulator's RSA key (GramJS's key table is the exported Map _serverKeys, keyed by the fingerprint as
// the decimal string of the signed 64-bit long), connects over TCP full (GramJS's default), which creates an auth
// key and sends invokeWithLayer(198, initConnection(help.getConfig)), then calls help.getConfig once more and prints
// what GramJS parsed as one JSON line. GramJS's connect() always dials port 80, so a socket class redirects it.
"use strict";

const bigInt = require("big-integer");
const { TelegramClient, Api } = require("telegram");
const { StringSession } = require("telegram/sessions");
const { PromisedNetSockets } = require("telegram/extensions");
const RSA = require("telegram/crypto/RSA");

const [port, modulus, fingerprint] = process.argv.slice(2);
if (!port || !modulus || !fingerprint) {
  console.error("usage: node gramjs-client.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL");
  process.exit(2);
}

RSA._serverKeys.set(fingerprint, { n: bigInt(modulus), e: 65537 });

class EmulatorSocket extends PromisedNetSockets {
  connect(_ignoredPort, ip) {
    return super.connect(Number(port), ip);
  }
}

async function main() {
  const session = new StringSession("");
  session.setDC(2, "127.0.0.1", 80);
  const client = new TelegramClient(session, 1, "0123456789abcdef0123456789abcdef", {
    networkSocket: EmulatorSocket,
    // GramJS keeps g_ab unpadded as its auth key (Authenticator.js: getByteArray(gab)), so about one key exchange
    // in 256 fails on its side with "invalid new nonce hash"; a retry runs a fresh exchange, as it would on Telegram.
    connectionRetries: 5,
    autoReconnect: false,
  });
  client.setLogLevel("error");
  await client.connect();
  const config = await client.invoke(new Api.help.GetConfig());
  const pong = await client.invoke(new Api.Ping({ pingId: bigInt(4242) }));
  const result = {
    className: config.className,
    thisDc: config.thisDc,
    dcOptions: config.dcOptions.map((o) => ({ id: o.id, ip: o.ipAddress, port: o.port })),
    pingId: pong.pingId.toString(),
    authKeyId: client.session.getAuthKey().keyId.toString(),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
  await client.destroy();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
  },
);
