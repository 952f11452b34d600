using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Signals.Diagnostics;

/// <summary>
/// Signals' own ActivitySource and Meter. Dimensions are low-cardinality on purpose: never a grain id, channel or token address.
/// </summary>
public static class SignalsTelemetry
{
    public const string Name = "Signals";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> PostsRead = Meter.CreateCounter<long>("signals.posts.read", description: "Channel posts processed by readers");

    public static readonly Counter<long> SignalsPublished = Meter.CreateCounter<long>("signals.signals.published", description: "Token signals put on the stream");

    public static readonly Counter<long> DuplicateEvents = Meter.CreateCounter<long>("signals.signals.duplicates", description: "Stream events ignored as repeats");

    public static readonly Counter<long> AlertsRaised = Meter.CreateCounter<long>("signals.alerts.raised", description: "Alerts raised by token grains");

    public static readonly Counter<long> AlertsDelivered = Meter.CreateCounter<long>("signals.alerts.delivered", description: "Alerts Telegram accepted");

    public static readonly Counter<long> AlertsDeferred = Meter.CreateCounter<long>("signals.alerts.deferred", description: "Delivery attempts that must be retried");

    public static readonly Histogram<double> DeliveryLatency = Meter.CreateHistogram<double>("signals.alerts.delivery_latency", unit: "ms", description: "From first call of the alert's tier to delivery");

    public static readonly Histogram<double> PostToAlertLatency = Meter.CreateHistogram<double>("signals.alerts.post_to_alert", unit: "ms", description: "From the date of the post that completed the rule to the alert's delivery");

    public static readonly Histogram<double> ReaderLag = Meter.CreateHistogram<double>("signals.reader.lag", unit: "ms", description: "From a post's date to its processing");

    public static readonly Counter<long> SessionConnects = Meter.CreateCounter<long>("signals.session.connects", description: "Session connections opened");

    public static readonly Counter<long> SessionDisconnects = Meter.CreateCounter<long>("signals.session.disconnects", description: "Session connections lost or closed");
}
