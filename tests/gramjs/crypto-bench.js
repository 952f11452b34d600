#!/usr/bin/env node
// GramJS's side of the "MTProto crypto" benchmark (docs/benchmarks.md): the same operation as
// tests/Signals.Benchmarks/Crypto/MessageCipherBenchmarks.cs — encrypt one client message with
// MTProtoState.encryptMessageData and decrypt one server message with decryptMessageData — for upload.file bodies
// (a file part, parsed by slicing its bytes) of 1020 and 65532 bytes. Usage: node crypto-bench.js [seconds-per-size]
"use strict";

const crypto = require("crypto");
const bigInt = require("big-integer");
const Helpers = require("telegram/Helpers");
const { IGE } = require("telegram/crypto/IGE");
const { AuthKey } = require("telegram/crypto/AuthKey");
const { MTProtoState } = require("telegram/network/MTProtoState");

const seconds = Number(process.argv[2] || 3);
const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

// upload.file#96a18d5 type:storage.fileUnknown#aa963b05 mtime:int bytes:bytes, with a 4-byte bytes header.
function uploadFile(size) {
  const body = crypto.randomBytes(size);
  body.writeUInt32LE(0x096a18d5, 0);
  body.writeUInt32LE(0xaa963b05, 4);
  body.writeInt32LE(0, 8);
  body.writeUInt32LE(0xfe | ((size - 16) << 8), 12);
  return body;
}

// Setup only (not timed): a server -> client message built from GramJS's own primitives.
async function serverMessage(authKey, keyBytes, sessionId, body) {
  const header = Buffer.alloc(32);
  header.writeBigInt64LE(1n, 0);
  Helpers.toSignedLittleBuffer(sessionId, 8).copy(header, 8);
  header.writeBigInt64LE(5n, 16);
  header.writeInt32LE(1, 24);
  header.writeInt32LE(body.length, 28);
  const unpadded = Buffer.concat([header, body]);
  const padding = crypto.randomBytes(Helpers.mod(-(unpadded.length + 12), 16) + 12);
  const plain = Buffer.concat([unpadded, padding]);
  const msgKey = (await Helpers.sha256(Buffer.concat([keyBytes.slice(96, 128), plain]))).slice(8, 24);
  const { key, iv } = await MTProtoState.prototype._calcKey(keyBytes, msgKey, false);
  return Buffer.concat([Helpers.readBufferFromBigInt(authKey.keyId, 8), msgKey, new IGE(key, iv).encryptIge(plain)]);
}

async function measure(size) {
  const keyBytes = crypto.randomBytes(256);
  const authKey = new AuthKey();
  await authKey.setKey(keyBytes);
  const sender = new MTProtoState(authKey, silentLog);
  sender.salt = bigInt(1);
  const receiver = new MTProtoState(authKey, silentLog);
  receiver.securityChecks = false; // the same message is decrypted again and again
  const body = uploadFile(size);
  const inner = Buffer.alloc(16);
  inner.writeBigInt64LE(4n, 0);
  inner.writeInt32LE(1, 8);
  inner.writeInt32LE(size, 12);
  const outgoing = Buffer.concat([inner, body]);
  const incoming = await serverMessage(authKey, keyBytes, receiver.id, body);

  const once = async () => {
    await sender.encryptMessageData(outgoing);
    const message = await receiver.decryptMessageData(incoming);
    if (message.obj.className !== "upload.File" || message.obj.bytes.length !== size - 16) throw new Error("decrypt failed");
  };
  for (let i = 0; i < 20; i++) await once(); // warm-up
  let operations = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    await once();
    operations++;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const micros = (elapsed / operations) * 1e6;
  return { size, operations, microsPerOp: micros, megabytesPerSecond: size / micros };
}

(async () => {
  console.log(`GramJS ${require("telegram/package.json").version} on node ${process.version}`);
  for (const size of [1020, 65532]) {
    const r = await measure(size);
    console.log(`body ${r.size} B: ${r.microsPerOp.toFixed(1)} us per encrypt+decrypt, ${r.megabytesPerSecond.toFixed(2)} MB/s (${r.operations} ops)`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
