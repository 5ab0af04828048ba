using MotionControl.Media;

namespace MotionControl.Tests.Media;

/// <summary>The MP4 duration rules (<see cref="Mp4Timeline"/>) from facts alone, without bytes.</summary>
public class Mp4TimelineTests
{
    private static readonly Mp4Track Video = new() { TrackId = 1, Handler = Mp4BoxHeader.Vide, MediaTimescale = 1000, MediaDuration = 0 };

    [Fact]
    public void A_plain_movie_lasts_what_its_movie_header_says()
    {
        var timeline = new Mp4Timeline();
        timeline.SetMovieHeader(new Mp4Clock(600, 600 * 12));
        timeline.MovieExtendsDuration = 600 * 40; // ignored without mvex
        Assert.Equal(TimeSpan.FromSeconds(12), timeline.Duration([Video]));
    }

    [Fact]
    public void A_plain_movie_with_an_unknown_duration_is_refused()
    {
        var timeline = new Mp4Timeline();
        timeline.SetMovieHeader(new Mp4Clock(600, ulong.MaxValue));
        var error = Assert.Throws<MediaProblemException>(() => timeline.Duration([Video]));
        Assert.Contains("gives no duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragmented_movie_lasts_the_longest_of_mvhd_mehd_and_its_fragments()
    {
        var timeline = new Mp4Timeline { IsFragmented = true, MovieExtendsDuration = 600 * 5 };
        timeline.SetMovieHeader(new Mp4Clock(600, 600 * 2));
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasTrackId = true, HasRuns = true, Duration = 4000 }, [Video]);
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasTrackId = true, HasRuns = true, Duration = 3000 }, [Video]);
        Assert.Equal(TimeSpan.FromSeconds(7), timeline.Duration([Video]));
    }

    [Fact]
    public void A_fragment_with_a_decode_time_starts_there_and_the_track_keeps_its_latest_end()
    {
        var timeline = new Mp4Timeline { IsFragmented = true };
        timeline.SetMovieHeader(new Mp4Clock(1000, 0));
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasRuns = true, DecodeTime = 9000, Duration = 1000 }, [Video]);
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasRuns = true, DecodeTime = 0, Duration = 1000 }, [Video]);
        Assert.Equal(TimeSpan.FromSeconds(10), timeline.Duration([Video]));
    }

    [Fact]
    public void The_first_fragment_follows_the_samples_the_moov_describes_and_empty_fragments_count_for_nothing()
    {
        var track = new Mp4Track { TrackId = 1, Handler = Mp4BoxHeader.Vide, MediaTimescale = 1000, MediaDuration = 2000 };
        var timeline = new Mp4Timeline { IsFragmented = true };
        timeline.SetMovieHeader(new Mp4Clock(1000, 0));
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasRuns = false, Duration = 50_000 }, [track]);
        timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasRuns = true, Duration = 1500 }, [track]);
        Assert.Equal(TimeSpan.FromSeconds(3.5), timeline.Duration([track]));
    }

    [Fact]
    public void A_fragmented_movie_with_nothing_else_falls_back_to_its_segment_index()
    {
        var timeline = new Mp4Timeline { IsFragmented = true };
        timeline.SetMovieHeader(new Mp4Clock(1000, 0));
        timeline.SetSegmentIndex(90_000, 90_000 * 6);
        Assert.True(timeline.HasSegmentIndex);
        Assert.Equal(TimeSpan.FromSeconds(6), timeline.Duration([Video]));
    }

    [Fact]
    public void A_fragmented_movie_without_any_duration_is_refused()
    {
        var timeline = new Mp4Timeline { IsFragmented = true };
        timeline.SetMovieHeader(new Mp4Clock(1000, 0));
        var error = Assert.Throws<MediaProblemException>(() => timeline.Duration([Video]));
        Assert.Contains("holds no movie fragments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_its_own_durations_uses_the_fragment_default_then_the_track_default()
    {
        var timeline = new Mp4Timeline();
        timeline.SetTrackDefaults(1, 40);
        Assert.Equal(25u, timeline.DefaultSampleDuration(new Mp4TrackFragment { TrackId = 1, DefaultDuration = 25 }));
        Assert.Equal(40u, timeline.DefaultSampleDuration(new Mp4TrackFragment { TrackId = 1 }));
        Assert.Equal(0u, timeline.DefaultSampleDuration(new Mp4TrackFragment { TrackId = 2 }));
    }

    [Fact]
    public void An_impossible_decode_time_is_refused()
    {
        var timeline = new Mp4Timeline { IsFragmented = true };
        var error = Assert.Throws<MediaProblemException>(() =>
            timeline.EndTrackFragment(new Mp4TrackFragment { TrackId = 1, HasRuns = true, DecodeTime = ulong.MaxValue - 1, Duration = 2 }, [Video]));
        Assert.Equal("a movie fragment ('traf') gives an impossible decode time", error.Message);
    }

    [Theory]
    [InlineData(0UL, 0u, "its 'mvhd' box gives a time scale of 0, so its duration cannot be known")]
    [InlineData(ulong.MaxValue, 1u, "its 'mvhd' box gives an impossible duration")]
    public void Ticks_are_converted_only_when_they_can_be(ulong duration, uint timescale, string message) =>
        Assert.Equal(message, Assert.Throws<MediaProblemException>(() => Mp4Timeline.ToTime(duration, timescale, "mvhd")).Message);
}
