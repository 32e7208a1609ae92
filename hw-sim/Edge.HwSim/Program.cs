using System.CommandLine;
using Edge.HwSim.Demo;
using Spectre.Console;

var meters = new Option<int>("--meters") { Description = "Number of simulated meters", DefaultValueFactory = _ => 50 };
var duration = new Option<TimeSpan?>("--duration") { Description = "Real time to run (e.g. 00:01:00); default until Ctrl-C" };
var hours = new Option<int?>("--hours") { Description = "Simulated hours to run; default until Ctrl-C or --duration" };
var speed = new Option<double>("--hours-per-second") { Description = "Simulated hours per real second", DefaultValueFactory = _ => 2.0 };
var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the ingest database and gateway store (default ./.demo/<time>)" };
var seed = new Option<int>("--seed") { Description = "Seed of the simulated households", DefaultValueFactory = _ => 1 };
var keep = new Option<bool>("--keep-serving") { Description = "Keep the ingest serving after the simulation until Ctrl-C" };
var scenario = new Option<string?>("--scenario") { Description = "A scripted scenario instead of the live fleet: earthquake (batches posted straight to the ingest)" };
scenario.AcceptOnlyFromAmong("earthquake");

var demo = new Command("demo", "Simulated meters -> gateway -> ingest on SQLite, on loopback") { meters, duration, hours, speed, dataDir, seed, keep, scenario };
demo.SetAction(async (parse, cancellationToken) =>
{
    // Ctrl-C stops the simulation; the demo then drains, prints its summary and exits by itself.
    using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cts.Cancel();
    };
    var settings = new DemoSettings
    {
        Meters = parse.GetValue(meters),
        Duration = parse.GetValue(duration),
        SimulatedHours = parse.GetValue(hours),
        HoursPerSecond = parse.GetValue(speed),
        Seed = parse.GetValue(seed),
        KeepServing = parse.GetValue(keep),
        DataDir = parse.GetValue(dataDir) ?? Path.Combine(".demo", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)),
    };
    var console = AnsiConsole.Console;
    if (Console.IsOutputRedirected)
    {
        console.Profile.Width = 240; // a log file: no wrapping of URLs and commands
    }

    return parse.GetValue(scenario) == "earthquake"
        ? await new EarthquakeDemo(settings, console).RunAsync(cts.Token)
        : await new DemoRunner(settings, console).RunAsync(cts.Token);
});

var modelSeed = new Option<int>("--seed") { Description = "Household seed", DefaultValueFactory = _ => 1 };
var modelFrom = new Option<DateTimeOffset>("--from") { Description = "First hour (UTC, ISO-8601)", Required = true };
var modelHours = new Option<int>("--hours") { Description = "Number of hours", DefaultValueFactory = _ => 24 };
var model = new Command("model", "Print a simulated household's water use per hour (litres), to reproduce a scenario") { modelSeed, modelFrom, modelHours };
model.SetAction(parse =>
{
    var household = new Edge.HwSim.Physics.HouseholdConsumptionModel(parse.GetValue(modelSeed));
    var from = parse.GetValue(modelFrom).ToUniversalTime();
    for (var h = 0; h < parse.GetValue(modelHours); h++)
    {
        var hour = from.AddHours(h);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{hour:yyyy-MM-dd'T'HH:mm:ss'Z'} {household.LitresInHour(hour):R}"));
    }

    return 0;
});

var root = new RootCommand("Edge hardware simulator: meters, sensors, radios, links and faults for testers") { demo, model };
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
