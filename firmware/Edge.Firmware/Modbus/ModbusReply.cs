namespace Edge.Firmware.Modbus;

/// <summary>
/// Checks a complete reply frame against the request it answers (MODBUS Application Protocol V1.1b3 §6.3, 6.4, 6.6,
/// 6.12, §7; Serial Line V1.02 §2.5.1.2): CRC, slave address, function (or its exception response), byte count of a
/// read, echo of a write. Pure, total and allocation-free: any bytes give a <see cref="ModbusResult"/>.
/// </summary>
public static class ModbusReply
{
    /// <summary>Length of an exception response: slave, function | 0x80, code, CRC (§7).</summary>
    public const int ExceptionLength = 5;

    /// <summary>Length of the reply to 06 and 16: slave, function, two 16-bit fields, CRC (§6.6, §6.12).</summary>
    public const int WriteReplyLength = 8;

    /// <summary>
    /// The outcome of <paramref name="reply"/>[0..<paramref name="replyLength"/>) as the answer to the request in
    /// <paramref name="request"/> (slave, function, address, quantity or value first, as sent). On
    /// <see cref="ModbusResult.SlaveException"/>, <paramref name="exceptionCode"/> is the slave's code, else 0.
    /// </summary>
    public static int Check(byte[] request, byte[] reply, int replyLength, out int exceptionCode)
    {
        exceptionCode = 0;
        if (request == null || reply == null || request.Length < 6 || replyLength < 0 || replyLength > reply.Length)
        {
            return ModbusResult.InvalidArgument;
        }

        if (replyLength < ExceptionLength)
        {
            return ModbusResult.Framing;
        }

        if (!ModbusCrc.Check(reply, replyLength))
        {
            return ModbusResult.CrcError;
        }

        if (reply[0] != request[0])
        {
            return ModbusResult.WrongSlave;
        }

        var function = request[1];
        if (reply[1] == (function | ModbusFunction.ExceptionFlag))
        {
            if (replyLength != ExceptionLength)
            {
                return ModbusResult.Framing;
            }

            exceptionCode = reply[2];
            return ModbusResult.SlaveException;
        }

        if (reply[1] != function)
        {
            return ModbusResult.Mismatch;
        }

        if (function == ModbusFunction.ReadHoldingRegisters || function == ModbusFunction.ReadInputRegisters)
        {
            // §6.3: byte count = 2 × quantity of registers; the frame is slave, function, count, data, CRC.
            var quantity = (request[4] << 8) | request[5];
            if (reply[2] != 2 * quantity)
            {
                return ModbusResult.Mismatch;
            }

            return replyLength == 5 + reply[2] ? ModbusResult.Ok : ModbusResult.Framing;
        }

        if (function == ModbusFunction.WriteSingleRegister || function == ModbusFunction.WriteMultipleRegisters)
        {
            if (replyLength != WriteReplyLength)
            {
                return ModbusResult.Framing;
            }

            // §6.6: the normal response echoes the request; §6.12: it returns the starting address and quantity.
            for (var i = 2; i < 6; i++)
            {
                if (reply[i] != request[i])
                {
                    return ModbusResult.Mismatch;
                }
            }

            return ModbusResult.Ok;
        }

        return ModbusResult.Mismatch;
    }

    /// <summary>
    /// Length of the reply that starts with <paramref name="prefix"/>[0..<paramref name="available"/>) to a request with
    /// <paramref name="function"/>: known from the second byte (exception, writes) or the third (reads); 0 while more
    /// bytes are needed to tell, -1 when the function byte fits neither the request nor its exception.
    /// </summary>
    public static int ExpectedLength(int function, byte[] prefix, int available)
    {
        if (available < 2)
        {
            return 0;
        }

        var replyFunction = prefix[1];
        if (replyFunction == (function | ModbusFunction.ExceptionFlag))
        {
            return ExceptionLength;
        }

        if (replyFunction != function)
        {
            return -1;
        }

        if (function == ModbusFunction.WriteSingleRegister || function == ModbusFunction.WriteMultipleRegisters)
        {
            return WriteReplyLength;
        }

        return available < 3 ? 0 : 5 + prefix[2];
    }
}
