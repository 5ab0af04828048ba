using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Replicate;

/// <summary>Replicate's wire types, source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ReplicatePredictionRequest))]
[JsonSerializable(typeof(ReplicatePrediction))]
[JsonSerializable(typeof(ReplicateFile))]
[JsonSerializable(typeof(ReplicateErrorResponse))]
internal sealed partial class ReplicateJsonContext : JsonSerializerContext;
