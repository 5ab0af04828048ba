using System.Text.Json.Nodes;

namespace MotionControl.Jobs.Journal;

/// <summary>A <see cref="MotionControlRequest"/> as the journal keeps it, enough to send the create again after a restart.</summary>
internal sealed record JournaledRequest
{
    public required JournaledMedia Image { get; init; }

    public required JournaledMedia Video { get; init; }

    public string? Prompt { get; init; }

    public CharacterOrientation CharacterOrientation { get; init; }

    public GenerationMode? Mode { get; init; }

    public bool? KeepOriginalSound { get; init; }

    public string? ElementId { get; init; }

    public string? ElementPromptReference { get; init; }

    public JournaledMedia? ElementFrontalImage { get; init; }

    public List<JournaledMedia>? ElementReferenceImages { get; init; }

    public decimal? MaxCost { get; init; }

    public string? Model { get; init; }

    public string? CallbackUrl { get; init; }

    public string? ExternalTaskId { get; init; }

    public bool? Watermark { get; init; }

    public Dictionary<string, JsonNode?>? AdditionalProperties { get; init; }
}
