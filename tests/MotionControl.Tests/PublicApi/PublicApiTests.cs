using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using MotionControl.Testing;

namespace MotionControl.Tests.PublicApi;

/// <summary>
/// The public surface of both packages, listed in <c>tests/MotionControl.Tests/PublicApi/*.api.txt</c>: a change to it
/// shows up in review as a change to that file. Refresh the listings by running the tests with <c>MC_UPDATE_DOCS=1</c>.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Packages => new() { "MotionControl", "MotionControl.Testing" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_api_matches_its_committed_listing(string package)
    {
        var assembly = package == "MotionControl" ? typeof(IMotionControlClient).Assembly : typeof(MotionControlEmulator).Assembly;
        var path = RepositoryPaths.Combine("tests", "MotionControl.Tests", "PublicApi", package + ".api.txt");
        var actual = ApiListing.Render(assembly);
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (committed != actual && Environment.GetEnvironmentVariable("MC_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(committed == actual, $"The public API of {package} changed. If that is intended, run the tests with MC_UPDATE_DOCS=1 and review the diff of {path}.\n" + FirstDifference(committed, actual));
    }

    [Fact]
    public void The_listing_shows_nullability_init_accessors_and_defaults()
    {
        var listing = ApiListing.Render(typeof(IMotionControlClient).Assembly);

        Assert.Contains("  public System.String? FailureReason { get; init; }", listing, StringComparison.Ordinal);
        Assert.Contains("  public required System.String Id { get; init; }", listing, StringComparison.Ordinal);
        Assert.Contains("System.Threading.CancellationToken cancellationToken = default", listing, StringComparison.Ordinal);
        Assert.Contains("sealed record class MotionControl.MotionControlTask", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Polling.PollSchedule", listing, StringComparison.Ordinal); // internal
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  committed: {left}\n  actual:    {right}";
            }
        }

        return string.Empty;
    }
}

/// <summary>Renders an assembly's public surface as sorted, C#-like lines.</summary>
internal static class ApiListing
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            foreach (var line in Members(type, nullability).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string kind;
        if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsValueType)
        {
            kind = IsRecord(type) ? "record struct" : "struct";
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            kind = "delegate";
        }
        else
        {
            kind = (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty)
                + (IsRecord(type) ? "record class" : "class");
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(Name(baseType));
        }

        if (type.IsEnum)
        {
            return $"{kind} {Name(type)}";
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Where(n => !n.StartsWith("System.IEquatable<", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static IEnumerable<string> Members(Type type, NullabilityInfoContext nullability)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var member in type.GetMembers(Declared))
        {
            if (member.Name.Contains('<', StringComparison.Ordinal) || member.Name == "EqualityContract")
            {
                continue; // compiler-generated record plumbing
            }

            switch (member)
            {
                case ConstructorInfo ctor when Visible(ctor) && !ctor.IsStatic:
                    yield return $"{Access(ctor)}{Name(type)}({Parameters(ctor, nullability)})";
                    break;
                case MethodInfo method when Visible(method) && !method.IsSpecialName || method is { IsSpecialName: true } && method.Name.StartsWith("op_", StringComparison.Ordinal) && Visible(method):
                    yield return $"{Access(method)}{Modifiers(method)}{Type(nullability.Create(method.ReturnParameter))} {method.Name}{GenericArguments(method)}({Parameters(method, nullability)})";
                    break;
                case PropertyInfo property when property.GetMethod is { } getter && Visible(getter) || property.SetMethod is { } setter && Visible(setter):
                    yield return Property(property, nullability);
                    break;
                case FieldInfo field when Visible(field):
                    yield return $"{Access(field)}{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{(field.IsInitOnly ? "readonly " : string.Empty)}{Type(nullability.Create(field))} {field.Name}";
                    break;
                case EventInfo @event when @event.AddMethod is { } add && Visible(add):
                    yield return $"{Access(add)}event {Name(@event.EventHandlerType!)} {@event.Name}";
                    break;
            }
        }
    }

    private static string Property(PropertyInfo property, NullabilityInfoContext nullability)
    {
        var accessor = property.GetMethod ?? property.SetMethod!;
        var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
        var parts = new List<string>();
        if (property.GetMethod is { } getter && Visible(getter))
        {
            parts.Add("get;");
        }

        if (property.SetMethod is { } setter && Visible(setter))
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            parts.Add(init ? "init;" : "set;");
        }

        var indexer = property.GetIndexParameters() is { Length: > 0 } index ? $"this[{string.Join(", ", index.Select(p => $"{Type(nullability.Create(p))} {p.Name}"))}]" : property.Name;
        return $"{Access(accessor)}{Modifiers(accessor)}{required}{Type(nullability.Create(property))} {indexer} {{ {string.Join(" ", parts)} }}";
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool Visible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Access(FieldInfo field) => field.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.IsAbstract)
        {
            return method.DeclaringType!.IsInterface ? string.Empty : "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }

        return method.IsVirtual && method.GetBaseDefinition() != method ? "sealed override " : string.Empty;
    }

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty;
            var value = p.HasDefaultValue ? " = " + Default(p) : string.Empty;
            return $"{prefix}{Type(nullability.Create(p))} {p.Name}{value}";
        }));

    private static string Default(ParameterInfo parameter) => parameter.DefaultValue switch
    {
        null => "default",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "default",
    };

    private static string Type(NullabilityInfo info)
    {
        var type = info.Type;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        string name;
        if (type.IsArray && info.ElementType is { } element)
        {
            name = Type(element) + "[]";
        }
        else if (type.IsGenericType && info.GenericTypeArguments.Length > 0)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            name = definition[..definition.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.') + "<" + string.Join(", ", info.GenericTypeArguments.Select(Type)) + ">";
        }
        else
        {
            name = Name(type);
        }

        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        var full = (type.IsGenericType ? type.GetGenericTypeDefinition().FullName : type.FullName) ?? type.Name;
        full = full.Replace('+', '.');
        if (!type.IsGenericType)
        {
            return full;
        }

        return full[..full.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
