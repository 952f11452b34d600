using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Signals.Telegram.Model;

namespace Signals.Telegram.Client.Session;

/// <summary>
/// The session blob: a versioned binary image of <see cref="SessionState"/>. Layout (little-endian):
/// "SGMT", version (1 byte), home DC (int32); keys: count, then per key dc, authorized flag, salt, time offset,
/// 256-byte key; user: flag, id, name, username?; common update state: flag, pts, qts, seq, date; channels: count,
/// then id, pts, last message id; peers: count, then kind, id, access hash, username?, title; and a trailing
/// SHA-256 of everything before it. Strings are int32 length + UTF-8. Parsing is strict: anything that is not an
/// intact blob of this version (wrong magic, version, lengths, checksum, trailing bytes) is rejected as a whole.
/// </summary>
internal static class SessionStateCodec
{
    public const byte Version = 1;
    public const int AuthKeyLength = 256;
    private const int ChecksumLength = 32;
    private const int MaxCount = 1_000_000;
    private static readonly byte[] Magic = "SGMT"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(SessionState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, StrictUtf8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(state.HomeDcId);

            var keys = state.Keys();
            writer.Write(keys.Count);
            foreach (var key in keys)
            {
                writer.Write(key.DcId);
                writer.Write(key.Authorized);
                writer.Write(key.Salt);
                writer.Write(key.TimeOffsetSeconds);
                writer.Write(key.AuthKey);
            }

            WriteUser(writer, state.User);
            WriteCommon(writer, state.Common);

            var channels = state.Channels().OrderBy(pair => pair.Key).ToList();
            writer.Write(channels.Count);
            foreach (var (id, channel) in channels)
            {
                writer.Write(id);
                writer.Write(channel.Pts);
                writer.Write(channel.LastMessageId);
            }

            var peers = state.Peers();
            writer.Write(peers.Count);
            foreach (var peer in peers)
            {
                writer.Write((byte)peer.Kind);
                writer.Write(peer.Id);
                writer.Write(peer.AccessHash);
                WriteOptional(writer, peer.Username);
                WriteString(writer, peer.Title);
            }
        }

        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    /// <summary>The state in <paramref name="blob"/>, or null when the blob is not an intact version-1 blob.</summary>
    public static SessionState? TryRead(byte[] blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.Length < Magic.Length + 1 + ChecksumLength || !blob.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var body = blob.AsSpan(0, blob.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(blob.AsSpan(blob.Length - ChecksumLength)))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(blob, 0, body.Length, writable: false), StrictUtf8);
            return Read(reader, body.Length);
        }
        catch (Exception error) when (error is EndOfStreamException or FormatException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    private static SessionState? Read(BinaryReader reader, int length)
    {
        reader.ReadBytes(Magic.Length);
        if (reader.ReadByte() != Version)
        {
            return null;
        }

        var state = new SessionState(reader.ReadInt32());
        var keyCount = Count(reader);
        for (var i = 0; i < keyCount; i++)
        {
            var dc = reader.ReadInt32();
            var authorized = ReadBool(reader);
            var salt = reader.ReadInt64();
            var offset = reader.ReadInt32();
            var key = Exactly(reader, AuthKeyLength);
            state.SetKey(new DcAuthorization(dc, key, salt, offset, authorized));
        }

        if (ReadBool(reader))
        {
            var id = reader.ReadInt64();
            var name = ReadString(reader);
            state.SetUser(new TelegramUser(id, name, ReadOptional(reader)));
        }

        if (ReadBool(reader))
        {
            state.SetCommon(new CommonUpdateState(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()));
        }

        var channelCount = Count(reader);
        for (var i = 0; i < channelCount; i++)
        {
            var id = reader.ReadInt64();
            state.SetChannel(id, new ChannelUpdateState(reader.ReadInt32(), reader.ReadInt32()));
        }

        var peerCount = Count(reader);
        for (var i = 0; i < peerCount; i++)
        {
            var kind = reader.ReadByte();
            if (!Enum.IsDefined((PeerKind)kind))
            {
                return null;
            }

            var id = reader.ReadInt64();
            var hash = reader.ReadInt64();
            var username = ReadOptional(reader);
            state.RememberPeer(new TelegramPeer((PeerKind)kind, id, hash, username, ReadString(reader)));
        }

        // Trailing bytes mean a different layout than this version's: refuse rather than guess.
        return reader.BaseStream.Position == length ? state : null;
    }

    private static void WriteUser(BinaryWriter writer, TelegramUser? user)
    {
        writer.Write(user is not null);
        if (user is not null)
        {
            writer.Write(user.Id);
            WriteString(writer, user.DisplayName);
            WriteOptional(writer, user.Username);
        }
    }

    private static void WriteCommon(BinaryWriter writer, CommonUpdateState? common)
    {
        writer.Write(common is not null);
        if (common is { } state)
        {
            writer.Write(state.Pts);
            writer.Write(state.Qts);
            writer.Write(state.Seq);
            writer.Write(state.Date);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = StrictUtf8.GetBytes(value);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            WriteString(writer, value);
        }
    }

    private static string ReadString(BinaryReader reader) => StrictUtf8.GetString(Exactly(reader, Count(reader)));

    private static string? ReadOptional(BinaryReader reader) => ReadBool(reader) ? ReadString(reader) : null;

    private static bool ReadBool(BinaryReader reader) => reader.ReadByte() switch
    {
        0 => false,
        1 => true,
        _ => throw new FormatException("A flag byte is neither 0 nor 1."),
    };

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= MaxCount ? count : throw new FormatException("A count is out of range.");
    }

    private static byte[] Exactly(BinaryReader reader, int length)
    {
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException();
    }
}
