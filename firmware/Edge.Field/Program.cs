using Edge.Field.Cli;

return await new FieldCli(FieldEnvironment.FromProcess())
    .InvokeAsync(args, Console.Out, Console.Error)
    .ConfigureAwait(false);
