namespace Signals.Catalog;

/// <summary>A request the catalog refuses (unknown session, bad name, bad rule); the message is meant for the person who asked.</summary>
[GenerateSerializer]
[Alias("Signals.Catalog.CatalogException")]
public sealed class CatalogException : Exception
{
    public CatalogException()
    {
    }

    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
