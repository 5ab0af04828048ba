namespace MotionControl.Media;

/// <summary>
/// The duration rules of an MP4/MOV: what the walker learned about time (the movie header, <c>mehd</c>, the tracks'
/// fragment ends, the segment index), and the one duration they give. No reads: the walker feeds it facts, so each
/// rule is tested without bytes.
/// </summary>
internal sealed class Mp4Timeline
{
    private readonly Dictionary<uint, uint> _trexDefaultDuration = [];
    private readonly Dictionary<uint, ulong> _fragmentEnd = [];
    private Mp4Clock _movie;
    private Mp4Clock _segmentIndex;

    /// <summary>True once the movie header (<c>mvhd</c>) was read.</summary>
    public bool HasMovieHeader { get; private set; }

    /// <summary>True when the movie is fragmented (its <c>moov</c> has an <c>mvex</c>).</summary>
    public bool IsFragmented { get; set; }

    /// <summary>True once a segment index (<c>sidx</c>) was read: only the first counts.</summary>
    public bool HasSegmentIndex { get; private set; }

    /// <summary>The movie extends header's duration (<c>mehd</c>), in the movie's time scale; 0 when absent.</summary>
    public ulong MovieExtendsDuration { get; set; }

    /// <summary>The movie header's clock (<see cref="ulong.MaxValue"/> ticks when it says "unknown").</summary>
    public void SetMovieHeader(Mp4Clock movie)
    {
        _movie = movie;
        HasMovieHeader = true;
    }

    /// <summary>A track's default sample duration in fragments (<c>trex</c>).</summary>
    public void SetTrackDefaults(uint trackId, uint defaultDuration) => _trexDefaultDuration[trackId] = defaultDuration;

    /// <summary>The segment index: its time scale and the sum of its references' durations.</summary>
    public void SetSegmentIndex(uint timescale, ulong duration)
    {
        _segmentIndex = new(timescale, duration);
        HasSegmentIndex = true;
    }

    /// <summary>The duration of a run's samples that carry none of their own: the fragment's default, else the track's.</summary>
    public uint DefaultSampleDuration(Mp4TrackFragment traf) =>
        traf.DefaultDuration ?? (_trexDefaultDuration.TryGetValue(traf.TrackId, out var trexDuration) ? trexDuration : 0);

    /// <summary>
    /// Ends a track fragment: it starts at its <c>tfdt</c> decode time when given, else where the track's previous
    /// fragment ended (the first one after the samples the <c>moov</c> itself describes); the track's end is the latest.
    /// </summary>
    public void EndTrackFragment(Mp4TrackFragment traf, IReadOnlyList<Mp4Track> tracks)
    {
        if (!traf.HasRuns)
        {
            return;
        }

        _fragmentEnd.TryGetValue(traf.TrackId, out var previousEnd);
        if (previousEnd == 0)
        {
            previousEnd = Find(tracks, traf.TrackId)?.MediaDuration ?? 0;
        }

        var start = traf.DecodeTime ?? previousEnd;
        if (start > ulong.MaxValue - traf.Duration)
        {
            throw new MediaProblemException("a movie fragment ('traf') gives an impossible decode time");
        }

        var end = start + traf.Duration;
        _fragmentEnd[traf.TrackId] = Math.Max(previousEnd, end);
    }

    /// <summary>
    /// The movie's length: mvhd's when it has one; for a fragmented file (mvex), the longest of mvhd, mehd and the
    /// tracks' fragment ends, falling back to the segment index.
    /// </summary>
    public TimeSpan Duration(IReadOnlyList<Mp4Track> tracks)
    {
        var known = _movie.Duration != ulong.MaxValue;
        if (!IsFragmented)
        {
            if (!known)
            {
                throw new MediaProblemException("its movie header gives no duration (it says 'unknown', as a recording still in progress does)");
            }

            return ToTime(_movie.Duration, _movie.Timescale, "mvhd");
        }

        var best = known && _movie.Duration > 0 ? ToTime(_movie.Duration, _movie.Timescale, "mvhd") : TimeSpan.Zero;
        if (MovieExtendsDuration > 0)
        {
            best = Max(best, ToTime(MovieExtendsDuration, _movie.Timescale, "mehd"));
        }

        foreach (var (trackId, end) in _fragmentEnd)
        {
            if (Find(tracks, trackId) is { } track && end > 0)
            {
                best = Max(best, ToTime(end, track.MediaTimescale, "mdhd"));
            }
        }

        if (best == TimeSpan.Zero && HasSegmentIndex && _segmentIndex.Duration > 0)
        {
            best = ToTime(_segmentIndex.Duration, _segmentIndex.Timescale, "sidx");
        }

        if (best == TimeSpan.Zero)
        {
            throw new MediaProblemException("it is a fragmented MP4 whose header gives no duration and which holds no movie fragments ('moof') with samples");
        }

        return best;
    }

    /// <summary>A duration in ticks of <paramref name="timescale"/> as a <see cref="TimeSpan"/>, refusing a zero scale and overflow.</summary>
    public static TimeSpan ToTime(ulong duration, uint timescale, string box)
    {
        if (timescale == 0)
        {
            throw new MediaProblemException($"its '{box}' box gives a time scale of 0, so its duration cannot be known");
        }

        var ticks = (UInt128)duration * TimeSpan.TicksPerSecond / timescale;
        if (ticks > (UInt128)TimeSpan.MaxValue.Ticks)
        {
            throw new MediaProblemException($"its '{box}' box gives an impossible duration");
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    private static Mp4Track? Find(IReadOnlyList<Mp4Track> tracks, uint trackId)
    {
        foreach (var track in tracks)
        {
            if (track.TrackId == trackId)
            {
                return track;
            }
        }

        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
