namespace MotionControl.Testing;

/// <summary>Settings of a <see cref="MotionControlEmulator"/>, fixed when it starts.</summary>
public sealed class MotionControlEmulatorOptions
{
    /// <summary>
    /// Gets the clock for task timestamps, JWT <c>exp</c>/<c>nbf</c> checks, timed lifecycle phases and
    /// <see cref="EmulatorFault.Delay"/>. Defaults to <see cref="TimeProvider.System"/>; to run in virtual time, pass a
    /// clock that moves only when told to, such as <c>FakeTimeProvider</c> from the Microsoft.Extensions.TimeProvider.Testing
    /// package, and share it with the code under test.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the credentials the emulator accepts: the default account and any <see cref="EmulatorCredentials.AdditionalAccounts"/>.</summary>
    public EmulatorCredentials Credentials { get; init; } = new();

    /// <summary>Gets the lifecycle of tasks for which nothing was scripted with <see cref="MotionControlEmulator.EnqueueLifecycle"/>. Defaults to <see cref="TaskLifecycle.Default"/>.</summary>
    public TaskLifecycle DefaultLifecycle { get; init; } = TaskLifecycle.Default;

    /// <summary>
    /// Gets a value indicating whether the request log hides secrets: the <c>Authorization</c> value becomes
    /// <c>Bearer ***</c>, ModelsLab's body <c>key</c> becomes <c>***</c>, and every key of every account (the default
    /// one and <see cref="EmulatorCredentials.AdditionalAccounts"/>) becomes <c>***</c> wherever else it occurs in a
    /// header, the path, the query or the body. Defaults to true.
    /// </summary>
    public bool RedactSecrets { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether a Kling motion-control create that binds an element (legacy
    /// <c>element_list[].element_id</c>, API 2.0 <c>{"type": "element", "element_id": …}</c>) must name one that exists
    /// for the caller's account: a custom element whose creation task has succeeded and that was not deleted, or one
    /// of the emulator's preset elements. Otherwise the create answers 400 with code 1201 "element not found".
    /// Defaults to false: any well-formed element id is taken, as before the emulator served elements.
    /// </summary>
    public bool RequireKnownElements { get; init; }

    /// <summary>
    /// Gets the balance each account starts with, per provider (an <see cref="EmulatorProviders"/> name), in the vendor's
    /// unit: Kling and PowerTokens units, ModelsLab, AIMLAPI and fal dollars, Vydra credits. A provider named here also
    /// <b>enforces</b> it: once an account's balance is spent (zero or below), its next create is refused with the
    /// vendor's out-of-credits reply (Kling 1102, PowerTokens 402, ModelsLab 402, AIMLAPI 403, Vydra 402
    /// <c>INSUFFICIENT_CREDITS</c>, fal 403 "Exhausted balance", Replicate 402), and nothing is created. Every succeeded job
    /// takes its charge (Kling 5 units, 10 in <c>pro</c>; Vydra 40 credits; ModelsLab $0.50; AIMLAPI $0.63; fal $0.35;
    /// Replicate nothing, since it has no balance to read). A provider not named starts at its documented
    /// example balance and never refuses. Empty by default.
    /// </summary>
    /// <remarks>
    /// <code>
    /// // One Vydra job's worth of credits: the first job runs, the next create answers 402 INSUFFICIENT_CREDITS.
    /// new MotionControlEmulatorOptions { StartingBalances = new Dictionary&lt;string, decimal&gt; { [EmulatorProviders.Vydra] = 40 } }
    /// </code>
    /// </remarks>
    public IReadOnlyDictionary<string, decimal> StartingBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>
    /// Gets the most tasks one account may have running at once with one provider, or null (the default) for no limit.
    /// A create beyond it is refused the way the vendor refuses over-limit work, and nothing is created: Kling and
    /// PowerTokens answer HTTP 429 with code 1303 ("parallel task over resource pack limit"), Vydra its rate-limit reply
    /// (HTTP 429 <c>RATE_LIMIT_EXCEEDED</c>, <c>retryAfter</c> 1 s). Other providers do not apply it. A task counts as running
    /// as for <see cref="MotionControlEmulator.RunningTaskCount"/>: from its create until a read or cancel first sees it
    /// terminal, so <see cref="MotionControlEmulator.ConcurrentTaskHighWaterMark"/> never passes the limit.
    /// </summary>
    public int? MaxConcurrentTasksPerAccount { get; init; }

    /// <summary>Gets the loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }
}
