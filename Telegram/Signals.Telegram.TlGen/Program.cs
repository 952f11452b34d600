using Signals.Telegram.TlGen;

// Usage: dotnet run --project Telegram/Signals.Telegram.TlGen [-- api|code|all]  (default: all)
//   api : rewrite Schema/api.tl from tests/gramjs/node_modules/telegram/tl and Schema/roots.txt
//   code: rewrite Signals.Telegram.Tl/Generated from Schema/mtproto.tl and Schema/api.tl
var command = args.Length > 0 ? args[0] : "all";
var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory)
    ?? throw new InvalidOperationException("Run inside the repository (no Signals.sln found above here).");
var schemaDir = Path.Combine(root, "Telegram", "Signals.Telegram.Tl", "Schema");
var generatedDir = Path.Combine(root, "Telegram", "Signals.Telegram.Tl", "Generated");

if (command is "api" or "all")
{
    var gramJs = Path.Combine(root, "tests", "gramjs", "node_modules", "telegram", "tl");
    if (!Directory.Exists(gramJs))
    {
        Console.Error.WriteLine($"GramJS is not installed at {gramJs}: run `npm ci` in tests/gramjs.");
        return 1;
    }

    var api = Generator.BuildApiSchema(
        File.ReadAllText(Path.Combine(gramJs, "apiTl.js")),
        File.ReadAllText(Path.Combine(gramJs, "AllTLObjects.js")),
        File.ReadAllText(Path.Combine(schemaDir, Generator.RootsFile)));
    File.WriteAllText(Path.Combine(schemaDir, Generator.ApiFile), api);
    Console.WriteLine($"Wrote {Generator.ApiFile}.");
}

if (command is "code" or "all")
{
    var files = Generator.GenerateCode(
        File.ReadAllText(Path.Combine(schemaDir, Generator.MtprotoFile)),
        File.ReadAllText(Path.Combine(schemaDir, Generator.ApiFile)));
    Directory.CreateDirectory(generatedDir);
    foreach (var stale in Directory.GetFiles(generatedDir, "*.g.cs"))
    {
        File.Delete(stale);
    }

    foreach (var (name, content) in files)
    {
        File.WriteAllText(Path.Combine(generatedDir, name), content);
    }

    Console.WriteLine($"Wrote {files.Count} files to {generatedDir}.");
}

return 0;

static string? FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Signals.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
