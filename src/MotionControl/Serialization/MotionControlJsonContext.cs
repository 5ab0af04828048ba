using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MotionControl.Serialization;

/// <summary>
/// The core's source-generated JSON context: the JSON types every vendor shares. Each vendor has its own context for its
/// wire types, in its folder (no reflection-based serialization anywhere in the SDK: trim- and AOT-safe).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class MotionControlJsonContext : JsonSerializerContext
{
}
