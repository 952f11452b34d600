using System.Buffers;
using System.Buffers.Binary;
using Signals.Telegram.Crypto.Tests.Support;
using Signals.Telegram.Mtproto.Transport;

namespace Signals.Telegram.Crypto.Tests.Transport;

public sealed class TransportCodecTests
{
    public static TheoryData<TransportKind> Kinds => new() { TransportKind.Abridged, TransportKind.Intermediate, TransportKind.Full };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Frames_round_trip_between_client_and_server_across_segment_boundaries(TransportKind kind)
    {
        var random = new Random(2001 + (int)kind);
        var client = TransportCodec.Create(kind, TransportRole.Client);
        var server = TransportCodec.Create(kind, TransportRole.Server);
        var payloads = Enumerable.Range(0, 60).Select(i => Bytes(random, 4 * (i < 5 ? 127 + i - 2 : random.Next(1, 3000)))).ToList();

        var stream = payloads.SelectMany(p => client.EncodeFrame(p)).ToArray();
        var buffer = Segments.Split(stream, random, maxPieces: 40);
        var received = new List<byte[]>();
        while (server.TryReadFrame(ref buffer, out var frame))
        {
            Assert.Equal(TransportFrameKind.Payload, frame.Kind);
            Assert.False(frame.QuickAckRequested);
            received.Add(frame.Payload.ToArray());
        }

        Assert.Equal(0, buffer.Length);
        Assert.Equal(payloads, received);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Incomplete_frames_wait_for_more_bytes_without_consuming_any(TransportKind kind)
    {
        var frameBytes = TransportCodec.Create(kind, TransportRole.Server).EncodeFrame(new byte[600]);
        for (var cut = 0; cut < frameBytes.Length; cut++)
        {
            var reader = TransportCodec.Create(kind, TransportRole.Client);
            var buffer = new ReadOnlySequence<byte>(frameBytes, 0, cut);
            Assert.False(reader.TryReadFrame(ref buffer, out _));
            Assert.Equal(cut, buffer.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Transport_error_codes_are_read_as_typed_results(TransportKind kind)
    {
        var server = TransportCodec.Create(kind, TransportRole.Server);
        var client = TransportCodec.Create(kind, TransportRole.Client);
        var buffer = new ReadOnlySequence<byte>(server.EncodeTransportError(-404));
        Assert.True(client.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(TransportFrameKind.TransportError, frame.Kind);
        Assert.Equal(-404, frame.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Oversized_length_is_refused_before_the_payload_arrives(TransportKind kind)
    {
        var codec = TransportCodec.Create(kind, TransportRole.Server, maxPayloadLength: 1024);
        var header = kind switch
        {
            TransportKind.Abridged => new byte[] { 0x7F, 0xFF, 0xFF, 0x7F },
            TransportKind.Intermediate => LittleEndian(0x10_0000),
            _ => LittleEndian(0x7FFF_FFF0),
        };
        var buffer = new ReadOnlySequence<byte>(header);
        var error = Assert.Throws<TransportException>(() => codec.TryReadFrame(ref buffer, out _));
        Assert.Equal(TransportFailure.FrameTooLarge, error.Failure);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Zero_length_frames_are_refused(TransportKind kind)
    {
        var codec = TransportCodec.Create(kind, TransportRole.Client);
        var header = kind == TransportKind.Abridged ? new byte[] { 0 } : new byte[8];
        var buffer = new ReadOnlySequence<byte>(header);
        Assert.Equal(TransportFailure.FrameTooSmall, Assert.Throws<TransportException>(() => codec.TryReadFrame(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Intermediate_length_that_is_not_whole_words_is_refused()
    {
        var codec = new IntermediateCodec(TransportRole.Client);
        var buffer = new ReadOnlySequence<byte>([.. LittleEndian(6), 1, 2, 3, 4, 5, 6]);
        Assert.Equal(TransportFailure.LengthNotAligned, Assert.Throws<TransportException>(() => codec.TryReadFrame(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Full_frame_with_a_flipped_bit_fails_its_checksum()
    {
        var frame = new FullCodec(TransportRole.Client).EncodeFrame(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        frame[10] ^= 0x10;
        var buffer = new ReadOnlySequence<byte>(frame);
        Assert.Equal(TransportFailure.BadChecksum, Assert.Throws<TransportException>(() => new FullCodec(TransportRole.Server).TryReadFrame(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Full_frames_out_of_sequence_are_refused()
    {
        var writer = new FullCodec(TransportRole.Client);
        writer.EncodeFrame(new byte[4]);
        var second = writer.EncodeFrame(new byte[4]); // sequence 1, but the reader expects 0
        var buffer = new ReadOnlySequence<byte>(second);
        var reader = new FullCodec(TransportRole.Server);
        Assert.Equal(TransportFailure.SequenceMismatch, Assert.Throws<TransportException>(() => reader.TryReadFrame(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Full_frame_sequence_numbers_count_up_from_zero()
    {
        var writer = new FullCodec(TransportRole.Server);
        var reader = new FullCodec(TransportRole.Client);
        for (var i = 0; i < 5; i++)
        {
            var frame = writer.EncodeFrame(new byte[8]);
            Assert.Equal(i, BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(4)));
            var buffer = new ReadOnlySequence<byte>(frame);
            Assert.True(reader.TryReadFrame(ref buffer, out _));
        }

        Assert.Equal(5, reader.ReceiveSequence);
    }

    [Fact]
    public void Bare_negative_length_from_a_server_is_a_transport_error_but_from_a_client_is_an_attack()
    {
        var bytes = LittleEndian(-429);
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(new FullCodec(TransportRole.Client).TryReadFrame(ref buffer, out var frame));
        Assert.Equal(-429, frame.ErrorCode);

        buffer = new ReadOnlySequence<byte>(bytes);
        Assert.Equal(TransportFailure.NegativeLength, Assert.Throws<TransportException>(() => new FullCodec(TransportRole.Server).TryReadFrame(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Quick_acks_from_a_server_are_recognised_in_abridged_and_intermediate()
    {
        var abridged = new ReadOnlySequence<byte>(new byte[] { 0x81, 0x22, 0x33, 0x44 });
        Assert.True(new AbridgedCodec(TransportRole.Client).TryReadFrame(ref abridged, out var frame));
        Assert.Equal(TransportFrameKind.QuickAck, frame.Kind);
        Assert.Equal(0x01223344u, frame.QuickAckToken);

        var intermediate = new ReadOnlySequence<byte>(LittleEndian(unchecked((int)0x81223344)));
        Assert.True(new IntermediateCodec(TransportRole.Client).TryReadFrame(ref intermediate, out frame));
        Assert.Equal(0x01223344u, frame.QuickAckToken);
    }

    [Fact]
    public void Server_sees_a_clients_quick_ack_request_and_still_reads_the_payload()
    {
        var frameBytes = new AbridgedCodec(TransportRole.Client).EncodeFrame(new byte[8]);
        frameBytes[0] |= 0x80;
        var buffer = new ReadOnlySequence<byte>(frameBytes);
        Assert.True(new AbridgedCodec(TransportRole.Server).TryReadFrame(ref buffer, out var frame));
        Assert.True(frame.QuickAckRequested);
        Assert.Equal(8, frame.Payload.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 1 }, TransportKind.Abridged, 1)]
    [InlineData(new byte[] { 0xEE, 0xEE, 0xEE, 0xEE, 4, 0, 0, 0 }, TransportKind.Intermediate, 4)]
    [InlineData(new byte[] { 16, 0, 0, 0, 0, 0, 0, 0 }, TransportKind.Full, 8)]
    public void Detector_recognises_the_client_prefix_and_consumes_it(byte[] start, TransportKind expected, int remaining)
    {
        var buffer = new ReadOnlySequence<byte>(start);
        Assert.True(TransportDetector.TryDetect(ref buffer, out var kind));
        Assert.Equal(expected, kind);
        Assert.Equal(remaining, buffer.Length);
    }

    [Theory]
    [InlineData(new byte[] { 0xDD, 0xDD, 0xDD, 0xDD, 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'P', (byte)'O', (byte)'S', (byte)'T', (byte)' ', (byte)'/', (byte)'a', (byte)'p' })]
    public void Detector_refuses_transports_we_do_not_speak(byte[] start)
    {
        var buffer = new ReadOnlySequence<byte>(start);
        Assert.Equal(TransportFailure.UnsupportedTransport, Assert.Throws<TransportException>(() => TransportDetector.TryDetect(ref buffer, out _)).Failure);
    }

    [Fact]
    public void Client_prefixes_are_the_documented_ones()
    {
        Assert.Equal([0xEF], new AbridgedCodec(TransportRole.Client).ClientPrefix.ToArray());
        Assert.Equal([0xEE, 0xEE, 0xEE, 0xEE], new IntermediateCodec(TransportRole.Client).ClientPrefix.ToArray());
        Assert.Empty(new FullCodec(TransportRole.Client).ClientPrefix.ToArray());
    }

    private static byte[] LittleEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
