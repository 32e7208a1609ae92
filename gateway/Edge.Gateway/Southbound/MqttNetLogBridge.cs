using System.Globalization;
using MQTTnet.Diagnostics.Logger;

namespace Edge.Gateway.Southbound;

/// <summary>Forwards MQTTnet's own log to <see cref="ILogger"/> (its "info" is chatty, so it becomes debug).</summary>
internal sealed partial class MqttNetLogBridge(ILogger logger) : IMqttNetLogger
{
    public bool IsEnabled => logger.IsEnabled(LogLevel.Debug) || logger.IsEnabled(LogLevel.Warning);

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        var level = logLevel switch
        {
            MqttNetLogLevel.Verbose => LogLevel.Trace,
            MqttNetLogLevel.Info => LogLevel.Debug,
            MqttNetLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, parameters) : message;
        Log(logger, level, exception, source, text);
    }

    [LoggerMessage(Message = "{Source}: {Text}")]
    private static partial void Log(ILogger logger, LogLevel level, Exception? exception, string source, string text);
}
