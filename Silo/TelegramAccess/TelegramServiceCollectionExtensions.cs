using Signals.Silo.Configuration;
using Signals.Telegram.Client;
using Signals.Telegram.Crypto;
using Signals.Telegram.Port;

namespace Signals.Silo.TelegramAccess;

/// <summary>Registers the silo's one <see cref="ITelegramConnector"/>: our MTProto client, pointed where the settings say.</summary>
public static class TelegramServiceCollectionExtensions
{
    public static IServiceCollection AddSignalsTelegram(this IServiceCollection services, TelegramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Mode == TelegramMode.EmbeddedEmulator)
        {
            services.AddSingleton<EmbeddedEmulatorServer>();
        }

        services.AddSingleton(sp => new MtprotoTelegramConnector(ConnectorOptions(sp, settings), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ITelegramConnector>(sp => sp.GetRequiredService<MtprotoTelegramConnector>());
        return services;
    }

    private static MtprotoConnectorOptions ConnectorOptions(IServiceProvider services, TelegramSettings settings)
    {
        var time = services.GetRequiredService<TimeProvider>();
        switch (settings.Mode)
        {
            case TelegramMode.EmbeddedEmulator:
                var server = services.GetRequiredService<EmbeddedEmulatorServer>().Server;
                return MtprotoConnectorOptions.ForEmulator(server.LocalEndPoint, server.PublicKey, time);
            case TelegramMode.Emulator:
                var dataCenters = new List<DcEndpoint> { new(2, settings.EmulatorEndPoint!.Host, settings.EmulatorEndPoint.Port) };
                if (settings.EmulatorSecondDcEndPoint is { } dc1)
                {
                    dataCenters.Add(new DcEndpoint(1, dc1.Host, dc1.Port));
                }

                return new MtprotoConnectorOptions
                {
                    DataCenters = dataCenters,
                    ServerKeys = [RsaPublicKey.FromPem(File.ReadAllText(settings.EmulatorPublicKeyFile!))],
                    ApiId = settings.ApiId,
                    ApiHash = settings.ApiHash,
                    Time = time,
                };
            case TelegramMode.Telegram:
                return MtprotoConnectorOptions.Production(settings.ApiId, settings.ApiHash);
            case TelegramMode.TelegramTest:
                return MtprotoConnectorOptions.TestServers(settings.ApiId, settings.ApiHash);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Mode, "Unknown Telegram mode.");
        }
    }
}
