using System;
using System.Collections;
using System.Threading;
using Edge.Firmware.Hardware;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="IUplink"/> over nanoFramework.M2Mqtt to the gateway's embedded broker. A publish is QoS 1
/// (MQTT 3.1.1 §4.3.2, at least once) and counts as sent only when M2Mqtt reports the PUBACK for that
/// packet identifier through <c>MqttMsgPublished</c> with <c>IsPublished</c>; a timeout, a refusal or a
/// lost connection returns false and the reading stays in the device's ring for the next try.
/// Subscriptions (the config topic) are made again after every connect, since sessions are clean; the newest
/// message per topic waits in <see cref="TakeMessage"/>.
/// </summary>
public sealed class M2MqttUplink : IUplink
{
    // The PUBACK can arrive before Publish() has returned the packet identifier, so acknowledgements
    // are kept in a small ring and looked up after the call (one publish is in flight at a time).
    private const int AckSlots = 4;

    private readonly string _host;
    private readonly int _port;
    private readonly string _clientId;
    private readonly string _password;
    private readonly object _sync = new object();
    private readonly AutoResetEvent _ackArrived = new AutoResetEvent(false);
    private readonly int[] _ackIds = new int[AckSlots];
    private readonly bool[] _ackOk = new bool[AckSlots];
    private readonly ArrayList _topics = new ArrayList();
    private readonly ArrayList _inbox = new ArrayList();
    private int _ackNext;
    private MqttClient _client;

    /// <summary>Targets <paramref name="host"/>:<paramref name="port"/>; the device id is the client id and user name.</summary>
    public M2MqttUplink(string host, int port, string deviceId, string password)
    {
        _host = host;
        _port = port;
        _clientId = deviceId;
        _password = password;
        ClearAcks();
    }

    /// <inheritdoc />
    public bool IsConnected => _client != null && _client.IsConnected;

    /// <inheritdoc />
    public bool Connect()
    {
        if (IsConnected)
        {
            return true;
        }

        Drop();
        try
        {
            var client = new MqttClient(_host, _port, false, null, null, MqttSslProtocols.None);
            client.MqttMsgPublished += OnPublished;
            client.ConnectionClosed += OnClosed;
            client.MqttMsgPublishReceived += OnReceived;
            _client = client;
            // Clean session: the device's persistent ring, not the broker session, holds unsent data,
            // and the gateway deduplicates by (device, seq).
            var code = client.Connect(_clientId, _clientId, _password);
            if (code != MqttReasonCode.Success || !client.IsConnected)
            {
                return false;
            }

            SubscribeAll(client);
            return true;
        }
        catch (Exception)
        {
            // Socket errors and M2Mqtt's MqttConnectionException alike: the caller backs off and retries.
            Drop();
            return false;
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        var client = _client;
        if (client == null || !client.IsConnected)
        {
            return false;
        }

        // M2Mqtt sends whole arrays; the encoder's buffer is larger than the frame.
        var message = new byte[count];
        Array.Copy(payload, 0, message, 0, count);
        long deadline = Environment.TickCount64 + timeoutMs;
        int id;
        try
        {
            id = client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, false);
        }
        catch (Exception)
        {
            // In-flight queue full or the connection broke while sending.
            return false;
        }

        while (true)
        {
            lock (_sync)
            {
                for (int i = 0; i < AckSlots; i++)
                {
                    if (_ackIds[i] == id)
                    {
                        _ackIds[i] = -1;
                        return _ackOk[i];
                    }
                }
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0 || !client.IsConnected)
            {
                return false;
            }

            _ackArrived.WaitOne((int)left, false);
        }
    }

    /// <inheritdoc />
    public void Subscribe(string topic)
    {
        lock (_sync)
        {
            if (_topics.Contains(topic))
            {
                return;
            }

            _topics.Add(topic);
            _inbox.Add(null);
        }

        var client = _client;
        if (client != null && client.IsConnected)
        {
            try
            {
                SubscribeAll(client);
            }
            catch (Exception)
            {
                // The next Connect subscribes again.
            }
        }
    }

    /// <inheritdoc />
    public int TakeMessage(string topic, byte[] buffer)
    {
        byte[] message;
        lock (_sync)
        {
            var i = _topics.IndexOf(topic);
            if (i < 0 || _inbox[i] == null)
            {
                return 0;
            }

            message = (byte[])_inbox[i];
            _inbox[i] = null;
        }

        if (message.Length > buffer.Length)
        {
            return -1;
        }

        Array.Copy(message, 0, buffer, 0, message.Length);
        return message.Length;
    }

    private void SubscribeAll(MqttClient client)
    {
        string[] topics;
        lock (_sync)
        {
            topics = new string[_topics.Count];
            for (int i = 0; i < topics.Length; i++)
            {
                topics[i] = (string)_topics[i];
            }
        }

        if (topics.Length == 0)
        {
            return;
        }

        var qos = new MqttQoSLevel[topics.Length];
        for (int i = 0; i < qos.Length; i++)
        {
            qos[i] = MqttQoSLevel.AtLeastOnce;
        }

        // SUBACK arrives asynchronously; a retained message follows it (MQTT 3.1.1 §3.3.1.3).
        client.Subscribe(topics, qos);
    }

    private void OnReceived(object sender, MqttMsgPublishEventArgs e)
    {
        lock (_sync)
        {
            var i = _topics.IndexOf(e.Topic);
            if (i >= 0)
            {
                _inbox[i] = e.Message;
            }
        }
    }

    private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
    {
        lock (_sync)
        {
            _ackIds[_ackNext] = e.MessageId;
            _ackOk[_ackNext] = e.IsPublished;
            _ackNext = (_ackNext + 1) % AckSlots;
        }

        _ackArrived.Set();
    }

    private void OnClosed(object sender, EventArgs e)
    {
        // Wake a waiting Publish so it fails now instead of at its timeout.
        _ackArrived.Set();
    }

    private void Drop()
    {
        var old = _client;
        _client = null;
        if (old == null)
        {
            return;
        }

        old.MqttMsgPublished -= OnPublished;
        old.ConnectionClosed -= OnClosed;
        old.MqttMsgPublishReceived -= OnReceived;
        try
        {
            if (old.IsConnected)
            {
                old.Disconnect();
            }
        }
        catch (Exception)
        {
            // Already gone; nothing to release beyond the socket M2Mqtt closes itself.
        }

        ClearAcks();
    }

    private void ClearAcks()
    {
        lock (_sync)
        {
            for (int i = 0; i < AckSlots; i++)
            {
                _ackIds[i] = -1;
            }
        }
    }
}
