using System.Net;
using MotionControl.Jobs.Diagnostics;
using MotionControl.Jobs.Journal;
using MotionControl.Jobs.Queue;
using MotionControl.Jobs.Storage;
using MotionControl.Media;

namespace MotionControl.Jobs.Worker;

/// <summary>One job's run through the state machine (docs/jobs.md).</summary>
internal sealed partial class JobWorker
{
    private async Task RunAsync(JobRecord job, RunningJob running, CancellationToken cancellationToken)
    {
        if (!clients.ProviderNames.Contains(job.Provider, StringComparer.Ordinal) || clients.GetClient(job.Provider) is not MotionControlClient client)
        {
            await FinishAsync(job, job.State, MotionControlJobState.Failed, $"No provider is registered as '{job.Provider}' in this worker.", cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (job.State)
        {
            case MotionControlJobState.Pending:
                await SubmitPendingAsync(job, client, running, cancellationToken).ConfigureAwait(false);
                break;
            case MotionControlJobState.Submitting:
                await ReconcileAsync(job, client, running, cancellationToken).ConfigureAwait(false);
                break;
            case MotionControlJobState.Submitted:
                await WaitAndFinishAsync(job, client, running, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task SubmitPendingAsync(JobRecord job, MotionControlClient client, RunningJob running, CancellationToken cancellationToken)
    {
        switch (await AwaitSlotAsync(job, running, cancellationToken).ConfigureAwait(false))
        {
            case SlotWait.Canceled:
                await FinishAsync(job, MotionControlJobState.Pending, MotionControlJobState.Canceled, "Canceled before it was submitted.", cancellationToken).ConfigureAwait(false);
                return;
            case SlotWait.DeadlinePassed:
                await FinishAsync(job, MotionControlJobState.Pending, MotionControlJobState.Failed, $"The job's deadline ({job.Deadline.GetValueOrDefault():O}) passed before it could be submitted (waiting for one of {job.Provider}'s concurrency slots counts against it); no create was sent.", cancellationToken).ConfigureAwait(false);
                return;
        }

        MotionControlRequest request;
        try
        {
            request = await RequestJournal.ReadAsync(job.RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JobMediaChangedException changed)
        {
            await FinishAsync(job, MotionControlJobState.Pending, MotionControlJobState.Failed, changed.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var externalId = client.Capabilities.SupportsExternalTaskId ? job.ExternalTaskId ?? request.ExternalTaskId ?? "mcj-" + job.Id : null;

        // The journal write that makes a crash recoverable: Submitting, with the external id, before anything is sent.
        if (!await ApplyAsync(job, Transition(job, MotionControlJobState.Pending, MotionControlJobState.Submitting) with { ExternalTaskId = externalId, IncrementAttempts = true }, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        _hook?.Reached(JobStep.AfterJournal, job.Id);
        await SendAsync(job with { State = MotionControlJobState.Submitting, ExternalTaskId = externalId }, client, request with { ExternalTaskId = externalId }, running, cancellationToken).ConfigureAwait(false);
    }

    private enum SlotWait
    {
        Acquired,
        Canceled,
        DeadlinePassed,
    }

    /// <summary>
    /// Waits for one of the job's registration's concurrency slots. Only the job whose turn it is asks the store (see
    /// <see cref="SlotPulse"/>); the others look at their cancel request and deadline every poll interval meanwhile.
    /// </summary>
    private async Task<SlotWait> AwaitSlotAsync(JobRecord job, RunningJob running, CancellationToken cancellationToken)
    {
        var limit = _options.LimitOf(job.Provider);
        var slots = Pulse(job.Provider);
        var asking = false;
        try
        {
            while (true)
            {
                if (running.CancelRequested || job.CancelRequested)
                {
                    return SlotWait.Canceled;
                }

                var now = time.GetUtcNow();
                if (job.Deadline is { } deadline && now >= deadline)
                {
                    return SlotWait.DeadlinePassed;
                }

                var wait = Max(_options.PollInterval, TimeSpan.FromMilliseconds(20));
                if (job.Deadline is { } end && end - now < wait)
                {
                    wait = Max(end - now, TimeSpan.FromMilliseconds(1));
                }

                if (!asking)
                {
                    // Once the turn comes (or the wait ends without it), the cancel request and the deadline are looked at again.
                    asking = await slots.WaitTurnAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var slot = await store.TryAcquireSlotAsync(new GovernorAcquireRequest { Registration = job.Provider, JobId = job.Id, WorkerId = WorkerId, ConfiguredLimit = limit, Now = now }, cancellationToken).ConfigureAwait(false);
                JobMetrics.SetLimit(job.Provider, slot.Limit);
                if (slot.Acquired)
                {
                    return SlotWait.Acquired;
                }

                await slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (asking)
            {
                slots.EndTurn();
            }
        }
    }

    private async Task ReconcileAsync(JobRecord job, MotionControlClient client, RunningJob running, CancellationToken cancellationToken)
    {
        if (job.ExternalTaskId is not { } externalId || !client.Capabilities.SupportsExternalTaskId)
        {
            JobLog.OutcomeUnknown(logger, job.Id, job.Provider);
            await FinishAsync(
                job,
                MotionControlJobState.Submitting,
                MotionControlJobState.OutcomeUnknown,
                $"The worker stopped while the create was being sent, and {client.Capabilities.DisplayName} takes no client task id to ask whether it landed; the job is not sent again (that could charge twice). Look for the task in the vendor's console.",
                cancellationToken).ConfigureAwait(false);
            return;
        }

        JobLog.Reconciling(logger, job.Id, externalId);
        if (await client.FindTaskByExternalIdAsync(externalId, cancellationToken).ConfigureAwait(false) is { } found)
        {
            await RecordSubmittedAsync(job, client, found, running, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The vendor provably has no task with this id: the create never landed, so sending it (with the same id, which
        // the vendor deduplicates) cannot make a second task.
        MotionControlRequest request;
        try
        {
            request = await RequestJournal.ReadAsync(job.RequestJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JobMediaChangedException changed)
        {
            await FinishAsync(job, MotionControlJobState.Submitting, MotionControlJobState.Failed, changed.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await ApplyAsync(job, Transition(job, MotionControlJobState.Submitting, MotionControlJobState.Submitting) with { IncrementAttempts = true }, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await SendAsync(job, client, request with { ExternalTaskId = externalId }, running, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(JobRecord job, MotionControlClient client, MotionControlRequest request, RunningJob running, CancellationToken cancellationToken)
    {
        MotionControlTask task;
        try
        {
            task = await client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (MotionControlException refused) when (refused is MotionControlRateLimitedException || refused.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // A definite refusal (the vendor answered, nothing was created): lower the shared limit and try later.
            JobMetrics.RecordRefusal(job.Provider);
            var governor = await store.AdjustLimitAsync(new GovernorAdjustment { Registration = job.Provider, Direction = GovernorDirection.Down, ConfiguredLimit = _options.LimitOf(job.Provider), Now = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            JobMetrics.SetLimit(job.Provider, governor.Limit);
            var delay = refused.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : _options.RefusedCreateDelay;
            JobLog.GovernorLowered(logger, job.Provider, governor.Limit, job.Id, (long)delay.TotalMilliseconds);
            await ApplyAsync(job, Transition(job, MotionControlJobState.Submitting, MotionControlJobState.Pending) with { NotBefore = time.GetUtcNow() + delay, HoldsSlot = false, ReleaseLease = true }, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (MotionControlConnectionException notSent) when (!notSent.RequestSent)
        {
            JobLog.StepRetried(logger, job.Id, notSent.Message);
            await ApplyAsync(job, Transition(job, MotionControlJobState.Submitting, MotionControlJobState.Pending) with { NotBefore = time.GetUtcNow() + _options.RefusedCreateDelay, HoldsSlot = false, ReleaseLease = true }, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (MotionControlSubmissionOutcomeUnknownException unknown)
        {
            if (client.Capabilities.SupportsExternalTaskId && job.ExternalTaskId is not null)
            {
                // The client already looked once; leave the job Submitting for a later claim to reconcile by its id.
                JobLog.StepRetried(logger, job.Id, unknown.Message);
                await TryReleaseAsync(job.Id).ConfigureAwait(false);
                return;
            }

            await FinishAsync(job, MotionControlJobState.Submitting, MotionControlJobState.OutcomeUnknown, unknown.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (MotionControlRequestRejectedException rejected) when (client.Capabilities.SupportsExternalTaskId && job.ExternalTaskId is not null)
        {
            // A worker that held this job before (alive, but its lease ran out while its create was in flight) may have
            // created the task with this very id, and the vendor refuses a second create with it (Kling: "external_task_id
            // already exists"). Ask by the id: adopt the task when it exists; otherwise the refusal stands.
            MotionControlTask? existing;
            try
            {
                existing = await client.FindTaskByExternalIdAsync(job.ExternalTaskId, cancellationToken).ConfigureAwait(false);
            }
            catch (MotionControlException lookupFailed)
            {
                // Unknown either way: leave the job Submitting for a later claim to reconcile by its id.
                JobLog.StepRetried(logger, job.Id, lookupFailed.Message);
                await TryReleaseAsync(job.Id).ConfigureAwait(false);
                return;
            }

            if (existing is null)
            {
                await FinishAsync(job, MotionControlJobState.Submitting, MotionControlJobState.Failed, rejected.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            task = existing;
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // The vendor refused the request (validation, credits, content policy...) or it could not be prepared.
            await FinishAsync(job, MotionControlJobState.Submitting, MotionControlJobState.Failed, failed.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        _hook?.Reached(JobStep.AfterCreateSent, job.Id);
        await RecordSubmittedAsync(job, client, task, running, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordSubmittedAsync(JobRecord job, MotionControlClient client, MotionControlTask task, RunningJob running, CancellationToken cancellationToken)
    {
        var staged = JobMapping.WriteStagedMedia(task.StagedMedia);
        var transition = Transition(job, MotionControlJobState.Submitting, MotionControlJobState.Submitted) with
        {
            TaskId = task.Id,
            TaskJson = JobMapping.WriteTask(task),
            StagedMediaJson = staged,
            ChargeJson = JobMapping.WriteCharge(task.Charge),
            SubmittedAt = time.GetUtcNow(),
        };
        if (!await ApplyAsync(job, transition, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var limit = _options.LimitOf(job.Provider);
        if (await store.GetGovernorAsync(job.Provider, cancellationToken).ConfigureAwait(false) is { } governor && governor.Limit < limit)
        {
            var raised = await store.AdjustLimitAsync(new GovernorAdjustment { Registration = job.Provider, Direction = GovernorDirection.Up, ConfiguredLimit = limit, Now = time.GetUtcNow(), QuietInterval = _options.GovernorQuietInterval }, cancellationToken).ConfigureAwait(false);
            if (raised.Limit > governor.Limit)
            {
                JobLog.GovernorRaised(logger, job.Provider, raised.Limit);
                JobMetrics.SetLimit(job.Provider, raised.Limit);
            }
        }

        await WaitAndFinishAsync(job with { State = MotionControlJobState.Submitted, TaskId = task.Id, TaskJson = transition.TaskJson, StagedMediaJson = staged ?? job.StagedMediaJson }, client, running, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitAndFinishAsync(JobRecord job, MotionControlClient client, RunningJob running, CancellationToken cancellationToken)
    {
        var taskId = job.TaskId!;
        var final = JobMapping.ReadTask(job.TaskJson) is { IsTerminal: true } recorded ? recorded : null;
        var cancelSent = false;
        if (final is null)
        {
            _hook?.Reached(JobStep.DuringWait, job.Id);
        }

        while (final is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var interrupt = running.InterruptToken;
            if (Interlocked.Exchange(ref running.ReportedTaskJson, null) is { } reported && JobMapping.ReadTask(reported) is { IsTerminal: true } update)
            {
                final = update;
                break;
            }

            if (running.CancelRequested && !cancelSent)
            {
                if (!client.Capabilities.SupportsCancel)
                {
                    await FinishAsync(job, MotionControlJobState.Submitted, MotionControlJobState.Canceled, $"Canceled; {client.Capabilities.DisplayName} cannot cancel a task, so task {taskId} was abandoned and may still run (and be billed).", cancellationToken).ConfigureAwait(false);
                    return;
                }

                cancelSent = true;
                var after = await client.CancelAsync(taskId, cancellationToken).ConfigureAwait(false);
                if (after.IsTerminal)
                {
                    final = after;
                    break;
                }
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt);
            try
            {
                final = await client.WaitForCompletionAsync(taskId, _options.WaitOptions, linked.Token).ConfigureAwait(false);
            }
            catch (MotionControlTaskFailedException failed)
            {
                final = failed.Task;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Interrupted by news from the store: look at it.
            }
            catch (MotionControlWaitTimeoutException)
            {
                // One wait's budget ran out; the job waits on (its deadline bounds the submit, not the task).
            }
            catch (MotionControlTaskNotFoundException missing)
            {
                await FinishAsync(job, MotionControlJobState.Submitted, MotionControlJobState.Failed, missing.Message, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var taskJson = JobMapping.WriteTask(final);
        var charge = JobMapping.WriteCharge(final.Charge);
        var end = final.Status switch
        {
            MotionControlTaskStatus.Succeeded => MotionControlJobState.Succeeded,
            MotionControlTaskStatus.Canceled => MotionControlJobState.Canceled,
            _ => MotionControlJobState.Failed,
        };
        var error = end == MotionControlJobState.Succeeded ? null : final.FailureReason ?? $"The task ended {final.Status}.";
        if (end == MotionControlJobState.Succeeded && job.OutputPath is { } outputPath)
        {
            // The task ended: its slot is free before the download, and the terminal task is journaled so a restart
            // goes straight to the download.
            if (!await ApplyAsync(job, Transition(job, MotionControlJobState.Submitted, MotionControlJobState.Submitted) with { TaskJson = taskJson, ChargeJson = charge, HoldsSlot = false, ClearReportedTask = true }, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                await DownloadAsync(job, client, final, outputPath, cancellationToken).ConfigureAwait(false);
            }
            catch (MotionControlException failed)
            {
                end = MotionControlJobState.Failed;
                error = $"The task succeeded but its output could not be downloaded: {failed.Message}";
            }
        }

        if (await ApplyAsync(job, Transition(job, MotionControlJobState.Submitted, end) with { TaskJson = taskJson, ChargeJson = charge, Error = error, HoldsSlot = false, ClearReportedTask = true, ReleaseLease = true }, cancellationToken).ConfigureAwait(false))
        {
            await CleanUpAsync(client, job.StagedMediaJson, final).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads to a temporary file beside the output, then moves it into place: a crash leaves no half video at the path.</summary>
    private async Task DownloadAsync(JobRecord job, MotionControlClient client, MotionControlTask task, string outputPath, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(outputPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = outputPath + "." + job.Id + ".part";
        var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await client.DownloadVideoAsync(task, file, _hook is null ? null : new DownloadProgress(_hook, job.Id), cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, outputPath, overwrite: true);
    }

    private static async Task CleanUpAsync(MotionControlClient client, string? stagedJson, MotionControlTask task)
    {
        var staged = JobMapping.ReadStagedMedia(stagedJson);
        if (staged.Count == 0)
        {
            staged = task.StagedMedia;
        }

        if (staged.Count == 0 || client.GetService(typeof(IMediaCleanup)) is not IMediaCleanup cleanup)
        {
            return;
        }

        foreach (var url in staged)
        {
            try
            {
                await cleanup.DeleteAsync(url, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The job's result stands; the staged object's URL expires anyway and the uploader logs its failure.
            }
        }
    }

    private async Task FinishAsync(JobRecord job, MotionControlJobState expected, MotionControlJobState end, string error, CancellationToken cancellationToken)
    {
        if (end == MotionControlJobState.Failed)
        {
            JobLog.Failed(logger, job.Id, error);
        }

        await ApplyAsync(job, Transition(job, expected, end) with { Error = error, HoldsSlot = false, ReleaseLease = true }, cancellationToken).ConfigureAwait(false);
    }

    private JobTransition Transition(JobRecord job, MotionControlJobState expected, MotionControlJobState next) =>
        new() { JobId = job.Id, WorkerId = WorkerId, ExpectedState = expected, NewState = next, Now = time.GetUtcNow() };

    /// <summary>Applies a compare-and-set; false (and the run stops) when the lease or the expected state was lost.</summary>
    private async Task<bool> ApplyAsync(JobRecord job, JobTransition transition, CancellationToken cancellationToken)
    {
        // A terminal write must land even while stopping: the work it records is done.
        var token = transition.ReleaseLease ? CancellationToken.None : cancellationToken;
        if (transition.ReleaseLease)
        {
            MarkReleasing(job.Id);
        }

        if (!await store.TransitionAsync(transition, token).ConfigureAwait(false))
        {
            JobLog.LeaseLost(logger, WorkerId, job.Id);
            return false;
        }

        if (transition.HoldsSlot == false)
        {
            Pulse(job.Provider).Pulse();
        }

        if (transition.NewState != transition.ExpectedState)
        {
            JobMetrics.RecordTransition(job.Provider, transition.NewState);
            JobLog.StateChanged(logger, job.Id, transition.NewState, transition.TaskId ?? job.TaskId);
        }

        return true;
    }

    private SlotPulse Pulse(string provider) => _pulses.GetOrAdd(provider, static _ => new SlotPulse());

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
