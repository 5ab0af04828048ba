using System.Text;
using System.Text.Json;
using MotionControl.Http;
using MotionControl.Serialization;
using static MotionControl.Serialization.WireTokens;

namespace MotionControl.Providers.Vydra;

/// <summary>
/// Reads Vydra's create reply and job for the neutral client straight from their bytes with System.Text.Json's
/// <see cref="Utf8JsonReader"/>: HTTP 2xx and the documented members with the tokens their DTO members accept, each once.
/// Anything else, including every reply the DTOs would refuse, is not read here (<see langword="false"/>), and goes
/// through the DTO path as before, so errors, their messages and every edge case stay that path's.
/// </summary>
/// <remarks>
/// Written by hand for the same reason as Kling's <c>KlingTaskReader</c>: the DTOs are immutable public records, which
/// System.Text.Json's source-generated metadata fills through its constructor-argument path (argument state, an
/// argument array, a boxed value per number and time), and the create reply's <c>input</c> is cloned into a
/// <see cref="JsonDocument"/> the neutral task never reads. The result is what the neutral mapping reads
/// (<see cref="VydraCreatedRead"/>, <see cref="VydraJobRead"/>, aliases resolved as the DTOs' getters resolve them), and
/// nothing else: <c>input</c>, <c>externalJobId</c> and <c>workflowSlug</c> are checked, not kept, and the texts a
/// failure reason is made from (<c>message</c>, <c>statusMessage</c>) are made into strings only for a job that failed
/// or was cancelled.
/// </remarks>
internal static class VydraReplyReader
{
    /// <summary>Vydra's status words, so the usual ones cost no string per reply.</summary>
    private static readonly string[] KnownStatuses = ["pending", "running", "processing", "completed", "failed", "error", "cancelled"];

    // The members each object's DTO knows, in the order the readers below switch on.
    private static readonly string[] CreatedMembers = ["jobId", "id", "status", "message", "creditsCharged", "externalJobId", "input"];
    private static readonly string[] JobMembers =
        ["id", "jobId", "status", "progress", "statusMessage", "error", "creditsCharged", "workflowSlug", "output", "videoUrl", "createdAt", "updatedAt", "completedAt", "message", "url"];

    private static readonly string[] OutputMembers = ["videoUrl", "url", "durationSeconds"];

    /// <summary>Reads a create reply for the neutral task; <see langword="false"/> sends it to the DTO path.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="created">Its job id, status, credits, and (for a failed job) message.</param>
    /// <returns>True when read.</returns>
    public static bool TryReadCreated(VendorReply reply, out VydraCreatedRead created)
    {
        created = default;
        try
        {
            return reply.IsSuccessStatusCode && TryReadCreated(reply.Json, out created);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not text: the DTO path says what is wrong with it.
            return false;
        }
    }

    /// <summary>Reads a job for the neutral task; <see langword="false"/> sends it to the DTO path.</summary>
    /// <param name="reply">The reply (to a read of <see cref="VendorCallContext.TaskId"/>, whose id is reused when echoed).</param>
    /// <param name="job">What the neutral task is made of.</param>
    /// <returns>True when read.</returns>
    public static bool TryReadJob(VendorReply reply, out VydraJobRead job)
    {
        job = default;
        try
        {
            return reply.IsSuccessStatusCode && TryReadJob(reply.Json, reply.Context.TaskId, out job);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadCreated(ReadOnlyMemory<byte> json, out VydraCreatedRead created)
    {
        created = default;
        var reader = new Utf8JsonReader(json.Span);
        if (!StartRoot(ref reader))
        {
            return false;
        }

        var seen = 0;
        string? jobId = null, idAlias = null, status = null;
        double? credits = null;
        var message = default(DeferredText);
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, CreatedMembers, ref seen) switch
            {
                Unknown => true,
                0 => Text(ref reader, out jobId),
                1 => Text(ref reader, out idAlias),
                2 => KnownText(ref reader, KnownStatuses, out status),
                3 => message.Read(ref reader, json),
                4 => Double(ref reader, out credits),
                5 => SkipText(ref reader),

                // input: any JSON value (the DTO keeps it as an element).
                6 => Skipped(ref reader),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        // A reply without a job id is the DTO path's protocol error.
        if (!EndRoot(ref reader) || WireAlias.Text(jobId, idAlias) is not { } id)
        {
            return false;
        }

        created = new VydraCreatedRead
        {
            JobId = id,
            Status = status,
            Message = VydraJob.HasFailed(status) ? message.Text : null,
            CreditsCharged = credits,
        };
        return true;
    }

    private static bool TryReadJob(ReadOnlyMemory<byte> json, string? knownId, out VydraJobRead job)
    {
        job = default;
        var reader = new Utf8JsonReader(json.Span);
        if (!StartRoot(ref reader))
        {
            return false;
        }

        var seen = 0;
        string? id = null, jobIdAlias = null, status = null, error = null;
        double? progress = null, credits = null, duration = null;
        DateTimeOffset? createdAt = null, updatedAt = null, completedAt = null;
        Uri? videoUrl = null, urlAlias = null, outputUrl = null;
        var statusMessage = default(DeferredText);
        var messageAlias = default(DeferredText);
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, JobMembers, ref seen) switch
            {
                Unknown => true,
                0 => KnownId(ref reader, knownId, out id),
                1 => KnownId(ref reader, knownId, out jobIdAlias),
                2 => KnownText(ref reader, KnownStatuses, out status),
                3 => Double(ref reader, out progress),
                4 => statusMessage.Read(ref reader, json),

                // error: a string or null; an object or array is the DTO's converter's to read.
                5 => Text(ref reader, out error),
                6 => Double(ref reader, out credits),
                7 => SkipText(ref reader),
                8 => Output(ref reader, out outputUrl, out duration),
                9 => AbsoluteUrl(ref reader, out videoUrl),
                10 => Time(ref reader, out createdAt),
                11 => Time(ref reader, out updatedAt),
                12 => Time(ref reader, out completedAt),
                13 => messageAlias.Read(ref reader, json),
                14 => AbsoluteUrl(ref reader, out urlAlias),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (!EndRoot(ref reader))
        {
            return false;
        }

        // The aliases resolved as VydraJob's getters resolve them.
        var failed = VydraJob.HasFailed(status);
        job = new VydraJobRead
        {
            Id = WireAlias.Text(id, jobIdAlias),
            Status = status,
            Error = VydraJob.ErrorOf(error, status, failed ? statusMessage.Text : null, failed ? messageAlias.Text : null),
            VideoUrl = outputUrl ?? videoUrl ?? urlAlias,
            DurationSeconds = duration,
            Progress = progress,
            CreditsCharged = credits,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            CompletedAt = completedAt,
        };

        // A completed job without a URL is the DTO path's (transient) protocol error.
        return !(string.Equals(status, "completed", StringComparison.OrdinalIgnoreCase) && job.VideoUrl is null);
    }

    /// <summary>
    /// <c>output</c>: null, or an object with <c>videoUrl</c>, <c>url</c> (URLs: <paramref name="url"/> is the first, as
    /// <see cref="VydraJobOutput.VideoUrl"/> resolves them) and <c>durationSeconds</c> (a number).
    /// </summary>
    private static bool Output(ref Utf8JsonReader reader, out Uri? url, out double? duration)
    {
        url = null;
        duration = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var seen = 0;
        Uri? videoUrl = null, urlAlias = null;
        while (NextProperty(ref reader))
        {
            var ok = Member(ref reader, OutputMembers, ref seen) switch
            {
                Unknown => true,
                0 => AbsoluteUrl(ref reader, out videoUrl),
                1 => AbsoluteUrl(ref reader, out urlAlias),
                2 => Double(ref reader, out duration),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        url = videoUrl ?? urlAlias;
        return true;
    }

    /// <summary>Skips any JSON value (the reader on its first token).</summary>
    private static bool Skipped(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    /// <summary>A <c>string?</c> id (a string or null): <paramref name="known"/> when the string equals it (no copy), else the string.</summary>
    private static bool KnownId(ref Utf8JsonReader reader, string? known, out string? text)
    {
        if (reader.TokenType == JsonTokenType.String && known is not null && reader.ValueTextEquals(known))
        {
            text = known;
            return true;
        }

        return Text(ref reader, out text);
    }

    /// <summary>
    /// A <c>string?</c> member needed only for a failed job, whose status may come after it: checked now, kept as its
    /// bytes (valid UTF-8, unescaped), and made into a string only when asked for.
    /// </summary>
    private struct DeferredText
    {
        private ReadOnlyMemory<byte> _utf8;
        private string? _text;

        /// <summary>The member's text; <see langword="null"/> for null (or when absent).</summary>
        public readonly string? Text => _text ?? (_utf8.IsEmpty ? null : Encoding.UTF8.GetString(_utf8.Span));

        /// <summary>Reads the value; false for a token the DTO member would refuse.</summary>
        public bool Read(ref Utf8JsonReader reader, ReadOnlyMemory<byte> json)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0)
            {
                _utf8 = json.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                return System.Text.Unicode.Utf8.IsValid(_utf8.Span);
            }

            return WireTokens.Text(ref reader, out _text);
        }
    }
}
