using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Edge.Ingest.Analytics.Stream;

/// <summary>
/// In-process fan-out of analytics changes to the open <c>GET /v1/stream</c> connections. A publisher never waits: each
/// subscriber has a bounded queue, and a subscriber that falls that far behind is dropped (its connection ends, the
/// client reconnects and re-reads the REST resources), so one slow browser cannot hold back the ingest. Keeps the last
/// <see cref="ReplayCapacity"/> events so a reconnecting client with <c>Last-Event-ID</c> misses nothing recent.
/// </summary>
public sealed class AnalyticsEventHub
{
    /// <summary>Events kept for replay.</summary>
    public const int ReplayCapacity = 1024;

    /// <summary>Events a subscriber may have queued before it is dropped.</summary>
    public const int SubscriberCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly List<Channel<AnalyticsEvent>> _subscribers = [];
    private readonly Queue<AnalyticsEvent> _replay = new();
    private long _lastId;

    /// <summary>Number of open subscriptions.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Publishes one change to every subscriber; returns the event with its id.</summary>
    public AnalyticsEvent Publish(string type, AnalyticsEventScope scope, JsonObject data)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            var published = new AnalyticsEvent(++_lastId, type, scope, data);
            _replay.Enqueue(published);
            while (_replay.Count > ReplayCapacity)
            {
                _replay.Dequeue();
            }

            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                if (!_subscribers[i].Writer.TryWrite(published))
                {
                    _subscribers[i].Writer.TryComplete(new InvalidOperationException("The stream listener fell too far behind."));
                    _subscribers.RemoveAt(i);
                }
            }

            return published;
        }
    }

    /// <summary>
    /// Opens a subscription; events after <paramref name="lastEventId"/> still in the replay buffer come first. Dispose
    /// the result to close it.
    /// </summary>
    public Subscription Subscribe(long? lastEventId = null)
    {
        var channel = Channel.CreateBounded<AnalyticsEvent>(new BoundedChannelOptions(SubscriberCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            if (lastEventId is { } after)
            {
                foreach (var missed in _replay.Where(e => e.Id > after))
                {
                    channel.Writer.TryWrite(missed);
                }
            }

            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Remove(Channel<AnalyticsEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One listener's queue of events.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly AnalyticsEventHub _hub;
        private readonly Channel<AnalyticsEvent> _channel;

        internal Subscription(AnalyticsEventHub hub, Channel<AnalyticsEvent> channel)
        {
            _hub = hub;
            _channel = channel;
        }

        /// <summary>The events, in publication order.</summary>
        public ChannelReader<AnalyticsEvent> Events => _channel.Reader;

        /// <inheritdoc/>
        public void Dispose() => _hub.Remove(_channel);
    }
}
