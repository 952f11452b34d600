namespace Signals.Streaming.Redis;

/// <summary>Lua scripts for the moves that must not be half done.</summary>
internal static class RedisStreamScripts
{
    /// <summary>
    /// Copies a pending entry to the dead-letter stream and acknowledges it, atomically: an entry is never both gone
    /// from the queue and missing from the dead letters. An entry of several batches (group commit) becomes one dead
    /// letter per batch, so each can be listed and replayed on its own. Does nothing when the entry is no longer
    /// pending: another receiver of the queue (during a rebalance) dead-lettered or delivered it since both saw it in
    /// XPENDING, and a second copy would be replayed twice. KEYS: queue, dead letters. ARGV: id, group, deliveries,
    /// reason, dead-letter max length (0 = unbounded). Returns the number of dead letters added.
    /// </summary>
    public const string MoveToDeadLetters = """
        local pending = redis.call('XPENDING', KEYS[1], ARGV[2], ARGV[1], ARGV[1], 1)
        if #pending == 0 then return 0 end
        local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        local moved = 0
        local function dead_letter(batch)
          local args = { KEYS[2] }
          if tonumber(ARGV[5]) > 0 then
            table.insert(args, 'MAXLEN'); table.insert(args, '~'); table.insert(args, ARGV[5])
          end
          table.insert(args, '*')
          for i = 1, #batch do table.insert(args, batch[i]) end
          table.insert(args, 'src'); table.insert(args, KEYS[1])
          table.insert(args, 'oid'); table.insert(args, ARGV[1])
          table.insert(args, 'n'); table.insert(args, ARGV[3])
          table.insert(args, 'why'); table.insert(args, ARGV[4])
          redis.call('XADD', unpack(args))
          moved = moved + 1
        end
        if #entries > 0 then
          local fields = entries[1][2]
          local batch = {}
          for i = 1, #fields, 2 do
            if fields[i] == 'ns' and #batch > 0 then
              dead_letter(batch); batch = {}
            end
            table.insert(batch, fields[i]); table.insert(batch, fields[i + 1])
          end
          if #batch > 0 then dead_letter(batch) end
        end
        redis.call('XACK', KEYS[1], ARGV[2], ARGV[1])
        return moved
        """;

    /// <summary>
    /// Splits a pending entry of several batches into one new entry per batch (appended to the same queue, read
    /// like any new entry) and acknowledges the original, atomically; does nothing when the entry is no longer
    /// pending (another receiver split or acknowledged it). Each batch then lives, fails, is redelivered and
    /// dead-lettered on its own. KEYS: queue. ARGV: id, group. Returns the number of entries added.
    /// </summary>
    public const string SplitEntry = """
        local pending = redis.call('XPENDING', KEYS[1], ARGV[2], ARGV[1], ARGV[1], 1)
        if #pending == 0 then return 0 end
        local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        local added = 0
        if #entries > 0 then
          local fields = entries[1][2]
          local args = nil
          for i = 1, #fields, 2 do
            if fields[i] == 'ns' then
              if args then redis.call('XADD', unpack(args)); added = added + 1 end
              args = { KEYS[1], '*' }
            end
            if args then table.insert(args, fields[i]); table.insert(args, fields[i + 1]) end
          end
          if args then redis.call('XADD', unpack(args)); added = added + 1 end
        end
        redis.call('XACK', KEYS[1], ARGV[2], ARGV[1])
        return added
        """;

    /// <summary>
    /// Re-enqueues a dead letter as a new entry of a queue and deletes it from the dead letters; returns the new id,
    /// or nil when the dead letter is gone (already replayed). KEYS: dead letters, queue. ARGV: dead-letter id.
    /// </summary>
    public const string Replay = """
        local entries = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
        if #entries == 0 then return false end
        local fields = entries[1][2]
        local args = { KEYS[2], '*' }
        for i = 1, #fields, 2 do
          local name = fields[i]
          if name == 'ns' or name == 'key' or name == 'p' then
            table.insert(args, name); table.insert(args, fields[i + 1])
          end
        end
        local id = redis.call('XADD', unpack(args))
        redis.call('XDEL', KEYS[1], ARGV[1])
        return id
        """;
    /// <summary>
    /// Trims a queue towards its maximum length without ever removing an entry that is pending or not yet read, in
    /// one atomic step (an XADD, read or ack between a client's checks and its XTRIM could otherwise move the cut).
    /// The "tail" is everything from the lowest pending entry on (or, with nothing pending, everything after the
    /// group's last-delivered id). When the tail fits in the maximum length, an exact MAXLEN trim keeps it whole;
    /// otherwise (or when it is longer than the read cap, so its length is unknown) MINID at its first entry drops
    /// only acknowledged entries. Only the tail is read, never the entries being removed: in steady state the tail is
    /// the few entries in flight, whereas reading the oldest entries to find a cut would copy up to the whole excess
    /// out of Redis (group commit makes an entry several KB). KEYS: queue. ARGV: group, max length, read cap.
    /// Returns { entries removed, entries pending }.
    /// </summary>
    public const string Trim = """
        local max = tonumber(ARGV[2])
        local summary = redis.call('XPENDING', KEYS[1], ARGV[1])
        local pending = summary[1]
        if redis.call('XLEN', KEYS[1]) <= max then return { 0, pending } end
        local start = nil
        if pending > 0 then
          start = summary[2]
        else
          for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
            local name, last
            for i = 1, #group, 2 do
              if group[i] == 'name' then name = group[i + 1] elseif group[i] == 'last-delivered-id' then last = group[i + 1] end
            end
            if name == ARGV[1] then start = '(' .. last end
          end
          if not start then return { 0, pending } end
        end
        local cap = math.min(max, tonumber(ARGV[3]))
        local tail = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', cap + 1)
        local removed
        if #tail <= cap then
          removed = redis.call('XTRIM', KEYS[1], 'MAXLEN', max)
        else
          removed = redis.call('XTRIM', KEYS[1], 'MINID', tail[1][1])
        end
        return { removed, pending }
        """;
}
