using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotionControl.Providers.Fal;

/// <summary>fal's wire types, source-generated: no reflection.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FalMotionControlInput))]
[JsonSerializable(typeof(FalQueueSubmission))]
[JsonSerializable(typeof(FalQueueStatus))]
[JsonSerializable(typeof(FalVideoResult))]
[JsonSerializable(typeof(FalCancelResponse))]
[JsonSerializable(typeof(FalAccountBilling))]
[JsonSerializable(typeof(FalUploadInitiation))]
[JsonSerializable(typeof(FalUploadTarget))]
[JsonSerializable(typeof(FalErrorResponse))]
[JsonSerializable(typeof(FalUploadPart))]
[JsonSerializable(typeof(FalUploadCompletion))]
[JsonSerializable(typeof(FalWebhook))]
internal sealed partial class FalJsonContext : JsonSerializerContext;
