using Edge.Gateway.Hosting;

GatewayHost.Build(args).Run();
