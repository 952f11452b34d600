namespace Signals.Secrets;

/// <summary>
/// Secrets at rest, administered through the cluster (key <see cref="Catalog.CatalogKeys.Default"/>): the silos hold the
/// keys; the CLI never sees one.
/// </summary>
[Alias("Signals.Secrets.ISecretsAdminGrain")]
public interface ISecretsAdminGrain : IGrainWithStringKey
{
    /// <summary>Re-encrypts every protected value of this deployment under the active key (run after adding a new key).</summary>
    [Alias("Rotate")]
    Task<SecretRotationResult> RotateAsync();
}
