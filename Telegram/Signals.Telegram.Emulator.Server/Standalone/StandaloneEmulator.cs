using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Signals.Telegram.Crypto;
using Signals.Telegram.Emulator.Demo;
using Signals.Telegram.Emulator.Server.Admin;
using Signals.Telegram.Emulator.World;

namespace Signals.Telegram.Emulator.Server.Standalone;

/// <summary>
/// The standalone emulator: one <see cref="TelegramWorld"/>, its MTProto server, the loopback admin HTTP API, and
/// optionally the demo world and feed. What the console entry runs, and what a test runs in-process.
/// </summary>
public sealed class StandaloneEmulator : IAsyncDisposable
{
    private readonly StandaloneOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly RsaPrivateKey? _rsaKey;
    private readonly WorldOptions? _worldOptions;
    private readonly CancellationTokenSource _stopping = new();
    private MtprotoServer? _server;
    private WebApplication? _admin;
    private Task _demoFeed = Task.CompletedTask;
    private int _state; // 0 new, 1 started, 2 stopped

    /// <param name="options">What to serve (the console flags).</param>
    /// <param name="loggerFactory">Where to log; nothing is logged when null.</param>
    /// <param name="rsaKey">The server key; when null, <see cref="StandaloneOptions.PrivateKeyFile"/> or a fresh key.</param>
    /// <param name="worldOptions">The world's behaviour; Telegram's defaults when null.</param>
    public StandaloneEmulator(StandaloneOptions options, ILoggerFactory? loggerFactory = null, RsaPrivateKey? rsaKey = null, WorldOptions? worldOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Admin is { } admin && !IPAddress.IsLoopback(admin.Address))
        {
            throw new ArgumentException("the admin API has no authentication and listens on loopback only", nameof(options));
        }

        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<StandaloneEmulator>();
        _rsaKey = rsaKey;
        _worldOptions = worldOptions;
    }

    /// <summary>The shared world (after <see cref="StartAsync"/>).</summary>
    public TelegramWorld World => Server.World;

    public MtprotoServer Server => _server ?? throw new InvalidOperationException("The emulator is not started.");

    /// <summary>Where MTProto clients connect (the real port when started with port 0).</summary>
    public IPEndPoint MtprotoEndPoint => Server.LocalEndPoint;

    /// <summary>The admin API's base address, e.g. http://127.0.0.1:5678/; null when no admin endpoint was asked for.</summary>
    public Uri? AdminUri { get; private set; }

    /// <summary>The server key's fingerprint as clients' key tables want it (the signed TL long).</summary>
    public long Fingerprint => Server.PublicKey.Fingerprint;

    /// <summary>What <c>--demo</c> seeded; null without it.</summary>
    public DemoSetup? Demo { get; private set; }

    /// <summary>
    /// Binds both listeners, writes the public key and the ready file, seeds and starts the demo. Throws (and leaves
    /// nothing running) when a port is taken or a file cannot be read or written.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The emulator was started already.");
        }

        try
        {
            var rsaKey = _rsaKey ?? (_options.PrivateKeyFile is { } keyFile
                ? RsaPrivateKey.FromPem(await File.ReadAllTextAsync(keyFile, cancellationToken))
                : RsaPrivateKey.Generate());
            var world = new TelegramWorld(_worldOptions);
            _server = new MtprotoServer(world, rsaKey, logger: _loggerFactory.CreateLogger<MtprotoServer>());
            _server.Start(_options.Listen);
            if (_options.PublicKeyOut is { } publicKeyOut)
            {
                await File.WriteAllTextAsync(publicKeyOut, _server.PublicKey.ToPem(), cancellationToken);
            }

            if (_options.Demo)
            {
                StartDemo(world);
            }

            if (_options.Admin is { } adminEndPoint)
            {
                AdminUri = await StartAdminAsync(world, _server, adminEndPoint, cancellationToken);
                StandaloneLog.AdminListening(_logger, AdminUri.ToString());
            }

            if (_options.ReadyFile is { } readyFile)
            {
                await ReadyContent().WriteAsync(readyFile, cancellationToken);
            }
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>What the ready file holds; also handy for a harness that runs the emulator in-process.</summary>
    public ReadyFileContent ReadyContent() => new(
        MtprotoEndPoint.ToString(),
        AdminUri?.ToString(),
        Fingerprint.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops the demo feed, the admin API and the MTProto server (closing every client connection).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        StandaloneLog.Stopping(_logger);
        await _stopping.CancelAsync();
        await _demoFeed;
        if (_admin is not null)
        {
            await _admin.StopAsync(cancellationToken);
            await _admin.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private void StartDemo(TelegramWorld world)
    {
        var demoOptions = new DemoOptions();
        Demo = DemoWorld.Seed(world, demoOptions);
        var feed = new DemoFeed(world, Demo, demoOptions);
        _demoFeed = RunDemoFeedAsync(feed, _stopping.Token);
        StandaloneLog.DemoSeeded(_logger, Demo.CallChannels.Count, Demo.Destination.Username);
    }

    private async Task RunDemoFeedAsync(DemoFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Run(() => feed.RunAsync(cancellationToken), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A broken demo must not take the emulator down: the world and the admin API go on serving.
            StandaloneLog.DemoFeedFailed(_logger, ex);
        }
    }

    private async Task<Uri> StartAdminAsync(TelegramWorld world, MtprotoServer server, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StandaloneEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endPoint));
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(_loggerFactory));
        // ASP.NET Core logs request paths at Information and below, and /users/{phone} paths carry phone numbers.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        _admin = builder.Build();
        EmulatorAdminApi.Map(_admin, world, server);
        await _admin.StartAsync(cancellationToken);

        var address = _admin.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
