namespace Signals.Telegram.Tl.Serialization;

/// <summary>Constructor ids the reader and writer handle themselves (core types of the TL schema).</summary>
public static class TlConstructors
{
    /// <summary><c>vector#1cb5c415 {t:Type} # [ t ] = Vector t;</c></summary>
    public const uint Vector = 0x1cb5c415;

    /// <summary><c>boolTrue#997275b5 = Bool;</c></summary>
    public const uint BoolTrue = 0x997275b5;

    /// <summary><c>boolFalse#bc799737 = Bool;</c></summary>
    public const uint BoolFalse = 0xbc799737;

    /// <summary><c>gzip_packed#3072cfa1 packed_data:bytes = Object;</c> (core.telegram.org/schema/mtproto)</summary>
    public const uint GzipPacked = 0x3072cfa1;
}
