using System.Text.Json.Serialization;

namespace MotionControl.Jobs.Journal;

/// <summary>The journal's JSON columns, source-generated (no reflection: trim and AOT safe).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JournaledRequest))]
[JsonSerializable(typeof(JournaledTask))]
[JsonSerializable(typeof(MotionControlCharge))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class JobJsonContext : JsonSerializerContext;
