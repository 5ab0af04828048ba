using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra's wire types, source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(VydraMotionControlRequest))]
[JsonSerializable(typeof(VydraCreateJobResponse))]
[JsonSerializable(typeof(VydraJob))]
[JsonSerializable(typeof(VydraJobList))]
[JsonSerializable(typeof(VydraOrganization))]
[JsonSerializable(typeof(VydraErrorResponse))]
internal sealed partial class VydraJsonContext : JsonSerializerContext;
