namespace Signals.Telegram.Emulator.Demo;

/// <summary>Names in the style of public call channels; invented, so no real channel is implied.</summary>
public static class DemoChannels
{
    public static IReadOnlyList<(string Username, string Title)> All { get; } =
    [
        ("sol_gem_hunters", "Sol Gem Hunters 💎"),
        ("pump_alpha_calls", "Pump Alpha Calls 🚀"),
        ("whale_bay_signals", "Whale Bay Signals 🐳"),
        ("moonshot_radar", "Moonshot Radar 🌕"),
        ("based_degen_club", "Based Degen Club"),
        ("early_entry_lab", "Early Entry Lab 🧪"),
        ("chart_wizards", "Chart Wizards 🧙"),
        ("low_cap_lounge", "Low Cap Lounge"),
    ];
}
