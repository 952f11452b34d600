#!/usr/bin/env python3
"""Re-implementation of the old call bot's detection, for comparison with Signals' TokenDetector.

The old bot ran a list of regular expressions over the message text -- contract-address labels, emoji
markers, code spans, known links, EVM hex -- and then a general base58 pattern, and took the FIRST match
as the post's token. It did not look at hidden text-link URLs, did not strip zero-width characters, and
validated nothing (no base58 length check, no EIP-55, no TON checksum, no quote-token list).

Modes
  timing  --corpus C [--noisy N] [--repeat R]   posts/s on the dev corpus and on the long noisy posts, first match
                                                (the old bot) and whole post (every match of every pattern)
  score   --corpus C [--ours O]                 recall/precision on the corpus (old bot; and ours, from the
                                                JSONL that Signals' PostParser wrote for the same corpus)
  planted --noisy N [--ours O]                  how often the mint planted in each noisy post is reported

The noisy posts file comes from `dotnet run -c Release --project tests/Signals.Benchmarks -- --write-noisy N`.
"""
import argparse
import json
import re
import sys
import time

B58 = r"[1-9A-HJ-NP-Za-km-z]"

# Order matters: first pattern with a match wins, as in the old bot.
PATTERNS = [
    ("ca_label", re.compile(r"(?:CA|Contract|Mint|Token)\s*[:：]?\s*`?(" + B58 + r"{32,44})")),
    ("emoji", re.compile(r"(?:🚀|💎|🔥|👉|✅)\s*(" + B58 + r"{32,44})")),
    ("code_span", re.compile(r"`(" + B58 + r"{32,44})`")),
    ("dexscreener", re.compile(r"dexscreener\.com/(\w+)/(\w+)")),
    ("pumpfun", re.compile(r"pump\.fun/(?:coin/)?(" + B58 + r"{32,44})")),
    ("birdeye", re.compile(r"birdeye\.so/token/(\w+)")),
    ("gmgn", re.compile(r"gmgn\.ai/\w+/token/(\w+)")),
    ("solscan", re.compile(r"solscan\.io/token/(\w+)")),
    ("jupiter", re.compile(r"jup\.ag/swap/\w+-(\w+)")),
    ("evm", re.compile(r"0x[a-fA-F0-9]{40}")),
    ("base58", re.compile(r"\b" + B58 + r"{32,44}\b")),
]


def old_bot_detect(text):
    """Returns a list with at most one (chain, address): the first pattern that matches wins."""
    for name, pattern in PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        if name == "dexscreener":
            slug, address = m.group(1), m.group(2)
            return [(slug if address.startswith("0x") else "solana", address)]
        if name == "evm":
            return [("evm", m.group(0))]
        return [("solana", m.group(1) if m.groups() else m.group(0))]
    return []


def old_bot_detect_all(text):
    """The same patterns read to the end of the post (every match of every pattern): what the regex approach
    costs when, like Signals, it must report every token rather than stop at the first."""
    found = []
    for _, pattern in PATTERNS:
        found.extend(m.group(0) for m in pattern.finditer(text))
    return found


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def norm(chain, address):
    # EVM addresses are compared without regard to case: the old bot never checksummed, and that alone
    # should not count against it.
    return (chain, address.lower() if address.startswith("0x") else address)


def score(posts, predictions):
    tp = fp = fn = 0
    misses = []
    for post in posts:
        expected = {norm(t["chain"], t["address"]) for t in post["expect"]}
        predicted = {norm(c, a) for c, a in predictions[post["id"]]}
        tp += len(expected & predicted)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        if expected != predicted:
            misses.append((post["id"], post.get("note", ""), sorted(expected), sorted(predicted)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, precision, recall, misses


def load_ours(path):
    return {row["id"]: [(t["chain"], t["address"]) for t in row["tokens"]] for row in load_jsonl(path)}


def report(label, result, verbose):
    tp, fp, fn, precision, recall, misses = result
    print(f"{label}: TP={tp} FP={fp} FN={fn} precision={precision:.3f} recall={recall:.3f} "
          f"posts wrong={len(misses)}")
    if verbose:
        for pid, note, exp, pred in misses:
            print(f"  {pid} ({note}): expected {exp} got {pred}")


def posts_per_second(texts, repeat, detect=None):
    detect = detect or old_bot_detect
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            detect(text)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best, best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["timing", "score", "planted"])
    parser.add_argument("--corpus")
    parser.add_argument("--noisy")
    parser.add_argument("--ours")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}")
    if args.mode == "timing":
        corpus = [p["text"] for p in load_jsonl(args.corpus)]
        noisy = load_jsonl(args.noisy) if args.noisy else []
        long_posts = [p["text"] for p in noisy if p["id"].startswith("noisy-")]
        megabyte = [p["text"] for p in noisy if p["id"] == "base58-1mb"]
        for label, detect in (("first match", old_bot_detect), ("whole post, all matches", old_bot_detect_all)):
            print(f"-- {label}")
            rate, best = posts_per_second(corpus, args.repeat, detect)
            print(f"dev corpus: {len(corpus)} posts, best of {args.repeat}: {best * 1e3:.3f} ms -> {rate:,.0f} posts/s")
            if long_posts:
                rate, best = posts_per_second(long_posts, max(1, args.repeat // 4), detect)
                print(f"noisy ~4 KB posts: {len(long_posts)} posts, best: {best * 1e3:.1f} ms -> {rate:,.0f} posts/s")
            if megabyte:
                rate, best = posts_per_second(megabyte, 3, detect)
                print(f"1 MB base58 post: best {best * 1e3:.2f} ms -> {rate:,.1f} posts/s")
    elif args.mode == "score":
        posts = load_jsonl(args.corpus)
        old = {p["id"]: old_bot_detect(p["text"]) for p in posts}
        report("old bot (regex, first match)", score(posts, old), args.verbose)
        if args.ours:
            report("signals TokenDetector", score(posts, load_ours(args.ours)), args.verbose)
    else:
        noisy = [p for p in load_jsonl(args.noisy) if p["id"].startswith("noisy-")]
        found = sum(1 for p in noisy if any(a == p["planted"] for _, a in old_bot_detect(p["text"])))
        print(f"old bot: planted mint reported in {found}/{len(noisy)} noisy posts")
        if args.ours:
            ours = load_ours(args.ours)
            found = sum(1 for p in noisy if any(a == p["planted"] for _, a in ours[p["id"]]))
            extra = sum(len(ours[p["id"]]) for p in noisy) - found
            print(f"signals: planted mint reported in {found}/{len(noisy)} noisy posts "
                  f"({extra} other tokens: base58 noise that happens to decode to 32 bytes)")


if __name__ == "__main__":
    main()
