namespace Signals.Telegram.Emulator.World;

internal enum CounterKind
{
    AuthKeyDuplicated,
    SessionOverlaps,
    ConnectionsOpened,
    ConnectionsClosed,
    CodesIssued,
    LoginsSucceeded,
    LoginsFailed,
    PeersResolved,
    PostsPublished,
    MessagesSent,
    DuplicateSendsSuppressed,
    FloodWaitsServed,
    FloodWaitViolations,
    TransientFailuresServed,
    RepliesLost,
    Disconnects,
    SessionsRevoked,
    UpdatesPushed,
    UpdateQueueOverflows,
}
