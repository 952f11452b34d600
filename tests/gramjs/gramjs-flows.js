#!/usr/bin/env node
// GramJS (npm "telegram" 2.26.22) runs the Telegram flows Signals needs against Signals' MTProto emulator server:
// log in (following PHONE_MIGRATE_X to the account's home DC when the server sends it there), resolve and join a
// channel, read its history (newest page and "after id" with min_id), receive a live post, an edit, a deletion and
// a direct message from another account as updates, and send messages (HTML entities; a repeated random_id). Connection setup as in gramjs-login.js
// (trusted RSA key, port redirect). GramJS connects to every DC on port 443 (its getDC ignores the config's port),
// so PORTS maps DC ids to the emulator's listeners: "2=4001,1=4002", or one port for DC 2.
// Usage: node gramjs-flows.js PORTS MODULUS_DECIMAL FINGERPRINT_DECIMAL PHONE CODE CHANNEL|-
// CHANNEL "-" stops after the login. Before waiting for live updates the script prints {"listening":true}; the
// caller then posts, edits and deletes in the world and sends the account a direct message. Prints one JSON line with what GramJS saw; exits non-zero
// only when something other than an rpc error went wrong (a timeout waiting for updates included).
"use strict";

const bigInt = require("big-integer");
const { TelegramClient, Api } = require("telegram");
const { StringSession } = require("telegram/sessions");
const { PromisedNetSockets } = require("telegram/extensions");
const { Raw, NewMessage } = require("telegram/events");
const RSA = require("telegram/crypto/RSA");

const [ports, modulus, fingerprint, phone, code, channelName] = process.argv.slice(2);
if (!ports || !modulus || !fingerprint || !phone || !code || !channelName) {
  console.error("usage: node gramjs-flows.js PORTS MODULUS_DECIMAL FINGERPRINT_DECIMAL PHONE CODE CHANNEL|-");
  process.exit(2);
}

RSA._serverKeys.set(fingerprint, { n: bigInt(modulus), e: 65537 });

const portOfDc = new Map(
  ports.split(",").map((entry) => (entry.includes("=") ? entry.split("=").map(Number) : [2, Number(entry)])),
);
const session = new StringSession("");

// Connects to the listener of the DC the session is on now (GramJS sets the DC before it connects).
class EmulatorSocket extends PromisedNetSockets {
  connect(_ignoredPort, ip) {
    const dcPort = portOfDc.get(session.dcId);
    if (dcPort === undefined) {
      throw new Error(`no emulator listener for DC ${session.dcId}`);
    }
    return super.connect(dcPort, ip);
  }
}

const apiId = 1;
const apiHash = "0123456789abcdef0123456789abcdef";
const updateWaitMs = 30000;

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

function describeEntities(entities) {
  return (entities || []).map((e) => ({ className: e.className, offset: e.offset, length: e.length, url: e.url }));
}

function describeMessage(message) {
  return { id: message.id, text: message.message, editDate: message.editDate || null, entities: describeEntities(message.entities) };
}

async function login(client, result) {
  const sent = await attempt(() =>
    client.invoke(new Api.auth.SendCode({ phoneNumber: phone, apiId, apiHash, settings: new Api.CodeSettings({}) })),
  );
  if (sent.error) {
    result.sendCode = { error: sent.error, code: sent.code };
    return false;
  }
  const signedIn = await attempt(() =>
    client.invoke(new Api.auth.SignIn({ phoneNumber: phone, phoneCodeHash: sent.value.phoneCodeHash, phoneCode: code })),
  );
  if (signedIn.error) {
    result.signIn = { error: signedIn.error, code: signedIn.code };
    return false;
  }
  result.signIn = { id: signedIn.value.user.id.toString(), dcId: client.session.dcId };
  const me = await client.getMe();
  result.me = { id: me.id.toString(), self: me.self };
  return true;
}

// Resolves once the raw handler has seen a new post, an edit and a deletion in the channel and a direct message.
function collectLiveUpdates(client, channelId) {
  const seen = { newPosts: [], edits: [], deletions: [], directMessages: [], newMessageEvents: [] };
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const check = () => {
    const all = [seen.newPosts, seen.edits, seen.deletions, seen.directMessages];
    if (all.every((list) => list.length > 0) && seen.newMessageEvents.length >= 2) {
      done(seen);
    }
  };
  client.addEventHandler((update) => {
    if (update instanceof Api.UpdateNewChannelMessage && update.message.peerId.channelId.toString() === channelId) {
      seen.newPosts.push({ ...describeMessage(update.message), pts: update.pts, ptsCount: update.ptsCount });
    } else if (update instanceof Api.UpdateEditChannelMessage) {
      seen.edits.push({ ...describeMessage(update.message), pts: update.pts });
    } else if (update instanceof Api.UpdateNewMessage) {
      seen.directMessages.push({ ...describeMessage(update.message), pts: update.pts, fromUserId: update.message.peerId.userId.toString(), out: update.message.out });
    } else if (update instanceof Api.UpdateDeleteChannelMessages) {
      seen.deletions.push({ channelId: update.channelId.toString(), messages: update.messages, pts: update.pts, ptsCount: update.ptsCount });
    }
    check();
  }, new Raw({}));
  client.addEventHandler((event) => {
    seen.newMessageEvents.push({ text: event.message.message, chatId: event.chatId ? event.chatId.toString() : null });
    check();
  }, new NewMessage({}));
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`live updates did not all arrive: ${JSON.stringify(seen)}`)), updateWaitMs),
  );
  return Promise.race([finished, timeout]);
}

async function channelFlows(client, result) {
  // The raw call first, so an rpc error reaches the result (getEntity turns it into an Error of its own).
  const resolved = await attempt(() => client.invoke(new Api.contacts.ResolveUsername({ username: channelName })));
  if (resolved.error) {
    result.resolve = { error: resolved.error, code: resolved.code };
    return;
  }
  const channel = await client.getEntity(channelName);
  result.resolve = { className: channel.className, id: channel.id.toString(), accessHash: channel.accessHash.toString(), title: channel.title, username: channel.username, broadcast: channel.broadcast };

  const joined = await client.invoke(new Api.channels.JoinChannel({ channel }));
  result.join = { className: joined.className, updates: joined.updates.map((u) => u.className), chats: joined.chats.map((c) => c.id.toString()) };

  const newest = await client.getMessages(channel, { limit: 10 });
  result.history = newest.map(describeMessage);
  const afterFirst = await client.getMessages(channel, { limit: 10, minId: 1 });
  result.historyAfterFirst = afterFirst.map((m) => m.id);

  const live = collectLiveUpdates(client, channel.id.toString());
  process.stdout.write(JSON.stringify({ listening: true }) + "\n");
  result.live = await live;

  const sent = await attempt(() => client.sendMessage(channel, { message: "<b>alert</b> see <a href=\"https://dexscreener.com/solana/gem\">chart</a>", parseMode: "html" }));
  result.send = sent.error ? { error: sent.error, code: sent.code } : describeMessage(sent.value);

  const randomId = bigInt("7312345678901");
  const first = await attempt(() => client.invoke(new Api.messages.SendMessage({ peer: channel, message: "once only", randomId })));
  const again = await attempt(() => client.invoke(new Api.messages.SendMessage({ peer: channel, message: "once only", randomId })));
  const idOf = (answer) => answer.error ? answer.error : answer.value.updates.find((u) => u instanceof Api.UpdateMessageID).id;
  result.dedupe = { first: idOf(first), again: idOf(again) };
}

async function main() {
  session.setDC(2, "127.0.0.1", 443);
  const client = new TelegramClient(session, apiId, apiHash, {
    networkSocket: EmulatorSocket,
    // GramJS keeps g_ab unpadded as its auth key (Authenticator.js: getByteArray(gab)), so about one key exchange
    // in 256 fails on its side with "invalid new nonce hash"; a retry runs a fresh exchange, as it would on Telegram.
    connectionRetries: 5,
    autoReconnect: false,
  });
  client.setLogLevel(process.env.GRAMJS_LOG_LEVEL || "error");
  await client.connect();
  const result = {};
  if ((await login(client, result)) && channelName !== "-") {
    await channelFlows(client, result);
  }
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
