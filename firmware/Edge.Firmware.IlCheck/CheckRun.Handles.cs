using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Edge.Firmware.IlCheck;

/// <summary>The handles and signatures that members use: where instantiations and array shapes hide.</summary>
internal sealed partial class CheckRun
{
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
