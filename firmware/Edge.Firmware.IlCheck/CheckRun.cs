using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Edge.Firmware.IlCheck;

/// <summary>
/// One pass of <see cref="IlChecker"/> over an image: first every type definition and its members, so a
/// violation is reported with the member that causes it, then a sweep over the TypeSpec, MemberRef,
/// MethodSpec and StandAloneSig tables for rows that no member reached (custom attributes, constraints).
/// </summary>
internal sealed class CheckRun
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

    /// <summary>
    /// Checks a handle used by <paramref name="context"/>. Definitions (TypeDef, MethodDef, FieldDef) are
    /// checked where they are defined; only rows that carry signatures or instantiations are looked into.
    /// </summary>
    private void CheckHandle(string context, EntityHandle handle, bool reportGenericMethodReference)
    {
        if (handle.IsNil)
        {
            return;
        }

        _visited.Add(handle);
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                CheckShape(context, _shapes.Decode((TypeSpecificationHandle)handle));
                break;
            case HandleKind.MemberReference:
                CheckMemberReference(context, (MemberReferenceHandle)handle, reportGenericMethodReference);
                break;
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                var arguments = specification.DecodeSignature(_shapes, null);
                string method = MetadataNames.OfMember(_reader, specification.Method, DescribeType);
                Report(context, "generic method instantiation " + method + "<" + string.Join(", ", arguments) + ">");
                foreach (var argument in arguments)
                {
                    CheckShape(context, argument);
                }

                CheckHandle(context, specification.Method, false);
                break;
            case HandleKind.StandaloneSignature:
                var signature = _reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
                {
                    foreach (var local in signature.DecodeLocalSignature(_shapes, null))
                    {
                        CheckShape(context, local);
                    }
                }
                else
                {
                    CheckSignature(context, signature.DecodeMethodSignature(_shapes, null));
                }

                break;
        }
    }

    private void CheckMemberReference(string context, MemberReferenceHandle handle, bool reportGenericMethodReference)
    {
        var member = _reader.GetMemberReference(handle);
        CheckHandle(context, member.Parent, true);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            CheckShape(context, member.DecodeFieldSignature(_shapes, null));
            return;
        }

        var signature = member.DecodeMethodSignature(_shapes, null);
        if (signature.Header.IsGeneric && reportGenericMethodReference)
        {
            Report(context, "generic method reference " + MetadataNames.OfMember(_reader, handle, DescribeType));
        }

        CheckSignature(context, signature);
    }

    private void CheckSignature(string context, MethodSignature<SignatureShape> signature)
    {
        CheckShape(context, signature.ReturnType);
        foreach (var parameter in signature.ParameterTypes)
        {
            CheckShape(context, parameter);
        }
    }

    private void CheckShape(string context, SignatureShape shape)
    {
        foreach (string problem in shape.Problems)
        {
            Report(context, problem);
        }
    }

    private void Sweep(TableIndex table, Func<int, EntityHandle> handleOfRow)
    {
        int rows = _reader.GetTableRowCount(table);
        for (int row = 1; row <= rows; row++)
        {
            var handle = handleOfRow(row);
            if (!_visited.Contains(handle))
            {
                CheckHandle(ModuleContext, handle, true);
            }
        }
    }

    private string DescribeType(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => MetadataNames.Of(_reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => MetadataNames.Of(_reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => _shapes.Decode((TypeSpecificationHandle)handle).Name,
        _ => handle.Kind.ToString(),
    };

    private void Report(string context, string problem)
    {
        string message = context + ": " + problem;
        if (_reported.Add(message))
        {
            _violations.Add(message);
        }
    }
}
