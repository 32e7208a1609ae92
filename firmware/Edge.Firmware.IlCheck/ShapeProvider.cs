using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Edge.Firmware.IlCheck;

/// <summary>
/// Decodes signature blobs (ECMA-335 §II.23.2) into <see cref="SignatureShape"/>s, recording every generic
/// instantiation (GENERICINST) and every array with a shape (ARRAY, as opposed to the SZARRAY vector).
/// </summary>
internal sealed class ShapeProvider : ISignatureTypeProvider<SignatureShape, object?>
{
    private readonly MetadataReader _reader;

    public ShapeProvider(MetadataReader reader) => _reader = reader;

    public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) => SignatureShape.Plain(typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    });

    public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        SignatureShape.Plain(MetadataNames.Of(reader, handle));

    public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        SignatureShape.Plain(MetadataNames.Of(reader, handle));

    public SignatureShape GetTypeFromSpecification(
        MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureShape GetSZArrayType(SignatureShape elementType) =>
        SignatureShape.Composed(elementType.Name + "[]", [elementType], null);

    public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape)
    {
        // A rank-1 ARRAY is a non-vector array (C# has no syntax for it); show it as [*] like ildasm.
        string brackets = shape.Rank == 1 ? "[*]" : "[" + new string(',', shape.Rank - 1) + "]";
        string name = elementType.Name + brackets;
        return SignatureShape.Composed(name, [elementType], "multi-dimensional array " + name);
    }

    public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments)
    {
        var names = new string[typeArguments.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = typeArguments[i].Name;
        }

        string name = genericType.Name + "<" + string.Join(", ", names) + ">";
        return SignatureShape.Composed(name, [genericType, .. typeArguments], "generic instantiation " + name);
    }

    public SignatureShape GetByReferenceType(SignatureShape elementType) =>
        SignatureShape.Composed(elementType.Name + "&", [elementType], null);

    public SignatureShape GetPointerType(SignatureShape elementType) =>
        SignatureShape.Composed(elementType.Name + "*", [elementType], null);

    public SignatureShape GetPinnedType(SignatureShape elementType) =>
        SignatureShape.Composed(elementType.Name + " pinned", [elementType], null);

    public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) =>
        SignatureShape.Composed(unmodifiedType.Name, [modifier, unmodifiedType], null);

    public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) =>
        SignatureShape.Composed(
            "method " + signature.ReturnType.Name + " *(" + string.Join(", ", signature.ParameterTypes) + ")",
            [signature.ReturnType, .. signature.ParameterTypes],
            null);

    public SignatureShape GetGenericMethodParameter(object? genericContext, int index) =>
        SignatureShape.Plain("!!" + index);

    public SignatureShape GetGenericTypeParameter(object? genericContext, int index) =>
        SignatureShape.Plain("!" + index);

    /// <summary>Decodes a TypeSpec row.</summary>
    public SignatureShape Decode(TypeSpecificationHandle handle) =>
        _reader.GetTypeSpecification(handle).DecodeSignature(this, null);
}
