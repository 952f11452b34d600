using System.Buffers;
namespace Signals.Telegram.Mtproto.Transport;

/// <summary>A frame copied out of the receive buffer: a payload, a transport error or a quick ack.</summary>
public sealed record IncomingFrame(TransportFrameKind Kind, byte[] Payload, int ErrorCode)
{
    public static IncomingFrame From(in TransportFrame frame) => frame.Kind switch
    {
        TransportFrameKind.Payload => new IncomingFrame(frame.Kind, BuffersExtensions.ToArray(frame.Payload), 0),
        _ => new IncomingFrame(frame.Kind, [], frame.ErrorCode),
    };
}
