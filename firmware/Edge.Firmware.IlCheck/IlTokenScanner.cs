using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Edge.Firmware.IlCheck;

/// <summary>
/// Walks a method body's CIL instruction stream and collects the metadata tokens its instructions name
/// (operand kinds per ECMA-335 Partition III; user-string tokens of <c>ldstr</c> are skipped).
/// </summary>
internal static class IlTokenScanner
{
    /// <summary>Marks operands that are a 4-byte metadata token.</summary>
    private const int TokenOperand = -1;

    /// <summary>The metadata tokens in <paramref name="il"/>, in instruction order.</summary>
    public static List<EntityHandle> ReadTokens(BlobReader il)
    {
        var tokens = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            int code = il.ReadByte();
            if (code == 0xFE)
            {
                code = 0xFE00 | il.ReadByte();
            }

            var opCode = (ILOpCode)code;
            if (opCode.IsBranch())
            {
                il.Offset += opCode.GetBranchOperandSize();
                continue;
            }

            switch (opCode)
            {
                case ILOpCode.Ldstr:
                    il.ReadInt32();
                    break;
                case ILOpCode.Switch:
                    uint targets = il.ReadUInt32();
                    il.Offset += checked((int)(targets * 4));
                    break;
                default:
                    int size = OperandSize(opCode, offset);
                    if (size == TokenOperand)
                    {
                        tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    }
                    else
                    {
                        il.Offset += size;
                    }

                    break;
            }
        }

        return tokens;
    }

    private static int OperandSize(ILOpCode opCode, int offset)
    {
        switch (opCode)
        {
            // InlineMethod, InlineField, InlineType, InlineTok, InlineSig
            case ILOpCode.Jmp:
            case ILOpCode.Call:
            case ILOpCode.Calli:
            case ILOpCode.Callvirt:
            case ILOpCode.Newobj:
            case ILOpCode.Ldftn:
            case ILOpCode.Ldvirtftn:
            case ILOpCode.Ldfld:
            case ILOpCode.Ldflda:
            case ILOpCode.Stfld:
            case ILOpCode.Ldsfld:
            case ILOpCode.Ldsflda:
            case ILOpCode.Stsfld:
            case ILOpCode.Cpobj:
            case ILOpCode.Ldobj:
            case ILOpCode.Stobj:
            case ILOpCode.Castclass:
            case ILOpCode.Isinst:
            case ILOpCode.Unbox:
            case ILOpCode.Unbox_any:
            case ILOpCode.Box:
            case ILOpCode.Newarr:
            case ILOpCode.Ldelema:
            case ILOpCode.Ldelem:
            case ILOpCode.Stelem:
            case ILOpCode.Refanyval:
            case ILOpCode.Mkrefany:
            case ILOpCode.Ldtoken:
            case ILOpCode.Initobj:
            case ILOpCode.Constrained:
            case ILOpCode.Sizeof:
                return TokenOperand;

            // ShortInlineVar, ShortInlineI
            case ILOpCode.Ldarg_s:
            case ILOpCode.Ldarga_s:
            case ILOpCode.Starg_s:
            case ILOpCode.Ldloc_s:
            case ILOpCode.Ldloca_s:
            case ILOpCode.Stloc_s:
            case ILOpCode.Ldc_i4_s:
            case ILOpCode.Unaligned:
                return 1;

            // InlineVar
            case ILOpCode.Ldarg:
            case ILOpCode.Ldarga:
            case ILOpCode.Starg:
            case ILOpCode.Ldloc:
            case ILOpCode.Ldloca:
            case ILOpCode.Stloc:
                return 2;

            // InlineI, ShortInlineR
            case ILOpCode.Ldc_i4:
            case ILOpCode.Ldc_r4:
                return 4;

            // InlineI8, InlineR
            case ILOpCode.Ldc_i8:
            case ILOpCode.Ldc_r8:
                return 8;

            default:
                if (Enum.IsDefined(opCode))
                {
                    return 0;
                }

                throw new BadImageFormatException($"Unknown IL opcode 0x{(int)opCode:X} at offset {offset}.");
        }
    }
}
