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
    /// Trims a queue longer than its maximum length without ever removing an entry that some consumer group of the
    /// key still needs, in one atomic step (an XADD, read or ack between a client's checks and its XTRIM could
    /// otherwise move the cut). What must stay: for every group, its pending entries and everything after its
    /// last-delivered id (a group moved back with XGROUP SETID included). When nothing needs to stay, an exact
    /// MAXLEN cut keeps the newest entries; otherwise MINID cuts at the first entry that must stay, which drops every
    /// acknowledged entry before it (more than the length alone asks, never less safe). Reads one entry at most:
    /// learning where a length cut would fall would mean copying the entries before it out of the stream, and an
    /// entry holds up to MaxBatchesPerEntry events, so a few thousand of them can stall Redis for hundreds of
    /// milliseconds. KEYS: queue. ARGV: this provider's group, max length. Returns { entries removed, entries pending
    /// in this provider's group, the cut ("MAXLEN n" or "MINID id") }.
    /// </summary>
    public const string Trim = """
        local function before(x, y)
          local xd, yd = string.find(x, '-', 1, true), string.find(y, '-', 1, true)
          local xm, xs, ym, ys = string.sub(x, 1, xd - 1), string.sub(x, xd + 1), string.sub(y, 1, yd - 1), string.sub(y, yd + 1)
          -- Decimal strings without leading zeros, compared without Lua numbers (a sequence can exceed 2^53).
          if xm ~= ym then
            if #xm ~= #ym then return #xm < #ym end
            return xm < ym
          end
          if #xs ~= #ys then return #xs < #ys end
          return xs < ys
        end
        local keep, inclusive = nil, false
        local function must_keep(id, from_id_on)
          if keep == nil or before(id, keep) or (id == keep and from_id_on and not inclusive) then
            keep, inclusive = id, from_id_on
          end
        end
        local own_pending, groups = 0, {}
        for _, info in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
          local group = {}
          for i = 1, #info, 2 do group[info[i]] = info[i + 1] end
          if group['name'] == ARGV[1] then own_pending = group['pending'] end
          table.insert(groups, group)
        end
        local max = tonumber(ARGV[2])
        if #groups == 0 or redis.call('XLEN', KEYS[1]) <= max then return { 0, own_pending, '' } end
        for _, group in ipairs(groups) do
          must_keep(group['last-delivered-id'], false)
          if group['pending'] > 0 then
            must_keep(redis.call('XPENDING', KEYS[1], group['name'])[2], true)
          end
        end
        local first = redis.call('XRANGE', KEYS[1], inclusive and keep or ('(' .. keep), '+', 'COUNT', 1)
        if #first == 0 then
          return { redis.call('XTRIM', KEYS[1], 'MAXLEN', max), own_pending, 'MAXLEN ' .. ARGV[2] }
        end
        return { redis.call('XTRIM', KEYS[1], 'MINID', first[1][1]), own_pending, 'MINID ' .. first[1][1] }
        """;
}
