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
