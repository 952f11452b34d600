using System.Text.RegularExpressions;
using Signals.Deploy.Tests.Rendering;
using Signals.Deploy.Tests.Source;

namespace Signals.Deploy.Tests;

/// <summary>
/// The Dockerfiles cannot be built here (no container engine), so these read them: the final stage, the user, the
/// entry point and the port must agree with the projects and the manifests.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("deploy/docker/Dockerfile.silo", "Silo/Signals.Silo.csproj", "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [InlineData("deploy/docker/Dockerfile.cli", "Client/Signals.Client.csproj", "mcr.microsoft.com/dotnet/runtime:10.0")]
    public void Image_publishes_its_project_and_runs_it_as_the_non_root_user_on_the_runtime_image(string dockerfile, string project, string runtimeImage)
    {
        var text = Repository.ReadText(dockerfile);
        var stages = FromLine().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var finalStage = text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", runtimeImage], stages);
        Assert.True(File.Exists(Repository.PathOf(project)), $"{dockerfile} publishes {project}, which does not exist.");
        Assert.Contains($"dotnet publish {project}", text, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", finalStage, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{SourceFacts.AssemblyName(project)}.dll\"]", finalStage, StringComparison.Ordinal);
        // Nothing may need a writable $HOME on a read-only root filesystem.
        Assert.Contains("ENV HOME=/tmp", finalStage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Silo_image_listens_on_the_http_port_the_manifests_probe(string overlay)
    {
        var imagePort = EnvLine().Match(Repository.ReadText("deploy/docker/Dockerfile.silo"));
        var silo = (await Overlays.RenderAsync(overlay)).SiloContainer();

        Assert.True(imagePort.Success, "Dockerfile.silo does not set ASPNETCORE_HTTP_PORTS.");
        Assert.Equal(imagePort.Groups[1].Value, K8s.EnvValue(silo, "ASPNETCORE_HTTP_PORTS"));
        Assert.Equal(long.Parse(imagePort.Groups[1].Value), K8s.PortNumber(silo, "http"));
    }

    [Theory]
    [InlineData("Dockerfile.silo")]
    [InlineData("Dockerfile.cli")]
    public void Build_context_leaves_out_local_build_outputs(string dockerfile)
    {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile; stale obj/ folders would break the restore.
        var ignore = Repository.ReadText($"deploy/docker/{dockerfile}.dockerignore").Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        Assert.Contains(".git/", ignore);
    }

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^ENV ASPNETCORE_HTTP_PORTS=(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();
}
