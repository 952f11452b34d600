using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Tests.Support;
using Xunit;

namespace Signals.Telegram.Tl.Tests.Service;

/// <summary>
/// future_salts is the one generated constructor GramJS is no oracle for (it writes the bare future_salt elements
/// boxed), so its bytes are checked against the schema line by hand.
/// </summary>
public sealed class FutureSaltsTests
{
    [Fact]
    public void Future_salts_are_a_bare_vector_of_bare_future_salt()
    {
        var salts = new FutureSalts
        {
            ReqMsgId = 0x0102030405060708,
            Now = 1000,
            Salts = [new FutureSalt { ValidSince = 1, ValidUntil = 2, Salt = -1 }],
        };

        // future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt>
        // future_salt#0949d9dc valid_since:int valid_until:int salt:long (bare: no id, no vector id)
        var expected = Hex.Parse("950850ae 0807060504030201 e8030000 01000000 01000000 02000000 ffffffffffffffff");

        Assert.Equal(expected, salts.ToBytes());
        var read = Assert.IsType<FutureSalts>(TlRegistry.ReadObject(expected));
        Assert.Equal(-1, Assert.Single(read.Salts).Salt);
    }
}
