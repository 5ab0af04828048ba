using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI's wire types, source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(AimlApiVideoGenerationRequest))]
[JsonSerializable(typeof(AimlApiVideoGeneration))]
[JsonSerializable(typeof(AimlApiBilling))]
[JsonSerializable(typeof(AimlApiErrorResponse))]
internal sealed partial class AimlApiJsonContext : JsonSerializerContext;
