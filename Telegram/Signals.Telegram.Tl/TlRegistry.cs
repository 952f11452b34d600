using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;

namespace Signals.Telegram.Tl;

/// <summary>Reads any known boxed object by its constructor id (the dispatch table is generated).</summary>
public static partial class TlRegistry
{
    /// <summary>
    /// Reads one boxed object: a generated constructor or function, rpc_result, msg_container; gzip_packed is
    /// unwrapped transparently. Throws <see cref="TlReadException"/> and nothing else on bad input.
    /// </summary>
    public static TlObject ReadObject(ref TlReader reader)
    {
        var constructorId = reader.BeginObject();
        var result = constructorId switch
        {
            TlConstructors.GzipPacked => reader.ReadGzipPacked(ReadObject),
            RpcResult.ConstructorId => RpcResult.ReadBody(ref reader),
            MsgContainer.ConstructorId => MsgContainer.ReadBody(ref reader),
            _ => ReadGenerated(constructorId, ref reader) ?? throw TlReadException.UnknownConstructor(constructorId, "an object"),
        };
        reader.EndObject();
        return result;
    }

    /// <summary>Reads a whole buffer as one boxed object; trailing bytes are an error.</summary>
    public static TlObject ReadObject(ReadOnlySpan<byte> bytes)
    {
        var reader = new TlReader(bytes);
        var result = ReadObject(ref reader);
        if (!reader.IsAtEnd)
        {
            throw new TlReadException($"{reader.Remaining} bytes left after the object.");
        }

        return result;
    }

    /// <summary>Reads a boxed TL function (the <c>!X</c> query of invokeWithLayer and initConnection).</summary>
    public static TlFunction ReadFunction(ref TlReader reader) =>
        ReadObject(ref reader) as TlFunction
            ?? throw new TlReadException("Expected a TL function, found a constructor.");

    /// <summary>The TL name for a constructor id (e.g. <c>messages.getHistory</c>), or null when unknown.</summary>
    public static string? GetName(uint constructorId) => constructorId switch
    {
        TlConstructors.GzipPacked => "gzip_packed",
        RpcResult.ConstructorId => "rpc_result",
        MsgContainer.ConstructorId => "msg_container",
        TlConstructors.Vector => "vector",
        TlConstructors.BoolTrue => "boolTrue",
        TlConstructors.BoolFalse => "boolFalse",
        _ => GeneratedName(constructorId),
    };
}
