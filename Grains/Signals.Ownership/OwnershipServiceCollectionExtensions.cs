using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Signals.Ownership;

/// <summary>Registers the validated options and services of session ownership.</summary>
public static class OwnershipServiceCollectionExtensions
{
    /// <summary>Binds <c>Signals:Leases</c> into <see cref="LeaseOptions"/>, validated at start.</summary>
    public static IServiceCollection AddSignalsLeaseOptions(this IServiceCollection services)
    {
        services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeaseOptions>, LeaseOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Binds <c>Signals:Secrets</c> into <see cref="SecretOptions"/>, validated at start (a missing or malformed key
    /// stops the host with a message naming it), and registers <see cref="SecretProtector"/> and <see cref="SecretRotator"/>.
    /// </summary>
    public static IServiceCollection AddSignalsSecrets(this IServiceCollection services)
    {
        services.AddOptions<SecretOptions>().BindConfiguration(SecretOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretOptions>, SecretOptionsValidator>());
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<SecretRotator>();
        return services;
    }
}
