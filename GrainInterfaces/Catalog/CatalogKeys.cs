namespace Signals.Catalog;

public static class CatalogKeys
{
    public const string Default = "default";
}
