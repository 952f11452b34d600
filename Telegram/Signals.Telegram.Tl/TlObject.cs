using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl;

/// <summary>A TL constructor or function: something with a constructor id and a body.</summary>
public abstract class TlObject
{
    public abstract uint GetConstructorId();

    /// <summary>Writes the fields only (the bare form).</summary>
    public abstract void WriteBody(TlWriter writer);

    /// <summary>Writes the boxed form: constructor id, then the fields.</summary>
    public void Write(TlWriter writer)
    {
        writer.WriteUInt32(GetConstructorId());
        WriteBody(writer);
    }

    /// <summary>The TL name (<c>messages.getHistory</c>), for logs.</summary>
    public override string ToString() => TlRegistry.GetName(GetConstructorId()) ?? GetType().Name;

    /// <summary>The boxed form as a new array.</summary>
    public byte[] ToBytes()
    {
        var writer = new TlWriter();
        Write(writer);
        return writer.ToArray();
    }
}
