using MotionControl.Testing;

namespace MotionControl.AspNetCore.Tests;

/// <summary>Requests every emulated vendor accepts.</summary>
internal static class Requests
{
    private static readonly Uri Image = new("https://example.com/character.png");
    private static readonly Uri Video = new("https://example.com/dance.mp4");

    public static MotionControlRequest Kling() => new()
    {
        Image = MediaSource.FromUri(Image),
        Video = MediaSource.FromUri(Video),
        CharacterOrientation = CharacterOrientation.Video,
    };

    public static MotionControlRequest ModelsLab() => Kling() with { Prompt = "a dancer on a rooftop" };
}
