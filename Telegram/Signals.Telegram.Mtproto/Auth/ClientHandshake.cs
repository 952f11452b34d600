using System.Numerics;
using System.Security.Cryptography;
using Signals.Telegram.Crypto;
using Signals.Telegram.Tl;
using Signals.Telegram.Tl.Mtproto;
using Signals.Telegram.Tl.Serialization;

namespace Signals.Telegram.Mtproto.Auth;

/// <summary>
/// The client side of auth key creation (/mtproto/auth_key), sans-IO: <see cref="Start"/> gives req_pq_multi, each
/// <see cref="Handle"/> takes the server's answer body and gives the next request, until dh_gen_ok yields the key.
/// Every check the spec asks of a client is made; any failure is a <see cref="HandshakeException"/>.
/// </summary>
public sealed class ClientHandshake
{
    private readonly IReadOnlyList<RsaPublicKey> _serverKeys;
    private readonly int _dcId;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator? _random;
    private readonly byte[] _nonce = new byte[HandshakeCrypto.NonceSize];
    private byte[] _serverNonce = [];
    private readonly byte[] _newNonce = new byte[HandshakeCrypto.NewNonceSize];
    private byte[] _tmpKey = [];
    private byte[] _tmpIv = [];
    private BigInteger _prime;
    private BigInteger _gA;
    private int _g;
    private int _timeOffset;
    private AuthKey? _candidate;
    private long _retryId;
    private int _retries;
    private State _state = State.New;

    /// <param name="serverKeys">The RSA keys we trust; the server must offer one of their fingerprints.</param>
    /// <param name="dcId">The DC number written into p_q_inner_data_dc (negative for media-only, +10000 for test DCs).</param>
    /// <param name="random">Randomness (nonces, b, RSA_PAD); null for the system generator. Scripted in tests.</param>
    public ClientHandshake(IEnumerable<RsaPublicKey> serverKeys, int dcId, TimeProvider? time = null, RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(serverKeys);
        _serverKeys = serverKeys.ToList();
        _dcId = dcId;
        _time = time ?? TimeProvider.System;
        _random = random;
    }

    /// <summary>How many dh_gen_retry answers the server may give before we give up.</summary>
    public int MaxRetries { get; init; } = 5;

    private enum State
    {
        New,
        AwaitingResPq,
        AwaitingDhParams,
        AwaitingDhGen,
        Done,
    }

    /// <summary>The req_pq_multi body.</summary>
    public byte[] Start()
    {
        Expect(State.New);
        Fill(_nonce);
        _state = State.AwaitingResPq;
        return new ReqPqMulti { Nonce = _nonce }.ToBytes();
    }

    public HandshakeStep Handle(ReadOnlySpan<byte> answer)
    {
        try
        {
            return _state switch
            {
                State.AwaitingResPq => HandleResPq(Read(answer, ResPQ.Read)),
                State.AwaitingDhParams => HandleDhParams(Read(answer, ServerDHParams.Read)),
                State.AwaitingDhGen => HandleDhGen(Read(answer, SetClientDHParamsAnswer.Read)),
                _ => throw new HandshakeException($"No answer expected in state {_state}."),
            };
        }
        catch (Exception e) when (e is TlReadException or CryptographicException or DhCheckException)
        {
            throw new HandshakeException($"Key exchange failed: {e.Message}", e);
        }
    }

    private HandshakeStep HandleResPq(ResPQ resPq)
    {
        CheckNonce(resPq.Nonce);
        if (resPq.ServerNonce.Length != HandshakeCrypto.NonceSize)
        {
            throw new HandshakeException("server_nonce is not 128 bits.");
        }

        _serverNonce = resPq.ServerNonce;
        var key = _serverKeys.FirstOrDefault(k => resPq.ServerPublicKeyFingerprints.Contains(k.Fingerprint))
            ?? throw new HandshakeException("The server offers no RSA key we know.");
        if (!PqFactorizer.TryFactorize(resPq.Pq, out var p, out var q))
        {
            throw new HandshakeException("pq cannot be factorised.");
        }

        Fill(_newNonce);
        var inner = new PQInnerDataDc
        {
            Pq = resPq.Pq,
            P = BigEndian.ToBytes(p),
            Q = BigEndian.ToBytes(q),
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            NewNonce = _newNonce,
            Dc = _dcId,
        };
        var request = new ReqDHParams
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            P = BigEndian.ToBytes(p),
            Q = BigEndian.ToBytes(q),
            PublicKeyFingerprint = key.Fingerprint,
            EncryptedData = RsaPad.Encrypt(inner.ToBytes(), key, _random),
        };
        _state = State.AwaitingDhParams;
        return new HandshakeStep(request.ToBytes(), null);
    }

    private HandshakeStep HandleDhParams(ServerDHParams answer)
    {
        if (answer is ServerDHParamsFail fail)
        {
            CheckNonces(fail.Nonce, fail.ServerNonce);
            throw new HandshakeException("The server refused req_DH_params (server_DH_params_fail).");
        }

        var ok = (ServerDHParamsOk)answer;
        CheckNonces(ok.Nonce, ok.ServerNonce);
        _tmpKey = new byte[AesIge.KeySize];
        _tmpIv = new byte[AesIge.IvSize];
        HandshakeCrypto.DeriveTempAesKeyIv(_serverNonce, _newNonce, _tmpKey, _tmpIv);
        if (!HandshakeCrypto.TryDecryptWithHash(ok.EncryptedAnswer, _tmpKey, _tmpIv, out var innerBytes))
        {
            throw new HandshakeException("encrypted_answer does not decrypt to a hash-checked server_DH_inner_data.");
        }

        var inner = Read(innerBytes, ServerDHInnerData.Read);
        CheckNonces(inner.Nonce, inner.ServerNonce);
        DhChecks.CheckPrimeAndGenerator(inner.DhPrime, inner.G);
        _prime = BigEndian.ToBigInteger(inner.DhPrime);
        _gA = BigEndian.ToBigInteger(inner.GA);
        DhChecks.CheckPublicValue(_gA, _prime);
        _g = inner.G;
        _timeOffset = (int)(inner.ServerTime - _time.GetUtcNow().ToUnixTimeSeconds());
        return SendClientDhParams();
    }

    private HandshakeStep SendClientDhParams()
    {
        BigInteger b, gB;
        var bBytes = new byte[256];
        do
        {
            Fill(bBytes);
            b = BigEndian.ToBigInteger(bBytes);
            gB = BigInteger.ModPow(_g, b, _prime);
        }
        while (!DhChecks.IsGoodPublicValue(gB, _prime));

        _candidate = AuthKey.FromSharedSecret(BigInteger.ModPow(_gA, b, _prime));
        CryptographicOperations.ZeroMemory(bBytes);
        var inner = new ClientDHInnerData
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            RetryId = _retryId,
            GB = BigEndian.ToBytes(gB),
        };
        var padding = new byte[(16 - ((20 + inner.ToBytes().Length) % 16)) % 16];
        Fill(padding);
        var request = new SetClientDHParams
        {
            Nonce = _nonce,
            ServerNonce = _serverNonce,
            EncryptedData = HandshakeCrypto.EncryptWithHash(inner.ToBytes(), padding, _tmpKey, _tmpIv),
        };
        _state = State.AwaitingDhGen;
        return new HandshakeStep(request.ToBytes(), null);
    }

    private HandshakeStep HandleDhGen(SetClientDHParamsAnswer answer)
    {
        var key = _candidate!;
        switch (answer)
        {
            case DhGenOk ok:
                CheckNonces(ok.Nonce, ok.ServerNonce);
                CheckNewNonceHash(ok.NewNonceHash1, key, 1);
                _state = State.Done;
                var salt = HandshakeCrypto.ComputeServerSalt(_newNonce, _serverNonce);
                return new HandshakeStep(null, new HandshakeResult(key, salt, _timeOffset));
            case DhGenRetry retry:
                CheckNonces(retry.Nonce, retry.ServerNonce);
                CheckNewNonceHash(retry.NewNonceHash2, key, 2);
                if (++_retries > MaxRetries)
                {
                    throw new HandshakeException($"The server asked for more than {MaxRetries} retries.");
                }

                // The spec: retry_id is the auth_key_aux_hash of the key the failed attempt would have made.
                _retryId = key.AuxHash;
                return SendClientDhParams();
            case DhGenFail fail:
                CheckNonces(fail.Nonce, fail.ServerNonce);
                CheckNewNonceHash(fail.NewNonceHash3, key, 3);
                throw new HandshakeException("The server answered dh_gen_fail.");
            default:
                throw new HandshakeException($"Unexpected answer {answer}.");
        }
    }

    private void CheckNewNonceHash(byte[] actual, AuthKey key, int number)
    {
        var expected = HandshakeCrypto.ComputeNewNonceHash(_newNonce, number, key.AuxHash);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            throw new HandshakeException($"new_nonce_hash{number} does not match: the server does not hold our key.");
        }
    }

    private void CheckNonce(byte[] nonce)
    {
        if (!CryptographicOperations.FixedTimeEquals(nonce, _nonce))
        {
            throw new HandshakeException("nonce does not match ours.");
        }
    }

    private void CheckNonces(byte[] nonce, byte[] serverNonce)
    {
        CheckNonce(nonce);
        if (!CryptographicOperations.FixedTimeEquals(serverNonce, _serverNonce))
        {
            throw new HandshakeException("server_nonce does not match resPQ's.");
        }
    }

    private void Expect(State state)
    {
        if (_state != state)
        {
            throw new InvalidOperationException($"The handshake is in state {_state}, not {state}.");
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

    internal static T Read<T>(ReadOnlySpan<byte> bytes, TlReadFunc<T> read)
    {
        var reader = new TlReader(bytes);
        var value = read(ref reader);
        if (!reader.IsAtEnd)
        {
            throw new TlReadException($"{reader.Remaining} bytes after {typeof(T).Name}.");
        }

        return value;
    }
}
