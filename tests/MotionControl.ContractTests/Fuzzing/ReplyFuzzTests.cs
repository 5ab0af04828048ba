using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace MotionControl.ContractTests.Fuzzing;

/// <summary>
/// Property-based reply fuzzing: for every vendor × endpoint the SDK reads, 1,000 mutations of the documented replies
/// (<see cref="ReplyMutators"/>) are served from memory to the typed API and the neutral client, and each must end in a
/// result or a <see cref="MotionControlException"/> (<see cref="ReplyProperty"/>).
/// </summary>
/// <remarks>
/// Deterministic: the cases come from a fixed PCG stream per endpoint, so CI runs the same 13,000 cases every time.
/// <c>CsCheck_Seed</c> (a seed CsCheck printed) replays that exact case first and seeds the rest of the run from it;
/// <c>CsCheck_Iter</c> changes the number of cases. On a failure, every distinct failure (exception and SDK frame) is
/// written with its smallest reply, and CsCheck shrinks from the first failing case: the test fails with the shrunk
/// reply, its seed, and the exception as the inner exception.
/// </remarks>
public sealed class ReplyFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 1_000;

    /// <summary>Further cases CsCheck tries after the first failing one, keeping the simplest failure.</summary>
    private const int ShrinkCases = 2_000;

    /// <summary>The fixed seed of the CI run (ASCII "MCFUZZ01"); each endpoint draws from its own stream of it.</summary>
    private const ulong RunSeed = 0x4D43_4655_5A5A_3031;

    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var (vendor, endpoint) in FuzzTargets.All)
        {
            data.Add(vendor, endpoint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_mutated_reply_ends_in_a_result_or_a_MotionControlException(string vendor, string endpoint)
    {
        var target = FuzzTargets.Get(vendor, endpoint);
        ReplyMutators.AssertSeedsParse(target.Seeds);
        var replies = ReplyMutators.Replies(target.Seeds, target.Secrets, target.Names);
        var cases = Environment.GetEnvironmentVariable("CsCheck_Iter") is { Length: > 0 } iter ? int.Parse(iter, CultureInfo.InvariantCulture) : DefaultCases;
        var replay = Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } seed ? seed : null;
        var run = replay is null ? new PCG(Stream(vendor, endpoint), RunSeed) : PCG.Parse(replay);

        var watch = Stopwatch.StartNew();
        var failures = 0;
        string? firstFailure = null;
        var smallest = new SortedDictionary<string, (FuzzReply Reply, Violation Violation, string Seed)>(StringComparer.Ordinal);
        for (var i = 0; i < cases; i++)
        {
            var pcg = i == 0 && replay is not null ? PCG.Parse(replay) : new PCG(run.Next(), run.Next64());
            var caseSeed = pcg.ToString();
            var reply = replies.Generate(pcg, null, out _);
            if (await ReplyProperty.CheckAsync(target, reply) is not { } violation)
            {
                continue;
            }

            failures++;
            firstFailure ??= caseSeed;
            if (!smallest.TryGetValue(violation.Signature, out var known) || reply.Body.Length < known.Reply.Body.Length)
            {
                smallest[violation.Signature] = (reply, violation, caseSeed);
            }
        }

        output.WriteLine($"fuzz {vendor} {endpoint}: {cases} cases, {failures} failures ({watch.Elapsed.TotalSeconds:0.0} s)");
        if (firstFailure is null)
        {
            return;
        }

        foreach (var (signature, (reply, violation, caseSeed)) in smallest)
        {
            output.WriteLine(string.Empty);
            output.WriteLine($"FAILURE {signature} — smallest reply (CsCheck_Seed={caseSeed}):");
            output.WriteLine(reply.ToString());
            output.WriteLine(violation.Detail);
        }

        // CsCheck shrinks from the first failing case and throws with the simplest failing reply it finds.
        await replies.SampleAsync(
            async reply =>
            {
                if (await ReplyProperty.CheckAsync(target, reply) is { } violation)
                {
                    throw new ReplyPropertyException(violation.Detail);
                }
            },
            seed: firstFailure,
            iter: ShrinkCases,
            threads: 1,
            print: reply => Environment.NewLine + reply);
        Assert.Fail($"{failures} of {cases} cases failed, but the first (CsCheck_Seed={firstFailure}) passed when replayed: the SDK's outcome is not deterministic.");
    }

    /// <summary>A stable stream number per endpoint (FNV-1a of its name), so each draws different cases from the one seed.</summary>
    private static uint Stream(string vendor, string endpoint)
    {
        var hash = 2166136261u;
        foreach (var c in $"{vendor}/{endpoint}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

/// <summary>A case that broke <see cref="ReplyProperty"/>: the message says how, with the exception and its stack.</summary>
public sealed class ReplyPropertyException(string message) : Exception(message);
