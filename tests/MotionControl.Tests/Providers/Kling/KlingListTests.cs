using MotionControl.Providers.Kling;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>Kling's paged task list (<c>GET /v1/videos/motion-control?pageNum=&amp;pageSize=</c>).</summary>
public sealed class KlingListTests
{
    private static async Task<(VendorTestBed Bed, List<string> Ids)> StartWithTasksAsync(int count, Func<int, TaskLifecycle>? lifecycle = null)
    {
        var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            bed.Emulator.EnqueueLifecycle(EmulatorProviders.Kling, lifecycle?.Invoke(i) ?? TaskLifecycle.Default);
            ids.Add((await bed.Client.SubmitAsync(bed.Request())).Id);
        }

        return (bed, ids);
    }

    [Fact]
    public async Task Listing_pages_through_every_task_until_a_short_page()
    {
        var (bed, ids) = await StartWithTasksAsync(5);
        await using var owned = bed;

        var listed = await bed.Client.ListTasksAsync(new MotionControlListOptions { PageSize = 2 }).ToListAsync();

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["?pageNum=1&pageSize=2", "?pageNum=2&pageSize=2", "?pageNum=3&pageSize=2"],
            bed.Calls(EmulatorOperation.List).Select(r => r.Query).ToArray());
        Assert.All(listed, t => Assert.NotNull(t.Raw));
        Assert.All(listed, t => Assert.StartsWith("mc-", t.ExternalTaskId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_last_page_costs_one_more_empty_request()
    {
        var (bed, ignored) = await StartWithTasksAsync(4);
        await using var owned = bed;

        var listed = await bed.Client.ListTasksAsync(new MotionControlListOptions { PageSize = 2 }).ToListAsync();

        Assert.Equal(4, listed.Count);
        Assert.Equal(3, bed.Calls(EmulatorOperation.List).Count);
    }

    [Fact]
    public async Task The_default_page_size_is_klings_30()
    {
        var (bed, ignored) = await StartWithTasksAsync(1);
        await using var owned = bed;

        await bed.Client.ListTasksAsync().ToListAsync();

        Assert.Equal("?pageNum=1&pageSize=30", Assert.Single(bed.Calls(EmulatorOperation.List)).Query);
    }

    [Fact]
    public async Task Max_items_stops_the_listing_without_reading_further_pages()
    {
        var (bed, ignored) = await StartWithTasksAsync(5);
        await using var owned = bed;

        var listed = await bed.Client.ListTasksAsync(new MotionControlListOptions { PageSize = 2, MaxItems = 3 }).ToListAsync();

        Assert.Equal(3, listed.Count);
        Assert.Equal(2, bed.Calls(EmulatorOperation.List).Count);
    }

    [Fact]
    public async Task A_status_filter_is_applied_locally()
    {
        var (bed, ids) = await StartWithTasksAsync(4, i => i % 2 == 0 ? new TaskLifecycle().Succeeds() : new TaskLifecycle().ProcessingForever());
        await using var owned = bed;
        foreach (var id in ids)
        {
            await bed.Client.GetTaskAsync(id);
        }

        var succeeded = await bed.Client.ListTasksAsync(new MotionControlListOptions { Status = MotionControlTaskStatus.Succeeded }).ToListAsync();

        Assert.Equal([ids[0], ids[2]], succeeded.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.All(succeeded, t => Assert.Single(t.Videos));
        Assert.DoesNotContain("status", Assert.Single(bed.Calls(EmulatorOperation.List)).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_size_above_500_is_refused_before_any_request()
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);

        Assert.Throws<ArgumentOutOfRangeException>(() => bed.Client.ListTasksAsync(new MotionControlListOptions { PageSize = 501 }));

        Assert.Empty(bed.Emulator.Requests);
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1001, 30)]
    [InlineData(1, 0)]
    [InlineData(1, 501)]
    public async Task The_typed_list_refuses_page_numbers_and_sizes_outside_klings_ranges(int pageNum, int pageSize)
    {
        await using var bed = await VendorTestBed.StartAsync(EmulatorProviders.Kling);
        var api = ((KlingClient)bed.Client).Api;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.ListMotionControlTasksAsync(pageNum, pageSize));

        Assert.Empty(bed.Emulator.Requests);
    }

    [Fact]
    public async Task The_typed_list_returns_klings_array_of_tasks()
    {
        var (bed, ids) = await StartWithTasksAsync(3);
        await using var owned = bed;
        var api = ((KlingClient)bed.Client).Api;

        var page = await api.ListMotionControlTasksAsync(pageNum: 1, pageSize: 500);

        Assert.Equal(0, page.Code);
        Assert.Equal(ids.Order(StringComparer.Ordinal), page.Data.Select(t => t.TaskId!).Order(StringComparer.Ordinal));
        Assert.Equal("?pageNum=1&pageSize=500", Assert.Single(bed.Calls(EmulatorOperation.List)).Query);
    }
}
