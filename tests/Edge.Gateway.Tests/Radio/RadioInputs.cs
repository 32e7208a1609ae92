namespace Edge.Gateway.Tests.Radio;

/// <summary>Settings and expectations shared by the serial input tests.</summary>
internal static class RadioInputs
{
    /// <summary>Configures input 0 on the gateway under test.</summary>
    public static void Input(Dictionary<string, string> settings, string kind, string port, params (string Id, string Key)[] meters)
    {
        settings["Edge:Gateway:Inputs:0:Kind"] = kind;
        settings["Edge:Gateway:Inputs:0:Port"] = port;
        settings["Edge:Gateway:Inputs:0:ReopenDelay"] = "00:00:00.200";
        for (var i = 0; i < meters.Length; i++)
        {
            settings[$"Edge:Gateway:Inputs:0:Keys:{i}:Id"] = meters[i].Id;
            settings[$"Edge:Gateway:Inputs:0:Keys:{i}:Key"] = meters[i].Key;
        }
    }

    /// <summary>A distinct AES-128 key per meter number.</summary>
    public static byte[] Key(int meter) => [.. Enumerable.Range(0, 16).Select(i => (byte)((meter * 37) + (i * 11)))];
}
