using System.Reflection.Metadata;

namespace Edge.Firmware.IlCheck;

/// <summary>Readable names of metadata rows, for violation messages.</summary>
internal static class MetadataNames
{
    /// <summary>Full name of a type definition; nested types as <c>Outer+Inner</c>.</summary>
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Full name of a type reference; nested types as <c>Outer+Inner</c>.</summary>
    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>
    /// Name of a method or field given by a MethodDef, FieldDef or MemberRef handle, prefixed by its
    /// owner; <paramref name="describeType"/> names TypeSpec owners.
    /// </summary>
    public static string OfMember(MetadataReader reader, EntityHandle handle, Func<EntityHandle, string> describeType)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return Of(reader, method.GetDeclaringType()) + "." + reader.GetString(method.Name);
            case HandleKind.FieldDefinition:
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return Of(reader, field.GetDeclaringType()) + "." + reader.GetString(field.Name);
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                string owner = member.Parent.Kind == HandleKind.MethodDefinition
                    ? OfMember(reader, member.Parent, describeType)
                    : describeType(member.Parent);
                return owner + "." + reader.GetString(member.Name);
            default:
                return handle.Kind.ToString();
        }
    }

    /// <summary>The names of generic parameters, e.g. <c>&lt;TKey, TValue&gt;</c>.</summary>
    public static string OfGenericParameters(MetadataReader reader, GenericParameterHandleCollection parameters)
    {
        var names = new List<string>(parameters.Count);
        foreach (var handle in parameters)
        {
            names.Add(reader.GetString(reader.GetGenericParameter(handle).Name));
        }

        return "<" + string.Join(", ", names) + ">";
    }
}
