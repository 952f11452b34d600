#!/usr/bin/env node
// GramJS (npm "telegram" 2.26.22) as a byte-for-byte oracle for Signals' MTProto crypto and framing.
// Reads {"cases":[{op, ...hex inputs}]} on stdin, answers {"results":[...]} on stdout, one result per case in
// order. Every value is GramJS's own output: this file only feeds inputs in and formats answers out. Randomness
// that GramJS draws is taken from the case's "random" hex string, in order, through Helpers.generateRandomBytes.
"use strict";

const bigInt = require("big-integer");
const Helpers = require("telegram/Helpers");
const { IGE } = require("telegram/crypto/IGE");
const { AuthKey } = require("telegram/crypto/AuthKey");
const { Factorizator } = require("telegram/crypto/Factorizator");
const RSA = require("telegram/crypto/RSA");
const { MTProtoState } = require("telegram/network/MTProtoState");
const { doAuthentication } = require("telegram/network/Authenticator");
const { FullPacketCodec } = require("telegram/network/connection/TCPFull");
const { AbridgedPacketCodec } = require("telegram/network/connection/TCPAbridged");
const { computeCheck } = require("telegram/Password");
const { Api } = require("telegram/tl");

const realRandom = Helpers.generateRandomBytes;
const hex = (buffer) => Buffer.from(buffer).toString("hex").toUpperCase();
const bytes = (text) => Buffer.from(text || "", "hex");
const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

function scriptRandom(text) {
  let pool = bytes(text);
  Helpers.generateRandomBytes = (count) => {
    if (count > pool.length) {
      throw new Error(`random script exhausted: ${count} asked, ${pool.length} left`);
    }
    const out = Buffer.from(pool.subarray(0, count));
    pool = pool.subarray(count);
    return out;
  };
  return () => pool.length;
}

async function authKeyOf(keyHex) {
  const key = new AuthKey();
  await key.setKey(bytes(keyHex));
  return key;
}

const ops = {
  async ige(c) {
    const ige = new IGE(bytes(c.key), bytes(c.iv));
    return { output: hex(c.decrypt ? ige.decryptIge(bytes(c.data)) : ige.encryptIge(bytes(c.data))) };
  },

  async calcKey(c) {
    const { key, iv } = await MTProtoState.prototype._calcKey(bytes(c.authKey), bytes(c.msgKey), c.client);
    return { key: hex(key), iv: hex(iv) };
  },

  async authKey(c) {
    const key = await authKeyOf(c.authKey);
    const newNonce = Helpers.readBigIntFromBuffer(bytes(c.newNonce), true, true);
    const hashes = [];
    for (const n of [1, 2, 3]) {
      hashes.push(hex(Helpers.toSignedLittleBuffer(await key.calcNewNonceHash(newNonce, n), 16)));
    }
    return { keyId: key.keyId.toString(), auxHash: key.auxHash.toString(), newNonceHashes: hashes };
  },

  async tmpAesKey(c) {
    const serverNonce = Helpers.readBigIntFromBuffer(bytes(c.serverNonce), true, true);
    const newNonce = Helpers.readBigIntFromBuffer(bytes(c.newNonce), true, true);
    const { key, iv } = await Helpers.generateKeyDataFromNonce(serverNonce, newNonce);
    return { key: hex(key), iv: hex(iv) };
  },

  async factorize(c) {
    const { p, q } = Factorizator.factorize(bigInt(c.pq));
    return { p: p.toString(), q: q.toString() };
  },

  // Client -> server: GramJS's own encryptMessageData over msg_id + seq_no + length + body.
  async encryptMessage(c) {
    const state = new MTProtoState(await authKeyOf(c.authKey), silentLog);
    state.salt = bigInt(c.salt);
    state.id = bigInt(c.sessionId);
    const left = scriptRandom(c.random);
    const inner = Buffer.alloc(16);
    inner.writeBigInt64LE(BigInt(c.msgId), 0);
    inner.writeInt32LE(c.seqNo, 8);
    inner.writeInt32LE(bytes(c.body).length, 12);
    const encrypted = await state.encryptMessageData(Buffer.concat([inner, bytes(c.body)]));
    return { message: hex(encrypted), randomLeft: left() };
  },

  // Server -> client: GramJS's decryptMessageData must accept our message and read the TL object in it.
  async decryptMessage(c) {
    const state = new MTProtoState(await authKeyOf(c.authKey), silentLog);
    try {
      const message = await state.decryptMessageData(bytes(c.message));
      return { ok: true, msgId: message.msgId.toString(), seqNo: message.seqNo, className: message.obj.className,
        pongMsgId: message.obj.msgId?.toString(), pingId: message.obj.pingId?.toString() };
    } catch (e) {
      return { ok: false, error: e.constructor.name };
    }
  },

  // RSA_PAD exactly as GramJS runs it inside doAuthentication, stopped right after req_DH_params is built.
  async rsaPad(c) {
    const fingerprint = bigInt(c.fingerprint);
    RSA._serverKeys.set(fingerprint.toString(), { n: bigInt(c.modulus), e: c.exponent });
    const left = scriptRandom(c.random);
    let captured;
    const sender = {
      async send(request) {
        if (request instanceof Api.ReqPqMulti) {
          return new Api.ResPQ({ nonce: request.nonce, serverNonce: Helpers.readBigIntFromBuffer(bytes(c.serverNonce), true, true),
            pq: bytes(c.pq), serverPublicKeyFingerprints: [fingerprint] });
        }
        captured = request;
        throw new Error("oracle-stop");
      },
    };
    try {
      await doAuthentication(sender, silentLog);
    } catch (e) {
      if (e.message !== "oracle-stop") throw e;
    } finally {
      RSA._serverKeys.delete(fingerprint.toString());
    }
    const newNonce = Helpers.readBigIntFromBuffer(bytes(c.random).subarray(16, 48), true, true);
    const innerData = new Api.PQInnerData({ pq: bytes(c.pq), p: captured.p, q: captured.q, nonce: captured.nonce,
      serverNonce: captured.serverNonce, newNonce }).getBytes();
    return { p: hex(captured.p), q: hex(captured.q), innerData: hex(innerData), encryptedData: hex(captured.encryptedData),
      randomLeft: left() };
  },

  async srp(c) {
    const left = scriptRandom(c.random);
    const algo = new Api.PasswordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow({
      salt1: bytes(c.salt1), salt2: bytes(c.salt2), g: c.g, p: bytes(c.p) });
    const check = await computeCheck({ currentAlgo: algo, srp_B: bytes(c.srpB), srpId: bigInt(1) }, c.password);
    return { a: hex(check.A), m1: hex(check.M1), randomLeft: left() };
  },

  async frame(c) {
    const codec = c.transport === "full" ? new FullPacketCodec(undefined) : new AbridgedPacketCodec(undefined);
    const frames = c.payloads.map((payload) => hex(codec.encodePacket(bytes(payload))));
    return { frames };
  },
};

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const results = [];
  for (const c of request.cases) {
    const op = ops[c.op];
    if (!op) throw new Error(`unknown op ${c.op}`);
    try {
      results.push(await op(c));
    } finally {
      Helpers.generateRandomBytes = realRandom;
    }
  }
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
