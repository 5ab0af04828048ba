using MotionControl.Providers.Kling;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>A create and a read through Kling's typed API, which PowerTokens forwards unchanged (each has its own interface).</summary>
internal static class KlingFamilyTypedApi
{
    public static async Task<(string CreatedId, string ReadId)> CreateAndReadAsync(
        Func<KlingMotionControlRequest, CancellationToken, Task<KlingResponse<KlingTask>>> create,
        Func<string, CancellationToken, Task<KlingResponse<KlingTask>>> read,
        string model)
    {
        var created = await create(
            new KlingMotionControlRequest
            {
                ModelName = model,
                ImageUrl = "https://example.com/character.png",
                VideoUrl = "https://example.com/dance.mp4",
                CharacterOrientation = "video",
                Mode = "std",
            },
            CancellationToken.None);
        var fetched = await read(created.Data.TaskId!, CancellationToken.None);

        Assert.Equal(0, created.Code);
        Assert.Equal("submitted", created.Data.TaskStatus);
        Assert.NotNull(created.RequestId);
        Assert.Equal(0, fetched.Code);
        return (created.Data.TaskId!, fetched.Data.TaskId!);
    }
}
