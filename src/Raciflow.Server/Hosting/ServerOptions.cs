namespace Raciflow.Server.Hosting;

/// <summary>Where the server listens. Loopback by default: exposing it is a decision, not an accident.</summary>
public sealed class ServerOptions
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 5000;

    public string Host { get; set; } = DefaultHost;

    /// <summary>0 picks a free port (tests); read the bound one with <see cref="ServerHost.Urls"/>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Framework log level; Warning keeps a serving terminal quiet.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>Adds to the logging set-up after the defaults (tests capture the log to check no token is written).</summary>
    public Action<Microsoft.Extensions.Logging.ILoggingBuilder>? ConfigureLogging { get; set; }
}
