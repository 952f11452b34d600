namespace Signals.Silo.Configuration;

/// <summary>Which Telegram the silo's sessions talk to. Every mode runs the same MTProto client; only the far end differs.</summary>
public enum TelegramMode
{
    /// <summary>An emulator inside the silo process, reached over loopback MTProto (the default; nothing is durable).</summary>
    EmbeddedEmulator,

    /// <summary>A standalone emulator process that several silos share (`Signals:Telegram:Emulator:*`).</summary>
    Emulator,

    /// <summary>Telegram's production data centers, with api_id/api_hash from configuration.</summary>
    Telegram,

    /// <summary>Telegram's test data centers (test phone numbers, fixed codes), for a manual smoke test.</summary>
    TelegramTest,
}
