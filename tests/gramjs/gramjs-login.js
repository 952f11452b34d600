#!/usr/bin/env node
// GramJS (npm "telegram" 2.26.22) logs in to Signals' MTProto emulator server with the raw login calls:
// auth.sendCode, auth.signIn and, when the server answers SESSION_PASSWORD_NEEDED, account.getPassword, GramJS's own
// SRP (computeCheck) and auth.checkPassword. Connection setup as in gramjs-client.js (trusted RSA key, port redirect).
// Usage: node gramjs-login.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL PHONE CODE [PASSWORD]
// CODE "-" means the code is only known once it was sent: after auth.sendCode the script prints {"awaitingCode":true}
// and reads the code as one line of stdin (the caller looks it up in the world and writes it).
// Prints one JSON line with every step's answer or rpc error, so the caller asserts on what GramJS saw; it exits
// non-zero only when something other than an rpc error went wrong.
"use strict";

const bigInt = require("big-integer");
const { TelegramClient, Api } = require("telegram");
const { StringSession } = require("telegram/sessions");
const { PromisedNetSockets } = require("telegram/extensions");
const { computeCheck } = require("telegram/Password");
const RSA = require("telegram/crypto/RSA");
const readline = require("readline");

const [port, modulus, fingerprint, phone, code, password] = process.argv.slice(2);
if (!port || !modulus || !fingerprint || !phone || !code) {
  console.error("usage: node gramjs-login.js PORT MODULUS_DECIMAL FINGERPRINT_DECIMAL PHONE CODE [PASSWORD]");
  process.exit(2);
}

RSA._serverKeys.set(fingerprint, { n: bigInt(modulus), e: 65537 });

class EmulatorSocket extends PromisedNetSockets {
  connect(_ignoredPort, ip) {
    return super.connect(Number(port), ip);
  }
}

const apiId = 1;
const apiHash = "0123456789abcdef0123456789abcdef";

// Runs one call; an rpc error becomes { error, code } so the caller sees Telegram's name for it.
async function attempt(call) {
  try {
    return { value: await call() };
  } catch (error) {
    if (error && typeof error.errorMessage === "string") {
      return { error: error.errorMessage, code: error.code };
    }
    throw error;
  }
}

function describeUser(authorization) {
  const user = authorization.user;
  return { className: authorization.className, id: user.id.toString(), firstName: user.firstName, username: user.username, self: user.self };
}

async function main() {
  const session = new StringSession("");
  session.setDC(2, "127.0.0.1", 80);
  const client = new TelegramClient(session, apiId, apiHash, {
    networkSocket: EmulatorSocket,
    // GramJS keeps g_ab unpadded as its auth key (Authenticator.js: getByteArray(gab)), so about one key exchange
    // in 256 fails on its side with "invalid new nonce hash"; a retry runs a fresh exchange, as it would on Telegram.
    connectionRetries: 5,
    autoReconnect: false,
  });
  client.setLogLevel("error");
  await client.connect();
  const result = { authKeyId: client.session.getAuthKey().keyId.toString() };

  const sent = await attempt(() =>
    client.invoke(new Api.auth.SendCode({ phoneNumber: phone, apiId, apiHash, settings: new Api.CodeSettings({}) })),
  );
  if (sent.error) {
    result.sendCode = { error: sent.error, code: sent.code };
    return finish(client, result);
  }
  result.sendCode = { className: sent.value.className, type: sent.value.type.className, length: sent.value.type.length };

  const phoneCode = code === "-" ? await readCodeLine() : code;
  const signedIn = await attempt(() =>
    client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.value.phoneCodeHash, phoneCode })),
  );
  if (!signedIn.error) {
    result.signIn = describeUser(signedIn.value);
    return finish(client, result);
  }
  result.signIn = { error: signedIn.error, code: signedIn.code };
  if (signedIn.error !== "SESSION_PASSWORD_NEEDED" || password === undefined) {
    return finish(client, result);
  }

  const settings = await client.invoke(new Api.account.GetPassword());
  result.getPassword = { hasPassword: settings.hasPassword, hint: settings.hint, g: settings.currentAlgo && settings.currentAlgo.g };
  const check = await attempt(async () => client.invoke(new Api.auth.CheckPassword({ password: await computeCheck(settings, password) })));
  result.checkPassword = check.error ? { error: check.error, code: check.code } : describeUser(check.value);
  return finish(client, result);
}

async function readCodeLine() {
  process.stdout.write(JSON.stringify({ awaitingCode: true }) + "\n");
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  throw new Error("stdin closed before the login code arrived");
}

async function finish(client, result) {
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
