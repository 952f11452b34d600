using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;
using Signals.Telegram.Tl.Service;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Service;

public sealed class RpcResultTests
{
    [Fact]
    public void A_typed_result_is_read_through_its_request()
    {
        var request = new Help.GetNearestDc();
        var answer = new NearestDc { Country = "NL", ThisDc = 2, NearestDcValue = 4 };
        var bytes = RpcResult.For(12345, answer).ToBytes();

        var result = Assert.IsType<RpcResult>(TlRegistry.ReadObject(bytes));
        var nearest = result.ReadResult(request);

        Assert.Equal(12345, result.ReqMsgId);
        Assert.False(result.TryGetError(out _));
        Assert.Equal("NL", nearest.Country);
        Assert.Equal(4, nearest.NearestDcValue);
    }

    [Fact]
    public void A_gzipped_vector_result_is_unwrapped()
    {
        var request = new Users.GetUsers { Id = [new InputUserSelf()] };
        var users = new Writer().Vector([new UserEmpty { Id = 77 }]);
        var packed = new GzipPacked { PackedData = TlGzip.Deflate(users) };
        var result = new RpcResult { ReqMsgId = 1, Result = packed.ToBytes() };

        var read = result.ReadResult(request);

        Assert.Equal(77, Assert.IsType<UserEmpty>(Assert.Single(read)).Id);
    }

    [Fact]
    public void An_rpc_error_is_recognised_with_its_code_and_message()
    {
        var result = RpcResult.For(9, new RpcError { ErrorCode = 420, ErrorMessage = "FLOOD_WAIT_30" });

        Assert.True(result.TryGetError(out var error));
        Assert.Equal(420, error.ErrorCode);
        Assert.Equal("FLOOD_WAIT_30", error.ErrorMessage);
    }

    [Fact]
    public void A_result_of_another_type_is_rejected()
    {
        var result = RpcResult.For(3, new NearestDc { Country = "NL", ThisDc = 2, NearestDcValue = 4 });

        Assert.Throws<TlReadException>(() => result.ReadResult(new Updates.GetState()));
    }

    [Fact]
    public void InvokeWithLayer_reads_the_result_of_the_query_it_wraps()
    {
        var request = new InvokeWithLayer
        {
            Layer = TlLayer.Current,
            Query = new InitConnection { ApiId = 1, DeviceModel = "d", SystemVersion = "s", AppVersion = "a", SystemLangCode = "en", LangPack = "", LangCode = "en", Query = new Help.GetNearestDc() },
        };
        var result = RpcResult.For(1, new NearestDc { Country = "DE", ThisDc = 1, NearestDcValue = 1 });

        Assert.Equal("DE", Assert.IsType<NearestDc>(result.ReadResultObject(request)).Country);
        Assert.IsType<InvokeWithLayer>(TlRegistry.ReadObject(request.ToBytes()));
    }

    private sealed class Writer
    {
        public byte[] Vector(List<UserBase> users)
        {
            var writer = new TlWriter();
            writer.WriteVector(users, static (w, x) => x.Write(w));
            return writer.ToArray();
        }
    }
}
