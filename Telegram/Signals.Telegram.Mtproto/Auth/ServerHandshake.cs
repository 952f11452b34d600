using System.Numerics;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// The server side of auth key creation, sans-IO: one instance per connection. It answers req_pq_multi with a
/// fresh pq, decrypts p_q_inner_data under its RSA key, sends g and g_a under the temporary AES key, and turns
/// client_DH_inner_data into the key. Every request is checked against what was sent before.
/// </summary>
public sealed class ServerHandshake
{
    private const int G = 3;

    private readonly RsaPrivateKey _rsaKey;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator? _random;
    private readonly BigInteger _prime = BigEndian.ToBigInteger(DhChecks.KnownTelegramPrime);
    private byte[] _nonce = [];
    private readonly byte[] _serverNonce = new byte[HandshakeCrypto.NonceSize];
    private byte[] _newNonce = [];
    private ulong _p;
    private ulong _q;
    private BigInteger _a;
    private byte[] _tmpKey = [];
    private byte[] _tmpIv = [];
    private int _retriesLeft;
    private long _expectedRetryId;
    private State _state = State.AwaitingReqPq;

    /// <param name="forcedRetries">Answers dh_gen_retry this many times first (exercises the client's retry path).</param>
    public ServerHandshake(RsaPrivateKey rsaKey, TimeProvider? time = null, RandomNumberGenerator? random = null, int forcedRetries = 0)
    {
        ArgumentNullException.ThrowIfNull(rsaKey);
        _rsaKey = rsaKey;
        _time = time ?? TimeProvider.System;
        _random = random;
        _retriesLeft = forcedRetries;
    }

    private enum State
    {
        AwaitingReqPq,
        AwaitingReqDhParams,
        AwaitingClientDhParams,
        Done,
    }

    /// <summary>Handles one plain request body; throws <see cref="HandshakeException"/> for anything out of order or invalid.</summary>
    public HandshakeStep Handle(ReadOnlySpan<byte> request)
    {
        try
        {
            var function = TlRegistry.ReadObject(request);
            return (_state, function) switch
            {
                (State.AwaitingReqPq, ReqPqMulti multi) => AnswerReqPq(multi.Nonce),
                (State.AwaitingReqPq, ReqPq single) => AnswerReqPq(single.Nonce),
                (State.AwaitingReqDhParams, ReqDHParams dh) => AnswerReqDhParams(dh),
                (State.AwaitingClientDhParams, SetClientDHParams set) => AnswerSetClientDhParams(set),
                _ => throw new HandshakeException($"{function} is not expected in state {_state}."),
            };
        }
        catch (Exception e) when (e is TlReadException or CryptographicException or InvalidCastException or ArgumentException)
        {
            throw new HandshakeException($"Key exchange request rejected: {e.Message}", e);
        }
    }

    private HandshakeStep AnswerReqPq(byte[] nonce)
    {
        _nonce = nonce;
        Fill(_serverNonce);
        (_p, _q) = HandshakePrimes.NewPair(_random);
        _state = State.AwaitingReqDhParams;
        var answer = new ResPQ
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            Pq = BigEndian.ToBytes(new BigInteger(_p) * _q),
            ServerPublicKeyFingerprints = [_rsaKey.PublicKey.Fingerprint],
        };
        return new HandshakeStep(answer.ToBytes(), null);
    }

    private HandshakeStep AnswerReqDhParams(ReqDHParams request)
    {
        CheckNonces(request.Nonce, request.ServerNonce);
        if (request.PublicKeyFingerprint != _rsaKey.PublicKey.Fingerprint)
        {
            throw new HandshakeException("req_DH_params names an RSA key we do not hold.");
        }

        if (BigEndian.ToBigInteger(request.P) != _p || BigEndian.ToBigInteger(request.Q) != _q)
        {
            throw new HandshakeException("p and q are not the factors of our pq.");
        }

        var padded = RsaPad.Decrypt(request.EncryptedData, _rsaKey);
        var reader = new TlReader(padded);
        // The random padding of RSA_PAD follows the object, so bytes after it are expected.
        var inner = PQInnerDataBase.Read(ref reader);
        var (pq, p, q, nonce, serverNonce, newNonce) = inner switch
        {
            PQInnerDataDc dc => (dc.Pq, dc.P, dc.Q, dc.Nonce, dc.ServerNonce, dc.NewNonce),
            PQInnerData plain => (plain.Pq, plain.P, plain.Q, plain.Nonce, plain.ServerNonce, plain.NewNonce),
            _ => throw new HandshakeException($"{inner} (temporary keys) is not supported."),
        };
        CheckNonces(nonce, serverNonce);
        if (BigEndian.ToBigInteger(pq) != new BigInteger(_p) * _q || !p.AsSpan().SequenceEqual(request.P) || !q.AsSpan().SequenceEqual(request.Q))
        {
            throw new HandshakeException("p_q_inner_data disagrees with req_DH_params.");
        }

        _newNonce = newNonce;
        _tmpKey = new byte[AesIge.KeySize];
        _tmpIv = new byte[AesIge.IvSize];
        HandshakeCrypto.DeriveTempAesKeyIv(_serverNonce, _newNonce, _tmpKey, _tmpIv);

        BigInteger gA;
        var aBytes = new byte[256];
        do
        {
            Fill(aBytes);
            _a = BigEndian.ToBigInteger(aBytes);
            gA = BigInteger.ModPow(G, _a, _prime);
        }
        while (!DhChecks.IsGoodPublicValue(gA, _prime));

        CryptographicOperations.ZeroMemory(aBytes);
        var answer = new ServerDHInnerData
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            G = G,
            DhPrime = DhChecks.KnownTelegramPrime.ToArray(),
            GA = BigEndian.ToBytes(gA),
            ServerTime = (int)_time.GetUtcNow().ToUnixTimeSeconds(),
        };
        var answerBytes = answer.ToBytes();
        var padding = new byte[(16 - ((20 + answerBytes.Length) % 16)) % 16];
        Fill(padding);
        _state = State.AwaitingClientDhParams;
        var reply = new ServerDHParamsOk
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            EncryptedAnswer = HandshakeCrypto.EncryptWithHash(answerBytes, padding, _tmpKey, _tmpIv),
        };
        return new HandshakeStep(reply.ToBytes(), null);
    }

    private HandshakeStep AnswerSetClientDhParams(SetClientDHParams request)
    {
        CheckNonces(request.Nonce, request.ServerNonce);
        if (!HandshakeCrypto.TryDecryptWithHash(request.EncryptedData, _tmpKey, _tmpIv, out var innerBytes))
        {
            throw new HandshakeException("encrypted_data does not decrypt to a hash-checked client_DH_inner_data.");
        }

        var inner = ClientHandshake.Read(innerBytes, ClientDHInnerData.Read);
        CheckNonces(inner.Nonce, inner.ServerNonce);
        if (inner.RetryId != _expectedRetryId)
        {
            throw new HandshakeException("retry_id is not the aux hash of the previous attempt.");
        }

        var gB = BigEndian.ToBigInteger(inner.GB);
        if (!DhChecks.IsGoodPublicValue(gB, _prime))
        {
            throw new HandshakeException("g_b is outside the range the spec allows.");
        }

        var key = AuthKey.FromSharedSecret(BigInteger.ModPow(gB, _a, _prime));
        if (_retriesLeft > 0)
        {
            _retriesLeft--;
            _expectedRetryId = key.AuxHash;
            var retry = new DhGenRetry
            {
                Nonce = _nonce,
                ServerNonce = _serverNonce,
                NewNonceHash2 = HandshakeCrypto.ComputeNewNonceHash(_newNonce, 2, key.AuxHash),
            };
            return new HandshakeStep(retry.ToBytes(), null);
        }

        _state = State.Done;
        var ok = new DhGenOk
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            NewNonceHash1 = HandshakeCrypto.ComputeNewNonceHash(_newNonce, 1, key.AuxHash),
        };
        var salt = HandshakeCrypto.ComputeServerSalt(_newNonce, _serverNonce);
        return new HandshakeStep(ok.ToBytes(), new HandshakeResult(key, salt, 0));
    }

    private void CheckNonces(byte[] nonce, byte[] serverNonce)
    {
        if (!CryptographicOperations.FixedTimeEquals(nonce, _nonce) || !CryptographicOperations.FixedTimeEquals(serverNonce, _serverNonce))
        {
            throw new HandshakeException("nonce or server_nonce does not match this exchange.");
        }
    }

    private void Fill(Span<byte> destination)
    {
        if (_random is null)
        {
            RandomNumberGenerator.Fill(destination);
        }
        else
        {
            _random.GetBytes(destination);
        }
    }
}
