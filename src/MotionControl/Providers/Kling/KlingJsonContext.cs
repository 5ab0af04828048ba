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
[JsonSerializable(typeof(KlingV2MotionControlRequest))]
[JsonSerializable(typeof(KlingV2TaskListRequest))]
[JsonSerializable(typeof(KlingEnvelope<KlingV2Task>))]
[JsonSerializable(typeof(KlingEnvelope<List<KlingV2Task>>))]
[JsonSerializable(typeof(KlingEnvelope<KlingV2TaskPage>))]
[JsonSerializable(typeof(KlingElementCreateRequest))]
[JsonSerializable(typeof(KlingElementDeleteRequest))]
[JsonSerializable(typeof(KlingEnvelope<KlingElementTask>))]
[JsonSerializable(typeof(KlingEnvelope<List<KlingElementTask>>))]
[JsonSerializable(typeof(KlingEnvelope<KlingAccountCosts>))]
[JsonSerializable(typeof(KlingLedgerRequest))]
[JsonSerializable(typeof(KlingEnvelope<KlingLedger<KlingBalanceLedgerEntry>>))]
[JsonSerializable(typeof(KlingEnvelope<KlingLedger<KlingUnitLedgerEntry>>))]
internal sealed partial class KlingJsonContext : JsonSerializerContext;
