namespace MotionControl.Media;

/// <summary>One <c>traf</c> (a track's part of a movie fragment) while it is read: its track and summed sample durations.</summary>
internal sealed class Mp4TrackFragment
{
    public uint TrackId { get; set; }

    /// <summary>True once the fragment's <c>tfhd</c> named its track.</summary>
    public bool HasTrackId { get; set; }

    /// <summary>The tfhd default sample duration, when given (else the track's trex default applies).</summary>
    public uint? DefaultDuration { get; set; }

    /// <summary>The tfdt base media decode time: where this fragment starts on the track's timeline, when given.</summary>
    public ulong? DecodeTime { get; set; }

    /// <summary>The sum of this fragment's sample durations, in the track's media time scale.</summary>
    public ulong Duration { get; set; }

    /// <summary>True once a trun was read.</summary>
    public bool HasRuns { get; set; }
}
