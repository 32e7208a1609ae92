using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

try
{
    GatewayHost.Build(args).Run();
    return 0;
}
catch (OptionsValidationException e)
{
    // A configuration mistake is the technician's to fix, not a crash: one line with every reason, exit code 2
    // (systemd's "invalid argument"), no stack trace and no core dump.
    Console.Error.WriteLine("edge-gateway: configuration error: " + string.Join("; ", e.Failures));
    return 2;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // The binder's message names the key and the type, e.g. a level written as "abc".
    Console.Error.WriteLine("edge-gateway: configuration error: " + e.Message);
    return 2;
}
