using Edge.Gateway.Links.AzureIotHub;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// Names after Microsoft's "Communicate with an IoT hub using the MQTT protocol" (learn.microsoft.com,
/// azure/iot/iot-mqtt-connect-to-iot-hub, formerly iot-hub-mqtt-support): examples quoted from the page.
/// </summary>
public sealed class IotHubTopicsTests
{
    [Fact]
    public void UserName_DocumentedExample()
    {
        // "if the name of your IoT hub is contoso.azure-devices.net and if the name of your device is MyDevice01".
        Assert.Equal("contoso.azure-devices.net/MyDevice01/?api-version=2021-04-12", IotHubTopics.UserName("contoso.azure-devices.net", "MyDevice01"));
    }

    [Fact]
    public void Events_ContentTypeAndEncoding_DocumentedPropertyBag()
    {
        // "... including $.ct=application%2Fjson&$.ce=utf-8, as part of the {property_bag}".
        var topic = IotHubTopics.Events("MyDevice01", [new("$.ct", "application/json"), new("$.ce", "utf-8")]);
        Assert.Equal("devices/MyDevice01/messages/events/$.ct=application%2Fjson&$.ce=utf-8", topic);
    }

    [Fact]
    public void Events_RoutingContentType_DocumentedTopic()
    {
        // "devices/{device-id}/messages/events/$.ct=application%2Fjson%3Bcharset%3Dutf-8".
        var topic = IotHubTopics.Events("d1", [new("$.ct", "application/json;charset=utf-8")]);
        Assert.Equal("devices/d1/messages/events/$.ct=application%2Fjson%3Bcharset%3Dutf-8", topic);
    }

    [Fact]
    public void Events_ApplicationPropertyWithSpaceAndAmpersand_PercentEncoded()
    {
        // RFC 3986 §2.1: space is %20, '&' %26, '=' %3D; the page's example value "a string" is "a%20string".
        var topic = IotHubTopics.Events("d1", [new("my prop", "a string&x=y")]);
        Assert.Equal("devices/d1/messages/events/my%20prop=a%20string%26x%3Dy", topic);
    }

    [Fact]
    public void DeviceBoundFilter_DocumentedFilter()
    {
        Assert.Equal("devices/MyDevice01/messages/devicebound/#", IotHubTopics.DeviceBoundFilter("MyDevice01"));
    }

    [Fact]
    public void TryParseDeviceBound_DocumentedNullEmptyAndValue()
    {
        // The page: "/?prop1&prop2=&prop3=a%20string" is prop1 null, prop2 "", prop3 "a string".
        Assert.True(IotHubTopics.TryParseDeviceBound("devices/d1/messages/devicebound//?prop1&prop2=&prop3=a%20string", "d1", out var properties));
        Assert.Equal(3, properties.Count);
        Assert.Null(properties["prop1"]);
        Assert.Equal("", properties["prop2"]);
        Assert.Equal("a string", properties["prop3"]);
    }

    [Fact]
    public void TryParseDeviceBound_SystemProperties_Decoded()
    {
        Assert.True(IotHubTopics.TryParseDeviceBound("devices/d1/messages/devicebound/%24.mid=42&%24.to=%2Fdevices%2Fd1%2Fmessages%2FdeviceBound", "d1", out var properties));
        Assert.Equal("42", properties["$.mid"]);
        Assert.Equal("/devices/d1/messages/deviceBound", properties["$.to"]);
    }

    [Fact]
    public void TryParseDeviceBound_OtherDevice_False()
    {
        Assert.False(IotHubTopics.TryParseDeviceBound("devices/d2/messages/devicebound/x=1", "d1", out var properties));
        Assert.Empty(properties);
    }
}
