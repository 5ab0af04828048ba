using MotionControl.ContractTests.Infrastructure;
using WireMock.RequestBuilders;

namespace MotionControl.ContractTests.Kling;

/// <summary>
/// Kling's documented lifecycle (<c>submitted</c> → <c>processing</c> → <c>succeed</c> | <c>failed</c>,
/// https://app.klingai.com/global/dev/document-api/apiReference/model/motionControl) played by a WireMock scenario,
/// driven by <see cref="IMotionControlClient.WaitForCompletionAsync"/>.
/// </summary>
public sealed class KlingLifecycleTests(WireMockFixture fixture) : ContractTest(fixture), IClassFixture<WireMockFixture>
{
    [Fact]
    public async Task Submit_then_wait_polls_submitted_processing_succeed()
    {
        Script("kling-success", "succeed");
        using var client = Clients.Kling(BaseAddress);

        var submitted = await client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest());
        var done = await client.WaitForCompletionAsync(submitted.Id);

        AssertAllRequestsMatched();
        Assert.Equal(KlingDocs.TaskId, submitted.Id);
        Assert.Equal(MotionControlTaskStatus.Queued, submitted.Status);
        Assert.Equal(MotionControlTaskStatus.Succeeded, done.Status);
        Assert.Equal(new Uri("https://cdn.klingai.example/output.mp4"), Assert.Single(done.Videos).Url);
        Assert.Equal(["POST", "GET", "GET", "GET"], Requests.Select(r => r.RequestMessage!.Method));
    }

    [Fact]
    public async Task Submit_then_wait_ends_in_a_task_failure_with_kling_reason()
    {
        Script("kling-failure", "failed", "Failure to pass the risk control system");
        using var client = Clients.Kling(BaseAddress);

        var submitted = await client.SubmitAsync(KlingExchangeTests.DocumentedNeutralRequest());
        var error = await Assert.ThrowsAsync<MotionControlTaskFailedException>(() => client.WaitForCompletionAsync(submitted.Id));

        AssertAllRequestsMatched();
        Assert.Equal(MotionControlTaskStatus.Failed, error.Task.Status);
        Assert.Equal("Failure to pass the risk control system", error.Task.FailureReason);
    }

    /// <summary>
    /// create → "submitted"; each GET answers the current state and moves on; the terminal mapping sets its own state
    /// again (without that, the scenario finishes and a later poll would get WireMock's 404).
    /// </summary>
    private void Script(string scenario, string terminal, string? reason = null)
    {
        var created = DocumentedJson.Node(KlingDocs.CreateReply);
        created["data"]!["task_id"] = KlingDocs.TaskId;
        created["data"]!["task_status"] = "submitted";
        created["data"]!["task_info"]!["external_task_id"] = KlingDocs.ExternalTaskId;
        Server.Given(BearerJwt(Post(KlingDocs.Path, KlingDocs.CreateRequest)))
            .InScenario(scenario).WillSetStateTo("submitted")
            .RespondWith(Json(200, created.ToJsonString()));

        IRequestBuilder Poll() => BearerJwt(Get($"{KlingDocs.Path}/{KlingDocs.TaskId}"));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("submitted").WillSetStateTo("processing").RespondWith(Json(200, KlingDocs.Task("submitted")));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs("processing").WillSetStateTo(terminal).RespondWith(Json(200, KlingDocs.Task("processing")));
        Server.Given(Poll()).InScenario(scenario).WhenStateIs(terminal).WillSetStateTo(terminal).RespondWith(Json(200, KlingDocs.Task(terminal, reason)));
    }
}
