using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MotionControl.Tests.TestSupport;

/// <summary>
/// Log records of a <see cref="FakeLogCollector"/> as one line each: level, category, the formatted message, every
/// structured value and the whole exception text, so a check that a secret never appears looks at all of them.
/// </summary>
internal static class LogLines
{
    /// <summary>A logger factory that sends every level (Trace up) to <paramref name="collector"/>.</summary>
    public static ILoggerFactory Factory(FakeLogCollector collector) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));

    /// <summary>Every record collected so far, as <see cref="Line"/>s.</summary>
    public static IReadOnlyList<string> Lines(this FakeLogCollector collector) => [.. collector.GetSnapshot().Select(Line)];

    /// <summary><c>{Level} {Category}: {Message} [{Key}={Value}, …] {Exception}</c>.</summary>
    public static string Line(FakeLogRecord record) =>
        $"{record.Level} {record.Category}: {record.Message} [{Values(record)}] {record.Exception?.ToString()}";

    /// <summary>The record's structured values (FakeLogger keeps a state that is not a list of pairs as its string).</summary>
    public static string Values(FakeLogRecord record) => record.State switch
    {
        null => string.Empty,
        IReadOnlyList<KeyValuePair<string, string?>> => string.Join(", ", record.StructuredState!.Select(p => $"{p.Key}={p.Value}")),
        var other => other.ToString() ?? string.Empty,
    };
}
