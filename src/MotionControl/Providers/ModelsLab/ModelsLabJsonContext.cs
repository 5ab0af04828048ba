using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab's wire types, source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ModelsLabMotionControlRequest))]
[JsonSerializable(typeof(ModelsLabFetchRequest))]
[JsonSerializable(typeof(ModelsLabVideoResponse))]
[JsonSerializable(typeof(ModelsLabWalletBalance))]
internal sealed partial class ModelsLabJsonContext : JsonSerializerContext;
