namespace Signals.Channels;

/// <summary>The reader's answer: the cursor after processing and how many signals went onto the stream.</summary>
[GenerateSerializer, Immutable]
[Alias("Signals.Channels.PostAck")]
public sealed record PostAck(
    [property: Id(0)] int Cursor,
    [property: Id(1)] int PostsProcessed,
    [property: Id(2)] int SignalsPublished);
