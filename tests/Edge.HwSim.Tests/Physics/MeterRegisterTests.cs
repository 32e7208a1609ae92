using Edge.HwSim.Physics;

namespace Edge.HwSim.Tests.Physics;

public class MeterRegisterTests
{
    [Fact]
    public void Read_CountsWholeLitresUpAndDown()
    {
        var register = new MeterRegister(1000);
        register.Add(new MeterFlow(1.5, 0));
        Assert.Equal((1001L, false), register.Read());
        register.Add(new MeterFlow(0.6, 0)); // 1002.1
        Assert.Equal((1002L, false), register.Read());
        register.Add(new MeterFlow(0, 30)); // 972.1
        Assert.Equal((972L, true), register.Read());
        register.Add(new MeterFlow(10, 15)); // 967.1
        Assert.Equal((967L, true), register.Read());
        register.Add(new MeterFlow(20, 0)); // 987.1: the reverse flag is for the interval since the last reading only
        Assert.Equal((987L, false), register.Read());
    }
}
