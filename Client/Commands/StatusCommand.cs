using System.CommandLine;
using Signals.Client.Infrastructure;
using Signals.Client.Output;

namespace Signals.Client.Commands;

/// <summary><c>signals status</c>: the silos in the cluster and how many activations of each grain type they hold.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("status", "Show the cluster's silos and grain activation counts.");
        context.SetClusterAction(command, async (_, client, output, _) =>
        {
            var view = await ReadAsync(client);
            if (output.IsJson)
            {
                output.Json(view);
                return ExitCodes.Ok;
            }

            var silos = OutputFormatter.Table("Silo", "Address", "Host", "Status", "Started");
            foreach (var s in view.Silos)
            {
                OutputFormatter.AddRow(silos, s.Name, s.Address, s.Host, s.Status, OutputFormatter.Time(s.StartedAt));
            }

            var grains = OutputFormatter.Table("Grain type", "Activations", "Silos");
            foreach (var g in view.Grains)
            {
                OutputFormatter.AddRow(grains, ShortTypeName(g.GrainType), g.Activations.ToString(), g.Silos.ToString());
            }

            output.Render(silos);
            output.Render(grains);
            output.Note($"{view.Silos.Count} silo(s), {view.TotalActivations} activation(s).");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"Signals.Tokens.TokenGrain,Signals.Grains" → "Signals.Tokens.TokenGrain" for the table; JSON keeps the full name.</summary>
    private static string ShortTypeName(string grainType) => grainType.Split(',', 2)[0];

    private static async Task<StatusView> ReadAsync(IClusterClient client)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var stats = await management.GetSimpleGrainStatistics();
        var silos = hosts
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .Select(h => new SiloView(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(), h.StartTime, h.IAmAliveTime))
            .ToList();
        var grains = stats
            .GroupBy(s => s.GrainType, StringComparer.Ordinal)
            .Select(g => new GrainCountView(g.Key, g.Sum(s => s.ActivationCount), g.Select(s => s.SiloAddress).Distinct().Count()))
            .OrderByDescending(g => g.Activations)
            .ThenBy(g => g.GrainType, StringComparer.Ordinal)
            .ToList();
        return new StatusView(silos, grains, grains.Sum(g => g.Activations));
    }
}
