using Microsoft.Extensions.Options;

namespace Signals.Catalog;

/// <summary>Checks configured rules at start with the catalog's own rule checks; each message names the rule's key.</summary>
public sealed class RulesOptionsValidator : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Default.Count; i++)
        {
            try
            {
                RuleValidation.Validate(options.Default[i].ToConfig());
            }
            catch (CatalogException ex)
            {
                errors.Add($"{RulesOptions.Section}:Default:{i}: {ex.Message}");
            }
        }

        if (options.Default.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != options.Default.Count)
        {
            errors.Add($"{RulesOptions.Section}:Default: rule names must be unique.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
