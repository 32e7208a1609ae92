using System.Collections;
using Edge.Gateway.Hosting;

namespace Edge.Gateway.Tests.Hosting;

public class EdgeEnvironmentTests
{
    [Fact]
    public void Read_EdgePrefixedVariables_BecomeEdgeSectionKeys()
    {
        var variables = new Hashtable
        {
            ["EDGE_GATEWAY__MQTT__PORT"] = "1884",
            ["EDGE_GATEWAY__DEVICES__0__ID"] = "pm-000001",
            ["PATH"] = "/usr/bin",
            ["EDGE_"] = "ignored",
        };

        var settings = EdgeEnvironment.Read(variables);

        Assert.Equal(2, settings.Count);
        Assert.Equal("1884", settings["Edge:Gateway:Mqtt:Port"]);
        Assert.Equal("pm-000001", settings["Edge:GATEWAY:DEVICES:0:ID"]);
    }
}
