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

    /// <summary>True when the result is an <c>rpc_error</c> (possibly inside gzip_packed).</summary>
    public bool TryGetError(out RpcError error)
    {
        var reader = new TlReader(Result);
        var payload = Unwrap(ref reader);
        if (payload.Length >= 4 && BitConverter.ToUInt32(payload[..4]) == RpcError.ConstructorId)
        {
            var errorReader = new TlReader(payload);
            error = RpcError.Read(ref errorReader);
            return true;
        }

        error = null!;
        return false;
    }

    /// <summary>Reads the result as <paramref name="request"/>'s result type (gzip_packed unwrapped).</summary>
    public TResult ReadResult<TResult>(TlFunction<TResult> request)
        where TResult : notnull
    {
        var reader = new TlReader(Result);
        var payload = Unwrap(ref reader);
        var payloadReader = new TlReader(payload);
        return request.ReadResult(ref payloadReader);
    }

    /// <summary>Reads the result of a request whose type is only known at run time (e.g. invokeWithLayer).</summary>
    public object ReadResultObject(TlFunction request)
    {
        var reader = new TlReader(Result);
        var payload = Unwrap(ref reader);
        var payloadReader = new TlReader(payload);
        return request.ReadResultObject(ref payloadReader);
    }

    private static ReadOnlySpan<byte> Unwrap(ref TlReader reader)
    {
        // Telegram gzips whole results, including vectors and Bools that have no generated Read of their own.
        var all = reader.ReadRemaining();
        if (all.Length >= 4 && BitConverter.ToUInt32(all[..4]) == TlConstructors.GzipPacked)
        {
            var packedReader = new TlReader(all[4..]);
            return TlGzip.Inflate(packedReader.ReadBytesSpan(), TlReader.DefaultMaxDecompressedBytes);
        }

        return all;
    }
}
