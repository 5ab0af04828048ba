using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>Create bodies each vendor accepts, for tests to break one field at a time.</summary>
internal static class VendorBodies
{
    public const string ImageUrl = "https://example.com/character.png";
    public const string VideoUrl = "https://example.com/dance.mp4";

    public static JsonObject Kling(string model = "kling-v2-6") => new()
    {
        ["model_name"] = model,
        ["image_url"] = ImageUrl,
        ["video_url"] = VideoUrl,
        ["character_orientation"] = "video",
        ["mode"] = "std",
        ["keep_original_sound"] = "yes",
        ["prompt"] = "a dancer in a studio",
    };

    public static JsonObject PowerTokens() => Kling("kling-v3");

    public static JsonObject ModelsLab(MotionControlEmulator emulator) => new()
    {
        ["key"] = emulator.Credentials.ModelsLabApiKey,
        ["model_id"] = "kling-motion-control",
        ["init_image"] = ImageUrl,
        ["init_video"] = "https://example.com/dance.mov",
        ["prompt"] = "make this image accurately animate to the video",
        ["character_orientation"] = "image",
        ["mode"] = "std",
    };

    public static JsonObject AimlApi() => new()
    {
        ["model"] = "klingai/video-v2-6-pro-motion-control",
        ["image_url"] = ImageUrl,
        ["video_url"] = VideoUrl,
        ["character_orientation"] = "image",
        ["keep_audio"] = true,
    };

    public static JsonObject Vydra() => new()
    {
        ["image_url"] = ImageUrl,
        ["video_url"] = VideoUrl,
        ["prompt"] = "A person dancing energetically in a studio",
        ["character_orientation"] = "video",
        ["keep_original_sound"] = true,
    };
}
