using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Edge.Firmware.IlCheck;

/// <summary>
/// One pass of <see cref="IlChecker"/> over an image: first every type definition and its members, so a
/// violation is reported with the member that causes it, then a sweep over the TypeSpec, MemberRef,
/// MethodSpec and StandAloneSig tables for rows that no member reached (custom attributes, constraints).
/// </summary>
internal sealed partial class CheckRun
{
    private const string ModuleContext = "<module>";

    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly ShapeProvider _shapes;
    private readonly List<string> _violations = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<EntityHandle> _visited = [];

    public CheckRun(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _shapes = new ShapeProvider(_reader);
    }

    public IReadOnlyList<string> Run()
    {
        foreach (var type in _reader.TypeDefinitions)
        {
            CheckType(type);
        }

        Sweep(TableIndex.TypeSpec, row => MetadataTokens.TypeSpecificationHandle(row));
        Sweep(TableIndex.MemberRef, row => MetadataTokens.MemberReferenceHandle(row));
        Sweep(TableIndex.MethodSpec, row => MetadataTokens.MethodSpecificationHandle(row));
        Sweep(TableIndex.StandAloneSig, row => MetadataTokens.StandaloneSignatureHandle(row));
        return _violations;
    }

    private void CheckType(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        string typeName = MetadataNames.Of(_reader, handle);
        var generics = type.GetGenericParameters();
        if (generics.Count > 0)
        {
            Report(typeName, "generic type definition " + MetadataNames.OfGenericParameters(_reader, generics));
        }

        CheckHandle(typeName, type.BaseType, true);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            CheckHandle(typeName, _reader.GetInterfaceImplementation(implementation).Interface, true);
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(fieldHandle);
            CheckShape(typeName + "." + _reader.GetString(field.Name), field.DecodeSignature(_shapes, null));
        }

        foreach (var method in type.GetMethods())
        {
            CheckMethod(typeName, method);
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(propertyHandle);
            CheckSignature(typeName + "." + _reader.GetString(property.Name), property.DecodeSignature(_shapes, null));
        }

        foreach (var eventHandle in type.GetEvents())
        {
            var definition = _reader.GetEventDefinition(eventHandle);
            CheckHandle(typeName + "." + _reader.GetString(definition.Name), definition.Type, true);
        }

        foreach (var implHandle in type.GetMethodImplementations())
        {
            var implementation = _reader.GetMethodImplementation(implHandle);
            string context = MetadataNames.OfMember(_reader, implementation.MethodBody, DescribeType);
            CheckHandle(context, implementation.MethodDeclaration, true);
        }
    }

    private void CheckMethod(string typeName, MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        string context = typeName + "." + _reader.GetString(method.Name);
        var generics = method.GetGenericParameters();
        if (generics.Count > 0)
        {
            Report(context, "generic method definition " + MetadataNames.OfGenericParameters(_reader, generics));
        }

        CheckSignature(context, method.DecodeSignature(_shapes, null));
        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        CheckHandle(context, body.LocalSignature, true);
        foreach (var region in body.ExceptionRegions)
        {
            CheckHandle(context, region.CatchType, true);
        }

        foreach (var token in IlTokenScanner.ReadTokens(body.GetILReader()))
        {
            CheckHandle(context, token, true);
        }
    }
}
