using System.Text.Json;
using MotionControl.Providers.Vydra;

namespace MotionControl.Tests.Providers.Vydra;

/// <summary>
/// Vydra's varying reply shapes, read through its JSON context: each concept is one public property, filled from
/// whichever name the reply used (the emulator produces only one shape of each).
/// </summary>
public class VydraWireAliasTests
{
    private static VydraJob Job(string json) => JsonSerializer.Deserialize(json, VydraJsonContext.Default.VydraJob)!;

    private static VydraJobList List(string json) => JsonSerializer.Deserialize(json, VydraJsonContext.Default.VydraJobList)!;

    private static VydraCreateJobResponse Created(string json) => JsonSerializer.Deserialize(json, VydraJsonContext.Default.VydraCreateJobResponse)!;

    [Theory]
    [InlineData("""{"id":"a"}""", "a")]
    [InlineData("""{"jobId":"b"}""", "b")]
    [InlineData("""{"id":"a","jobId":"b"}""", "a")]
    [InlineData("""{"id":" ","jobId":"b"}""", "b")]
    [InlineData("""{"id":"","jobId":" "}""", null)]
    [InlineData("""{}""", null)]
    public void A_jobs_id_comes_from_id_else_jobId(string json, string? id) =>
        Assert.Equal(id, Job(json).Id);

    [Theory]
    [InlineData("""{"jobId":"a"}""", "a")]
    [InlineData("""{"id":"b"}""", "b")]
    [InlineData("""{"jobId":"a","id":"b"}""", "a")]
    [InlineData("""{"jobId":"","id":"b"}""", "b")]
    [InlineData("""{"status":"pending"}""", null)]
    public void A_create_replys_id_comes_from_jobId_else_id(string json, string? id) =>
        Assert.Equal(id, Created(json).JobId);

    [Theory]
    [InlineData("""{"output":{"videoUrl":"https://a/1.mp4","url":"https://a/2.mp4"},"videoUrl":"https://a/3.mp4","url":"https://a/4.mp4"}""", "https://a/1.mp4")]
    [InlineData("""{"output":{"url":"https://a/2.mp4"},"videoUrl":"https://a/3.mp4","url":"https://a/4.mp4"}""", "https://a/2.mp4")]
    [InlineData("""{"output":{"durationSeconds":5},"videoUrl":"https://a/3.mp4","url":"https://a/4.mp4"}""", "https://a/3.mp4")]
    [InlineData("""{"url":"https://a/4.mp4"}""", "https://a/4.mp4")]
    [InlineData("""{"output":{"videoUrl":"not a url","url":"relative/2.mp4"},"videoUrl":"","url":"https://a/4.mp4"}""", "https://a/4.mp4")]
    [InlineData("""{"output":{"videoUrl":null},"videoUrl":null,"url":"   "}""", null)]
    [InlineData("""{"status":"completed"}""", null)]
    public void The_video_url_is_output_videoUrl_then_output_url_then_top_level_videoUrl_then_url(string json, string? url) =>
        Assert.Equal(url, Job(json).VideoUrl?.AbsoluteUri);

    [Fact]
    public void The_output_exposes_one_url_from_videoUrl_else_url_and_keeps_its_duration()
    {
        var output = Job("""{"output":{"url":"https://a/2.mp4","durationSeconds":"5.5"}}""").Output!;

        Assert.Equal("https://a/2.mp4", output.VideoUrl?.AbsoluteUri);
        Assert.Equal(5.5, output.DurationSeconds);
        Assert.Equal("https://a/1.mp4", Job("""{"output":{"videoUrl":"https://a/1.mp4","url":"https://a/2.mp4"}}""").Output!.VideoUrl?.AbsoluteUri);
    }

    [Fact]
    public void A_url_that_is_not_a_string_is_refused_as_before() =>
        Assert.Throws<JsonException>(() => Job("""{"url":42}"""));

    [Theory]
    [InlineData("""{"status":"failed","error":"boom","statusMessage":"s","message":"m"}""", "boom")]
    [InlineData("""{"status":"failed","error":{"detail":"from the object"}}""", "from the object")]
    [InlineData("""{"status":"failed","statusMessage":"s","message":"m"}""", "s")]
    [InlineData("""{"status":"error","error":" ","statusMessage":"","message":"m"}""", "m")]
    [InlineData("""{"status":"cancelled","message":"Job cancelled"}""", "Job cancelled")]
    [InlineData("""{"status":"FAILED","statusMessage":"s"}""", "s")]
    [InlineData("""{"status":"failed"}""", null)]
    public void The_failure_reason_is_error_else_statusMessage_else_message(string json, string? error) =>
        Assert.Equal(error, Job(json).Error);

    [Theory]
    [InlineData("""{"status":"running","statusMessage":"Rendering frames","message":"m"}""")]
    [InlineData("""{"status":"completed","statusMessage":"Done"}""")]
    [InlineData("""{"statusMessage":"Queued"}""")]
    public void A_job_that_did_not_fail_has_no_error_but_keeps_its_status_text(string json)
    {
        var job = Job(json);

        Assert.Null(job.Error);
        Assert.NotNull(job.StatusMessage);
    }

    [Fact]
    public void An_error_on_a_running_job_is_still_reported() =>
        Assert.Equal("upstream hiccup", Job("""{"status":"running","error":"upstream hiccup"}""").Error);

    [Theory]
    [InlineData("""{"data":[{"id":"a"}]}""", "a", "data")]
    [InlineData("""{"jobs":[{"id":"b"}]}""", "b", "jobs")]
    [InlineData("""{"data":[{"id":"a"}],"jobs":[{"id":"b"}]}""", "a", "data")]
    [InlineData("""{"data":null,"jobs":[{"id":"b"}]}""", "b", "jobs")]
    public void The_jobs_come_from_data_else_jobs(string json, string id, string propertyName)
    {
        var page = List(json);

        Assert.Equal(id, Assert.Single(page.Data).Id);
        Assert.Equal(propertyName, page.DataPropertyName);
    }

    [Fact]
    public void A_page_without_jobs_has_an_empty_list() =>
        Assert.Empty(List("""{"total":0}""").Data);

    [Fact]
    public void The_paging_facts_come_from_the_top_level_else_pagination()
    {
        var grouped = List("""{"jobs":[],"pagination":{"total":7,"limit":2,"offset":4,"hasMore":true}}""");
        var top = List("""{"data":[],"total":9,"limit":3,"offset":0,"hasMore":false,"pagination":{"total":7,"limit":2,"offset":4,"hasMore":true}}""");
        var none = List("""{"data":[]}""");

        Assert.Equal((7, 2, 4, true), (grouped.Total, grouped.Limit, grouped.Offset, grouped.HasMore));
        Assert.Equal((9, 3, 0, false), (top.Total, top.Limit, top.Offset, top.HasMore));
        Assert.Equal((null, null, null, null), (none.Total, none.Limit, none.Offset, none.HasMore));
    }

    [Fact]
    public void The_dtos_are_constructible_with_their_public_properties()
    {
        var url = new Uri("https://a/v.mp4");
        var job = new VydraJob { Id = "a", Status = "failed", StatusMessage = "s", VideoUrl = url };
        var output = new VydraJobOutput { VideoUrl = url, DurationSeconds = 5 };
        var page = new VydraJobList { Data = [job], HasMore = false, Total = 1 };
        var created = new VydraCreateJobResponse { JobId = "a" };

        Assert.Equal(("a", "s", url), (job.Id, job.Error, job.VideoUrl));
        Assert.Equal(url, new VydraJob { VideoUrl = new Uri("https://a/other.mp4"), Output = output }.VideoUrl);
        Assert.Equal((1, false, "data"), (page.Data.Count, page.HasMore, page.DataPropertyName));
        Assert.Equal("a", created.JobId);
    }

    [Fact]
    public void A_job_read_from_its_aliases_reads_back_the_same_after_writing()
    {
        var read = Job("""{"jobId":"a","status":"failed","message":"m","url":"https://a/4.mp4","output":{"url":"https://a/2.mp4"}}""");

        var again = Job(JsonSerializer.Serialize(read, VydraJsonContext.Default.VydraJob));

        Assert.Equal(("a", "m", "https://a/2.mp4"), (again.Id, again.Error, again.VideoUrl?.AbsoluteUri));
    }
}
