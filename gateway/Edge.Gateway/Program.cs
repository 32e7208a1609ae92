using Edge.Gateway.Hosting;
using Microsoft.Extensions.Hosting;

GatewayHost.Build(args).Run();
