using System.Collections.Concurrent;
using System.Net;

namespace Signals.Telegram.Emulator.Server;

/// <summary>
/// The DCs one world is served on: several <see cref="MtprotoServer"/>s over one world, each with its own DcId,
/// share one set. A server adds its listening endpoint when started, so help.getConfig lists every DC and
/// PHONE_MIGRATE_X / exported authorizations point at real listeners.
/// </summary>
public sealed class MtprotoDcSet
{
    private readonly ConcurrentDictionary<int, IPEndPoint> _dcs = new();

    /// <summary>The DCs started so far, by id.</summary>
    public IReadOnlyDictionary<int, IPEndPoint> EndPoints => _dcs;

    internal void Add(int dcId, IPEndPoint endPoint)
    {
        if (!_dcs.TryAdd(dcId, endPoint))
        {
            throw new InvalidOperationException($"DC {dcId} is served by another server already.");
        }
    }
}
