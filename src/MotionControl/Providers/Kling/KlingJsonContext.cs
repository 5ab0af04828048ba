using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Kling;

/// <summary>Kling's wire types (shared with PowerTokens, a Kling gateway), source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(KlingMotionControlRequest))]
[JsonSerializable(typeof(KlingEnvelope<KlingTask>))]
[JsonSerializable(typeof(KlingEnvelope<List<KlingTask>>))]
internal sealed partial class KlingJsonContext : JsonSerializerContext;
