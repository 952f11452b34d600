using Signals.Telegram.Client.Sending;
using Signals.Telegram.Tl;

namespace Signals.Telegram.Client.Tests.Sending;

public sealed class HtmlEntitiesTests
{
    [Fact]
    public void Tags_become_entities_over_the_decoded_text()
    {
        var message = HtmlEntities.Parse("<b>Buy</b> &amp; <i>hold</i> <a href=\"https://x.io/?a=1&amp;b=2\">chart</a>");

        Assert.Equal("Buy & hold chart", message.Text);
        Assert.Collection(
            message.Entities,
            entity => Assert.Equal((0, 3), Span(Assert.IsType<MessageEntityBold>(entity))),
            entity => Assert.Equal((6, 4), Span(Assert.IsType<MessageEntityItalic>(entity))),
            entity =>
            {
                var link = Assert.IsType<MessageEntityTextUrl>(entity);
                Assert.Equal((11, 5, "https://x.io/?a=1&b=2"), (link.Offset, link.Length, link.Url));
            });
    }

    [Fact]
    public void Offsets_count_utf16_code_units_so_emoji_count_twice()
    {
        var message = HtmlEntities.Parse("🚀🚀 <strong>MOON</strong> <em>é</em>");

        Assert.Equal("🚀🚀 MOON é", message.Text);
        Assert.Equal((5, 4), Span(Assert.IsType<MessageEntityBold>(message.Entities[0])));
        Assert.Equal((10, 1), Span(Assert.IsType<MessageEntityItalic>(message.Entities[1])));
    }

    [Fact]
    public void Nested_code_pre_and_unknown_tags()
    {
        var message = HtmlEntities.Parse("<b>a<i>b</i></b><span>c</span><code>d&lt;e</code><pre><code class=\"language-cs\">f</code></pre><br/>g");

        Assert.Equal("abcd<ef\ng", message.Text);
        Assert.Collection(
            message.Entities,
            entity => Assert.Equal((0, 2), Span(Assert.IsType<MessageEntityBold>(entity))),
            entity => Assert.Equal((1, 1), Span(Assert.IsType<MessageEntityItalic>(entity))),
            entity => Assert.Equal((3, 3), Span(Assert.IsType<MessageEntityCode>(entity))),
            entity =>
            {
                var pre = Assert.IsType<MessageEntityPre>(entity);
                Assert.Equal((6, 1, "cs"), (pre.Offset, pre.Length, pre.Language));
            });
    }

    [Fact]
    public void A_lone_angle_bracket_and_an_unclosed_tag_keep_their_text()
    {
        var message = HtmlEntities.Parse("1 < 2 and <b>bold to the end");

        Assert.Equal("1 < 2 and bold to the end", message.Text);
        Assert.Equal((10, 15), Span(Assert.IsType<MessageEntityBold>(Assert.Single(message.Entities))));
    }

    private static (int Offset, int Length) Span(MessageEntity entity) => entity switch
    {
        MessageEntityBold bold => (bold.Offset, bold.Length),
        MessageEntityItalic italic => (italic.Offset, italic.Length),
        MessageEntityCode code => (code.Offset, code.Length),
        _ => throw new InvalidOperationException(entity.GetType().Name),
    };
}
