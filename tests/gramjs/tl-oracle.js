'use strict';
// TL oracle for Signals' tests: GramJS (npm telegram 2.26.22) serialises objects our tests describe, so our
// bytes can be compared with bytes nobody here wrote.
//
// stdin : {"cases":[{"id":<constructor id, unsigned>,"args":{<tl_field_name>: <value>}}, ...]}
// stdout: {"results":[{"hex":"..."} | {"error":"..."}, ...]}  (one per case, in order)
//
// Values: numbers (int, double), strings, booleans, arrays (vectors), null (absent flag field), and tagged
// objects: {"long":"<decimal>"}, {"int128":"<hex, little-endian>"}, {"int256":"<hex>"}, {"bytes":"<hex>"},
// {"obj":{"id":..,"args":{..}}} for a nested TL object.
const { tlobjects } = require('telegram/tl/AllTLObjects');
const { variableSnakeToCamelCase } = require('telegram/tl/generationHelpers');
const { readBigIntFromBuffer } = require('telegram/Helpers');
const bigInt = require('big-integer');

function convert(value) {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value !== 'object') return value;
  if ('long' in value) return bigInt(value.long);
  if ('int128' in value) return readBigIntFromBuffer(Buffer.from(value.int128, 'hex'), true, true);
  if ('int256' in value) return readBigIntFromBuffer(Buffer.from(value.int256, 'hex'), true, true);
  if ('bytes' in value) return Buffer.from(value.bytes, 'hex');
  if ('obj' in value) return build(value.obj);
  throw new Error('Unknown value tag: ' + JSON.stringify(value));
}

function build(description) {
  const Type = tlobjects[description.id];
  if (!Type) throw new Error('GramJS has no constructor 0x' + description.id.toString(16));
  const args = {};
  for (const [name, value] of Object.entries(description.args || {})) {
    const converted = convert(value);
    if (converted !== undefined) args[variableSnakeToCamelCase(name)] = converted;
  }
  return new Type(args);
}

// `node tl-oracle.js --bench`: GramJS's figure for docs/benchmarks.md, on the same channel message as
// tests/Signals.Benchmarks/Tl/ChannelMessageSample.cs (keep the two in step).
function bench() {
  const { Api } = require('telegram');
  const { BinaryReader } = require('telegram/extensions');
  const text = '🚀 NEW CALL 🚀\n$PEPE on Ethereum\nCA: 0x6982508145454ce325ddbe47a25d4ec3d2311933\n' +
    'Chart: https://dexscreener.com/ethereum/0x6982508145454ce325ddbe47a25d4ec3d2311933\nMC 120k, LP locked, NFA DYOR';
  const message = new Api.Message({
    post: true, id: 48213, peerId: new Api.PeerChannel({ channelId: bigInt(1987654321) }), date: 1764000000,
    message: text,
    entities: [new Api.MessageEntityBold({ offset: 0, length: 16 }), new Api.MessageEntityCode({ offset: 40, length: 42 }),
      new Api.MessageEntityUrl({ offset: 90, length: 77 })],
    views: 1520, forwards: 37, editDate: 1764000060, postAuthor: 'caller',
  });
  const bytes = message.getBytes();
  const time = (label, fn) => {
    for (let i = 0; i < 20000; i++) fn(); // warm-up
    const n = 200000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ns = Number(process.hrtime.bigint() - start) / n;
    console.log(`${label}: ${(ns / 1000).toFixed(3)} us/op`);
  };
  console.log(`bytes: ${bytes.length} ${bytes.toString('hex')}`);
  time('GramJS getBytes', () => message.getBytes());
  time('GramJS tgReadObject', () => new BinaryReader(bytes).tgReadObject());
}

function serveCases() {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', () => respond(input));
}

function respond(input) {
  const { cases } = JSON.parse(input);
  const results = cases.map((c) => {
    try {
      return { hex: build(c).getBytes().toString('hex') };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify({ results }));
}

if (process.argv.includes('--bench')) bench(); else serveCases();
