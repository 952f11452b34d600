using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Emulator.Server;

/// <summary>A boxed <c>Vector&lt;T&gt;</c> as an rpc result (users.getUsers answers one); generated code has no object for it.</summary>
internal sealed class TlVector<T>(IReadOnlyCollection<T> items) : TlObject
    where T : TlObject
{
    public override uint GetConstructorId() => TlConstructors.Vector;

    public override void WriteBody(TlWriter writer)
    {
        writer.WriteInt32(items.Count);
        foreach (var item in items)
        {
            item.Write(writer);
        }
    }
}
