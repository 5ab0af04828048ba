using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MotionControl.Serialization;

/// <summary>
/// The one source-generated JSON context for every wire type of every vendor: no reflection-based serialization
/// anywhere in the SDK (trim- and AOT-safe). Wire DTOs carry their vendor's exact field names with
/// <see cref="JsonPropertyNameAttribute"/>; null members are not written.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
// kling (and powertokens, which reuses Kling's wire types)
[JsonSerializable(typeof(MotionControl.Providers.Kling.KlingMotionControlRequest))]
[JsonSerializable(typeof(MotionControl.Providers.Kling.KlingTask))]
// powertokens
// modelslab
[JsonSerializable(typeof(MotionControl.Providers.ModelsLab.ModelsLabMotionControlRequest))]
[JsonSerializable(typeof(MotionControl.Providers.ModelsLab.ModelsLabFetchRequest))]
[JsonSerializable(typeof(MotionControl.Providers.ModelsLab.ModelsLabVideoResponse))]
// aimlapi
[JsonSerializable(typeof(MotionControl.Providers.AimlApi.AimlApiVideoGenerationRequest))]
[JsonSerializable(typeof(MotionControl.Providers.AimlApi.AimlApiVideoGeneration))]
[JsonSerializable(typeof(MotionControl.Providers.AimlApi.AimlApiErrorResponse))]
// vydra
[JsonSerializable(typeof(MotionControl.Providers.Vydra.VydraMotionControlRequest))]
[JsonSerializable(typeof(MotionControl.Providers.Vydra.VydraCreateJobResponse))]
[JsonSerializable(typeof(MotionControl.Providers.Vydra.VydraJob))]
[JsonSerializable(typeof(MotionControl.Providers.Vydra.VydraJobList))]
[JsonSerializable(typeof(MotionControl.Providers.Vydra.VydraErrorResponse))]
internal sealed partial class MotionControlJsonContext : JsonSerializerContext
{
}
