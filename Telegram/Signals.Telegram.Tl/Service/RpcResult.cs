using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Tl.Service;

/// <summary>
/// <c>rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;</c> The result's type depends on the request,
/// which only the caller knows, so the result stays raw bytes until <see cref="ReadResult{TResult}"/>. It extends
/// to the end of its message, so reading consumes everything left in the reader.
/// </summary>
public sealed class RpcResult : TlObject
{
    public const uint ConstructorId = 0xf35c6d01;

    public long ReqMsgId { get; set; }

    /// <summary>The serialised result: a boxed object, an rpc_error, a gzip_packed, a vector or a Bool.</summary>
    public byte[] Result { get; set; } = [];

    public override uint GetConstructorId() => ConstructorId;

    public override void WriteBody(TlWriter writer)
    {
        writer.WriteInt64(ReqMsgId);
        writer.WriteRaw(Result);
    }

    public static RpcResult ReadBody(ref TlReader reader)
    {
        var reqMsgId = reader.ReadInt64();
        return new RpcResult { ReqMsgId = reqMsgId, Result = reader.ReadRemaining().ToArray() };
    }

    /// <summary>Wraps a typed result (server side).</summary>
    public static RpcResult For(long reqMsgId, TlObject result) => new() { ReqMsgId = reqMsgId, Result = result.ToBytes() };

    /// <summary>True when the result is an <c>rpc_error</c> (possibly inside gzip_packed). Check before reading.</summary>
    public bool TryGetError([NotNullWhen(true)] out RpcError? error)
    {
        var payload = Unwrap(Result);
        if (payload.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(payload) == RpcError.ConstructorId)
        {
            var reader = new TlReader(payload);
            error = RpcError.Read(ref reader);
            return true;
        }

        error = null;
        return false;
    }

    /// <summary>
    /// Reads the result as <paramref name="request"/>'s result type (gzip_packed unwrapped). An rpc_error or a
    /// result of another type, or bytes left over, is a <see cref="TlReadException"/>: call TryGetError first.
    /// </summary>
    public TResult ReadResult<TResult>(TlFunction<TResult> request)
        where TResult : notnull
    {
        var reader = new TlReader(Unwrap(Result));
        var result = request.ReadResult(ref reader);
        EnsureConsumed(reader);
        return result;
    }

    /// <summary>Reads the result of a request whose type is only known at run time (e.g. invokeWithLayer).</summary>
    public object ReadResultObject(TlFunction request)
    {
        var reader = new TlReader(Unwrap(Result));
        var result = request.ReadResultObject(ref reader);
        EnsureConsumed(reader);
        return result;
    }

    private static void EnsureConsumed(TlReader reader)
    {
        if (!reader.IsAtEnd)
        {
            throw new TlReadException($"{reader.Remaining} bytes left after the result: it is not of the request's type.");
        }
    }

    private static ReadOnlySpan<byte> Unwrap(byte[] result)
    {
        // Telegram gzips whole results, including vectors and Bools that have no generated Read of their own.
        if (result.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(result) == TlConstructors.GzipPacked)
        {
            var packedReader = new TlReader(result.AsSpan(4));
            return TlGzip.Inflate(packedReader.ReadBytesSpan(), TlReader.DefaultMaxDecompressedBytes);
        }

        return result;
    }
}
