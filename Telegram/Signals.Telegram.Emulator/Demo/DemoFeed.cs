using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Demo;

/// <summary>
/// Posts memecoin calls into the demo channels at a steady rate: tokens that go round several channels within
/// minutes (so a "3 channels in 10 minutes" rule fires), tokens only one channel calls, chatter without addresses,
/// addresses only in hidden links, teasers revealed by an edit, updates of earlier calls, promos deleted again.
/// Deterministic for a seed: the same seed makes the same posts in the same order.
/// </summary>
public sealed class DemoFeed
{
    private const int TokenPoolSize = 40;
    private const int MaxActiveCampaigns = 2;
    private const int RecentLimit = 20;

    // How many channels call one token: often one or two (no alert), often three or more (an alert).
    private static readonly int[] CampaignSizes = [1, 2, 3, 3, 4, 5];

    private readonly TelegramWorld _world;
    private readonly DemoSetup _setup;
    private readonly DemoOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly DemoPostWriter _writer;
    private readonly List<DemoToken> _tokens;
    private readonly List<DemoCampaign> _campaigns = [];
    private readonly List<DemoAction> _recentCalls = [];
    private readonly List<DemoAction> _recentPromos = [];
    private readonly Queue<DemoAction> _teasers = new();
    private readonly Lock _gate = new();
    private int _nextToken;
    private long _steps;

    public DemoFeed(TelegramWorld world, DemoSetup setup, DemoOptions options, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PostsPerMinute);
        _world = world;
        _setup = setup;
        _options = options;
        _time = time ?? world.Time;
        _random = new Random(options.Seed);
        _writer = new DemoPostWriter(_random);
        _tokens = DemoTokenFactory.Create(_random, TokenPoolSize);

        // The demo opens with a token four channels call on alternate steps, so an alert follows within a minute.
        _campaigns.Add(new DemoCampaign(NextToken(), PickCallers(4)));
    }

    /// <summary>Every token the feed may call.</summary>
    public IReadOnlyList<DemoToken> Tokens => _tokens;

    public long StepsTaken => Interlocked.Read(ref _steps);

    /// <summary>Takes one step every <see cref="DemoOptions.Interval"/> until cancelled; returns quietly then.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Step();
            try
            {
                await Task.Delay(_options.Interval, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Does one thing in the world right now: a post, an edit or a delete.</summary>
    public DemoAction Step()
    {
        lock (_gate)
        {
            var action = Choose();
            Interlocked.Increment(ref _steps);
            return action;
        }
    }

    private DemoAction Choose()
    {
        // Warm-up: the opening campaign takes every other step until it is done.
        if (_steps < 8 && _steps % 2 == 0 && _campaigns.Count > 0)
        {
            return CampaignCall(_campaigns[0]);
        }

        if (_teasers.Count > 0)
        {
            return Reveal(_teasers.Dequeue());
        }

        var roll = _random.NextDouble();
        if ((roll -= _options.EditShare) < 0 && _recentCalls.Count > 0)
        {
            return UpdateCall();
        }

        if ((roll -= _options.DeleteShare) < 0 && _recentPromos.Count > 0)
        {
            return DeletePromo();
        }

        if ((roll -= 0.50) < 0)
        {
            return CampaignCall(CurrentCampaign());
        }

        if ((roll -= 0.12) < 0 && _recentCalls.Count > 0)
        {
            var call = Pick(_recentCalls);
            return Post(DemoActionKind.FollowUp, call.ChannelId, _writer.FollowUp(call.Token!), [], call.Token);
        }

        if ((roll -= 0.08) < 0)
        {
            return Remember(_recentPromos, Post(DemoActionKind.Promo, Pick(_setup.CallChannels).Id, _writer.Promo(), [], null));
        }

        return Post(DemoActionKind.Noise, Pick(_setup.CallChannels).Id, _writer.NoisePost(DemoTokenFactory.SolanaSignature(_random)), [], null);
    }

    private DemoCampaign CurrentCampaign()
    {
        _campaigns.RemoveAll(c => c.IsDone);
        if (_campaigns.Count == 0 || (_campaigns.Count < MaxActiveCampaigns && _random.NextDouble() < 0.3))
        {
            var size = CampaignSizes[_random.Next(CampaignSizes.Length)];
            _campaigns.Add(new DemoCampaign(NextToken(), PickCallers(size)));
        }

        return Pick(_campaigns);
    }

    private DemoAction CampaignCall(DemoCampaign campaign)
    {
        var channel = campaign.NextCaller();
        if (campaign.IsDone)
        {
            _campaigns.Remove(campaign);
        }

        // Now and then a channel teases first and edits the address in a step later.
        if (_steps >= 8 && _random.NextDouble() < 0.12)
        {
            var teaser = Post(DemoActionKind.Teaser, channel.Id, _writer.Teaser(campaign.Token), [], campaign.Token);
            _teasers.Enqueue(teaser);
            return teaser;
        }

        var (text, links) = _writer.Call(campaign.Token);
        return Remember(_recentCalls, Post(DemoActionKind.Call, channel.Id, text, links, campaign.Token));
    }

    private DemoAction Reveal(DemoAction teaser)
    {
        var (text, links) = _writer.Call(teaser.Token!);
        var post = _world.Edit(teaser.ChannelId, teaser.MessageId, text, links);
        return Remember(_recentCalls, new DemoAction(DemoActionKind.Reveal, post.ChannelId, post.MessageId, post.Text, post.Links, teaser.Token));
    }

    private DemoAction UpdateCall()
    {
        var call = Pick(_recentCalls);
        _recentCalls.Remove(call);
        var post = _world.Edit(call.ChannelId, call.MessageId, _writer.Update(call.Text), call.Links);
        return new DemoAction(DemoActionKind.Update, post.ChannelId, post.MessageId, post.Text, post.Links, call.Token);
    }

    private DemoAction DeletePromo()
    {
        var promo = Pick(_recentPromos);
        _recentPromos.Remove(promo);
        _world.Delete(promo.ChannelId, promo.MessageId);
        return promo with { Kind = DemoActionKind.Delete };
    }

    private DemoAction Post(DemoActionKind kind, long channelId, string text, IReadOnlyList<string> links, DemoToken? token)
    {
        var post = _world.Post(channelId, text, links);
        return new DemoAction(kind, channelId, post.MessageId, text, links, token);
    }

    private DemoToken NextToken()
    {
        // Walk the pool in order, so a token comes round again only after the others had their turn.
        var token = _tokens[_nextToken];
        _nextToken = (_nextToken + 1) % _tokens.Count;
        return token;
    }

    private List<WorldChat> PickCallers(int count) =>
        _setup.CallChannels.OrderBy(_ => _random.Next()).Take(Math.Min(count, _setup.CallChannels.Count)).ToList();

    private static DemoAction Remember(List<DemoAction> recent, DemoAction action)
    {
        recent.Add(action);
        if (recent.Count > RecentLimit)
        {
            recent.RemoveAt(0);
        }

        return action;
    }

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];
}
