using Signals.Channels;
using Signals.Infrastructure;
using Signals.Sessions;

namespace Signals.Catalog;

/// <summary>The cluster's registry of sessions, channels, destinations and rules; every change bumps the version.</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<CatalogState> state,
    Microsoft.Extensions.Options.IOptions<RulesOptions> rules,
    TimeProvider time) : Grain, ICatalogGrain
{
    public async Task AddSessionAsync(SessionEntry session)
    {
        if (!Names.IsValidName(session.Name))
        {
            throw new CatalogException($"session name '{session.Name}': use 1 to 64 letters, digits, '-', '_' or '.'.");
        }

        state.State.Sessions[session.Name] = session;
        await SaveAsync();
    }

    public Task<IReadOnlyList<SessionEntry>> ListSessionsAsync() =>
        Task.FromResult<IReadOnlyList<SessionEntry>>(state.State.Sessions.Values.OrderBy(s => s.Name).ToList());

    public async Task<ChannelEntry> AddChannelAsync(string channel, string sessionName, int? startAfterMessageId)
    {
        var name = Names.Channel(channel ?? string.Empty);
        if (!Names.IsValidChannel(name))
        {
            throw new CatalogException($"channel '{channel}': expected a public username (4–32 of a-z, 0-9, '_', starting with a letter) or a numeric id.");
        }

        if (!state.State.Sessions.ContainsKey(sessionName))
        {
            throw new CatalogException($"session '{sessionName}' is not registered; add it first.");
        }

        if (startAfterMessageId < 0)
        {
            throw new CatalogException("--from must be a message id of 0 or more.");
        }

        ChannelPeerInfo peer;
        try
        {
            peer = await GrainFactory.GetGrain<ITelegramSessionGrain>(sessionName).JoinChannelAsync(name);
        }
        catch (SessionCallException ex)
        {
            throw new CatalogException($"channel '{name}' could not be joined through session '{sessionName}': {ex.Message}");
        }

        await GrainFactory.GetGrain<IChannelReaderGrain>(name).AssignAsync(sessionName, startAfterMessageId);
        var entry = new ChannelEntry(name, sessionName, peer.ChannelId, peer.Title, time.GetUtcNow());
        state.State.Channels[name] = entry;
        await SaveAsync();
        return entry;
    }

    public Task<IReadOnlyList<ChannelEntry>> ListChannelsAsync() =>
        Task.FromResult<IReadOnlyList<ChannelEntry>>(state.State.Channels.Values.OrderBy(c => c.Channel).ToList());

    public async Task AddDestinationAsync(DestinationEntry destination)
    {
        if (!Names.IsValidName(destination.Name))
        {
            throw new CatalogException($"destination name '{destination.Name}': use 1 to 64 letters, digits, '-', '_' or '.'.");
        }

        if (destination.Via == DeliveryChannelKind.Session && !state.State.Sessions.ContainsKey(destination.Session))
        {
            throw new CatalogException($"session '{destination.Session}' is not registered; add it first.");
        }

        if (string.IsNullOrWhiteSpace(destination.Peer))
        {
            throw new CatalogException("destination peer: '@username' or a numeric chat id is required.");
        }

        var destinationRules = destination.Rules is { Count: > 0 } ? destination.Rules : rules.Value.DefaultRules();
        foreach (var rule in destinationRules)
        {
            RuleValidation.Validate(rule);
        }

        state.State.Destinations[destination.Name] = destination with { Rules = destinationRules.ToList() };
        await SaveAsync();
    }

    public Task<IReadOnlyList<DestinationEntry>> ListDestinationsAsync() =>
        Task.FromResult<IReadOnlyList<DestinationEntry>>(state.State.Destinations.Values.OrderBy(d => d.Name).ToList());

    public async Task SetRuleAsync(string destination, AlertRuleConfig rule)
    {
        if (!state.State.Destinations.TryGetValue(destination, out var entry))
        {
            throw new CatalogException($"destination '{destination}' does not exist.");
        }

        RuleValidation.Validate(rule);
        var rules = entry.Rules.Where(r => r.Name != rule.Name).Append(rule).ToList();
        state.State.Destinations[destination] = entry with { Rules = rules };
        await SaveAsync();
    }

    public Task<long> GetVersionAsync() => Task.FromResult(state.State.Version);

    private Task SaveAsync()
    {
        state.State.Version++;
        return state.WriteStateAsync();
    }
}
