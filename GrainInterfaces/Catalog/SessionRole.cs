namespace Signals.Catalog;

[GenerateSerializer]
[Alias("Signals.Catalog.SessionRole")]
public enum SessionRole
{
    Reader = 0,
    Notifier = 1,
}
