using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace MotionControl.Media;

/// <summary>
/// Reads the facts the pre-flight needs from an ISO-BMFF (MP4) or QuickTime (MOV) file by walking its box headers:
/// duration from <c>mvhd</c> (or, for fragmented files, <c>mehd</c>, the <c>moof</c>/<c>traf</c>/<c>trun</c> sample
/// durations, or <c>sidx</c>), and the video track's displayed size from <c>tkhd</c> with its rotation matrix applied.
/// </summary>
/// <remarks>
/// Only the boxes on the path to those facts are read; <c>mdat</c> and sample tables are stepped over by their sizes,
/// so a 100 MB file with its <c>moov</c> at the end costs a few kilobytes of reads. Every size is checked against its
/// parent and the file, and depth, box count, sample count and header bytes are bounded (<see cref="MediaReadLimits"/>):
/// a corrupt file ends in a <see cref="MediaProblemException"/> naming the box, never in an unbounded loop or read.
/// The walker only reads: each box's fields are parsed by <see cref="Mp4BoxParsers"/> and the duration is decided by
/// <see cref="Mp4Timeline"/>.
/// </remarks>
internal sealed class Mp4BoxWalker
{
    // The largest fixed part read from any leaf box: tkhd version 1 (96 bytes) and the stsd's first visual entry (44).
    private const int LeafBytes = 128;

    private readonly MediaReadCursor _cursor;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _leaf = new byte[LeafBytes];
    private readonly List<Mp4Track> _tracks = [];
    private readonly Mp4Timeline _timeline = new();

    private int _boxes;
    private long _fragmentSamples;
    private bool _hasMoov;

    private Mp4BoxWalker(MediaReadCursor cursor, CancellationToken cancellationToken)
    {
        _cursor = cursor;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The video's duration, displayed size and rotation.</summary>
    public static async Task<(TimeSpan Duration, int Width, int Height, int Rotation)> ReadAsync(MediaReadCursor cursor, CancellationToken cancellationToken)
    {
        var reader = new Mp4BoxWalker(cursor, cancellationToken);
        await reader.WalkTopLevelAsync().ConfigureAwait(false);
        return reader.Outcome();
    }

    private async Task WalkTopLevelAsync()
    {
        var end = _cursor.Length ?? long.MaxValue;
        long position = 0;
        uint lastType = 0;
        while (position < end)
        {
            var box = await ReadHeaderAsync(position, end, parent: null).ConfigureAwait(false);
            if (box is not { } header)
            {
                break;
            }

            lastType = header.Type;

            switch (header.Type)
            {
                case Mp4BoxHeader.Moov when !_hasMoov:
                    _hasMoov = true;
                    await WalkChildrenAsync(header, 1, null).ConfigureAwait(false);
                    break;
                case Mp4BoxHeader.Moof:
                    await WalkChildrenAsync(header, 1, null).ConfigureAwait(false);
                    break;
                case Mp4BoxHeader.Sidx when !_timeline.HasSegmentIndex:
                    await ReadSidxAsync(header).ConfigureAwait(false);
                    break;
            }

            position = header.End;
        }

        // A non-seekable stream only shows where it ends when a skip runs into its end.
        if (_cursor.KnownEnd is { } knownEnd && knownEnd < position && position != long.MaxValue && IsEssential(lastType))
        {
            throw Truncated(knownEnd, position);
        }
    }

    /// <summary>Walks the children of a container box, descending only along the paths to the facts.</summary>
    private async Task WalkChildrenAsync(Mp4BoxHeader parent, int depth, Mp4Track? track)
    {
        if (depth > MediaReadLimits.MaxBoxDepth)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"boxes are nested more than {MediaReadLimits.MaxBoxDepth} deep at '{parent.Name}' (byte {parent.Start:N0})"));
        }

        var traf = parent.Type == Mp4BoxHeader.Traf ? new Mp4TrackFragment() : null;
        var position = parent.ContentStart;

        // Fewer than 8 bytes left cannot hold a box: QuickTime ends some atoms with a 4-byte zero terminator.
        while (parent.End - position >= 8)
        {
            var box = await ReadHeaderAsync(position, parent.End, parent).ConfigureAwait(false);
            if (box is not { } child)
            {
                break;
            }

            switch ((parent.Type, child.Type))
            {
                case (Mp4BoxHeader.Moov, Mp4BoxHeader.Mvhd):
                    await ReadMvhdAsync(child).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Moov, Mp4BoxHeader.Trak):
                    var newTrack = new Mp4Track();
                    _tracks.Add(newTrack);
                    await WalkChildrenAsync(child, depth + 1, newTrack).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Moov, Mp4BoxHeader.Mvex):
                    _timeline.IsFragmented = true;
                    await WalkChildrenAsync(child, depth + 1, null).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Moov, Mp4BoxHeader.Cmov):
                    throw new MediaProblemException("its movie header is compressed ('cmov', an old QuickTime option the SDK does not read); re-save the video as MP4");
                case (Mp4BoxHeader.Mvex, Mp4BoxHeader.Mehd):
                    await ReadMehdAsync(child).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Mvex, Mp4BoxHeader.Trex):
                    await ReadTrexAsync(child).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Trak, Mp4BoxHeader.Tkhd) when track is not null:
                    await ReadTkhdAsync(child, track).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Trak, Mp4BoxHeader.Mdia):
                case (Mp4BoxHeader.Mdia, Mp4BoxHeader.Minf):
                case (Mp4BoxHeader.Minf, Mp4BoxHeader.Stbl):
                case (Mp4BoxHeader.Moof, Mp4BoxHeader.Traf):
                    await WalkChildrenAsync(child, depth + 1, track).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Mdia, Mp4BoxHeader.Mdhd) when track is not null:
                    await ReadMdhdAsync(child, track).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Mdia, Mp4BoxHeader.Hdlr) when track is not null:
                    var hdlr = await ReadLeafAsync(child, Mp4BoxParsers.HdlrMinimum).ConfigureAwait(false);
                    track.Handler = Mp4BoxParsers.Hdlr(hdlr.Span);
                    break;
                case (Mp4BoxHeader.Stbl, Mp4BoxHeader.Stsd) when track is not null:
                    await ReadStsdAsync(child, track).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Traf, Mp4BoxHeader.Tfhd):
                    await ReadTfhdAsync(child, traf!).ConfigureAwait(false);
                    break;
                case (Mp4BoxHeader.Traf, Mp4BoxHeader.Tfdt):
                    var tfdt = await ReadLeafAsync(child, Mp4BoxParsers.TfdtMinimum).ConfigureAwait(false);
                    traf!.DecodeTime = Mp4BoxParsers.Tfdt(tfdt.Span);
                    break;
                case (Mp4BoxHeader.Traf, Mp4BoxHeader.Trun):
                    await ReadTrunAsync(child, traf!).ConfigureAwait(false);
                    break;
            }

            position = child.End;
        }

        if (traf is { HasTrackId: true })
        {
            _timeline.EndTrackFragment(traf, _tracks);
        }
    }

    /// <summary>
    /// Reads the box header at <paramref name="start"/>; <see langword="null"/> at the clean end of a top-level walk.
    /// Resolves 64-bit sizes (size 1) and "extends to the end of the parent" sizes (size 0), and checks the box fits.
    /// </summary>
    private async ValueTask<Mp4BoxHeader?> ReadHeaderAsync(long start, long parentEnd, Mp4BoxHeader? parent)
    {
        if (++_boxes > MediaReadLimits.MaxBoxes)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"it has more than {MediaReadLimits.MaxBoxes:N0} boxes (the limit the SDK reads; a real clip under 30 s has far fewer)"));
        }

        var bytes = _leaf.AsMemory(0, 16);
        _cursor.Seek(start);
        var read = await _cursor.ReadAsync(bytes[..8], _cancellationToken).ConfigureAwait(false);
        if ((parent is null && read < 8) || (read == 0 && parentEnd == long.MaxValue))
        {
            // A clean end (of the file, or of an open-ended box on a stream of unknown length), or a few trailing
            // bytes that cannot be a box.
            return null;
        }

        if (read < 8)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"the file is truncated: it ends at byte {start + read:N0}, inside '{parent!.Value.Name}'"));
        }

        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(bytes.Span);
        var type = BinaryPrimitives.ReadUInt32BigEndian(bytes.Span[4..]);
        var headerLength = 8;
        if (size == 1)
        {
            await _cursor.ReadExactlyAsync(bytes[8..16], $"the 64-bit size of box '{MediaFormatSniffer.FourCC(type)}'", _cancellationToken).ConfigureAwait(false);
            var large = BinaryPrimitives.ReadUInt64BigEndian(bytes.Span[8..]);
            if (large > long.MaxValue)
            {
                throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                    $"box '{MediaFormatSniffer.FourCC(type)}' at byte {start:N0} declares an impossible 64-bit size"));
            }

            size = (long)large;
            headerLength = 16;
        }
        else if (size == 0)
        {
            // "Extends to the end of the file" (top level) or of the enclosing box.
            size = parentEnd == long.MaxValue ? long.MaxValue - start : parentEnd - start;
        }

        if (type == Mp4BoxHeader.Uuid)
        {
            headerLength += 16;
        }

        var header = new Mp4BoxHeader(type, start, size, headerLength);
        if (size < headerLength)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"box '{header.Name}' at byte {start:N0} declares a size of {size:N0} bytes, less than its own header"));
        }

        if (size > parentEnd - start)
        {
            if (parent is { } p)
            {
                throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                    $"box '{header.Name}' at byte {start:N0} declares {size:N0} bytes, past the end of its parent '{p.Name}' (byte {p.End:N0})"));
            }

            // A cut inside the movie's own boxes is a truncated file; a trailing box of another kind running past the
            // end is junk some writers leave after a complete movie, which players ignore too.
            if (IsEssential(type) || !_hasMoov)
            {
                throw Truncated(parentEnd, start, header);
            }

            return null;
        }

        return header;
    }

    /// <summary>Reads a leaf box's fixed fields (at least <paramref name="minimum"/> bytes, at most <see cref="LeafBytes"/>).</summary>
    private async ValueTask<ReadOnlyMemory<byte>> ReadLeafAsync(Mp4BoxHeader box, int minimum)
    {
        if (box.ContentLength < minimum)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"box '{box.Name}' at byte {box.Start:N0} is too short ({box.ContentLength:N0} bytes) to hold its fields"));
        }

        var length = (int)Math.Min(box.ContentLength, LeafBytes);
        var memory = _leaf.AsMemory(0, length);
        _cursor.Seek(box.ContentStart);
        await _cursor.ReadExactlyAsync(memory, $"box '{box.Name}'", _cancellationToken).ConfigureAwait(false);
        return memory;
    }

    private async Task ReadMvhdAsync(Mp4BoxHeader box)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.MvhdMinimum).ConfigureAwait(false);
        _timeline.SetMovieHeader(Mp4BoxParsers.Mvhd(box, memory.Span));
    }

    private async Task ReadMehdAsync(Mp4BoxHeader box)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.MehdMinimum).ConfigureAwait(false);
        _timeline.MovieExtendsDuration = Mp4BoxParsers.Mehd(memory.Span);
    }

    private async Task ReadTrexAsync(Mp4BoxHeader box)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.TrexMinimum).ConfigureAwait(false);
        var (trackId, defaultDuration) = Mp4BoxParsers.Trex(memory.Span);
        _timeline.SetTrackDefaults(trackId, defaultDuration);
    }

    private async Task ReadTkhdAsync(Mp4BoxHeader box, Mp4Track track)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.TkhdMinimum).ConfigureAwait(false);
        var header = Mp4BoxParsers.Tkhd(box, memory.Span);
        track.Enabled = header.Enabled;
        track.TrackId = header.TrackId;
        track.Rotation = header.Rotation;
        track.FixedWidth = header.FixedWidth;
        track.FixedHeight = header.FixedHeight;
    }

    private async Task ReadMdhdAsync(Mp4BoxHeader box, Mp4Track track)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.MdhdMinimum).ConfigureAwait(false);
        var clock = Mp4BoxParsers.Mdhd(box, memory.Span);
        track.MediaTimescale = clock.Timescale;
        track.MediaDuration = clock.Duration;
    }

    /// <summary>The first sample entry's coded width and height, when the box is long enough to hold one.</summary>
    private async Task ReadStsdAsync(Mp4BoxHeader box, Mp4Track track)
    {
        if (box.ContentLength < Mp4BoxParsers.StsdMinimum)
        {
            return;
        }

        var memory = await ReadLeafAsync(box, Mp4BoxParsers.StsdMinimum).ConfigureAwait(false);
        if (Mp4BoxParsers.Stsd(memory.Span) is var (width, height))
        {
            track.SampleWidth = width;
            track.SampleHeight = height;
        }
    }

    private async Task ReadTfhdAsync(Mp4BoxHeader box, Mp4TrackFragment traf)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.TfhdMinimum).ConfigureAwait(false);
        var header = Mp4BoxParsers.Tfhd(box, memory.Span);
        traf.TrackId = header.TrackId;
        traf.HasTrackId = true;
        if (header.DefaultDuration is { } defaultDuration)
        {
            traf.DefaultDuration = defaultDuration;
        }
    }

    /// <summary>
    /// Adds a track run's sample durations: each sample's own (flag 0x100) or the fragment's default. The per-sample
    /// table is streamed through the cursor in small pieces, never loaded whole.
    /// </summary>
    private async Task ReadTrunAsync(Mp4BoxHeader box, Mp4TrackFragment traf)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.TrunMinimum).ConfigureAwait(false);
        var run = Mp4BoxParsers.Trun(memory.Span);
        var count = run.Count;
        var entryLength = run.EntryLength;

        _fragmentSamples += count;
        if (_fragmentSamples > MediaReadLimits.MaxFragmentSamples)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"its track runs ('trun') list more than {MediaReadLimits.MaxFragmentSamples:N0} samples"));
        }

        if (box.ContentLength < run.FixedLength + (count * entryLength))
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"box 'trun' at byte {box.Start:N0} lists {count:N0} samples but is only {box.Size:N0} bytes long"));
        }

        traf.HasRuns = true;
        if (!run.HasSampleDurations)
        {
            traf.Duration += (ulong)count * _timeline.DefaultSampleDuration(traf);
            return;
        }

        var perChunk = 1024;
        var chunk = ArrayPool<byte>.Shared.Rent(perChunk * entryLength);
        try
        {
            _cursor.Seek(box.ContentStart + run.FixedLength);
            while (count > 0)
            {
                var entries = (int)Math.Min(count, perChunk);
                var bytes = chunk.AsMemory(0, entries * entryLength);
                await _cursor.ReadExactlyAsync(bytes, "box 'trun'", _cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < entries; i++)
                {
                    traf.Duration += Mp4BoxParsers.TrunSampleDuration(chunk.AsSpan(i * entryLength, entryLength));
                }

                count -= entries;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The first segment index: the sum of its references' durations is the indexed presentation's length.</summary>
    private async Task ReadSidxAsync(Mp4BoxHeader box)
    {
        var memory = await ReadLeafAsync(box, Mp4BoxParsers.SidxMinimum).ConfigureAwait(false);
        var index = Mp4BoxParsers.Sidx(box, memory.Span);
        var entriesAt = box.ContentStart + index.EntriesOffset;
        if (box.End - entriesAt < index.Count * (long)Mp4BoxParsers.SidxReferenceLength)
        {
            throw new MediaProblemException(string.Create(CultureInfo.InvariantCulture,
                $"box 'sidx' at byte {box.Start:N0} lists {index.Count:N0} references but is only {box.Size:N0} bytes long"));
        }

        ulong total = 0;
        var entry = new byte[Mp4BoxParsers.SidxReferenceLength];
        _cursor.Seek(entriesAt);
        for (var i = 0; i < index.Count; i++)
        {
            await _cursor.ReadExactlyAsync(entry, "box 'sidx'", _cancellationToken).ConfigureAwait(false);
            total += Mp4BoxParsers.SidxReferenceDuration(entry);
        }

        _timeline.SetSegmentIndex(index.Timescale, total);
    }

    private (TimeSpan Duration, int Width, int Height, int Rotation) Outcome()
    {
        if (!_hasMoov)
        {
            throw new MediaProblemException("it has no movie header ('moov' box): the file is incomplete (cut short, or still being written) or not a playable MP4/MOV");
        }

        if (!_timeline.HasMovieHeader)
        {
            throw new MediaProblemException("its 'moov' box has no movie header ('mvhd')");
        }

        var video = _tracks.Find(t => t.IsVideo && t.Enabled) ?? _tracks.Find(t => t.IsVideo)
            ?? throw new MediaProblemException("it has no video track (no track with the 'vide' handler)");

        var (width, height) = (video.DisplayWidth, video.DisplayHeight);
        if (width <= 0 || height <= 0)
        {
            throw new MediaProblemException("its video track gives no picture size (tkhd and the sample description both say 0)");
        }

        return (_timeline.Duration(_tracks), width, height, video.Rotation);
    }

    /// <summary>Boxes a player needs whole: the movie header, the media data and movie fragments.</summary>
    private static bool IsEssential(uint type) =>
        type is Mp4BoxHeader.Moov or Mp4BoxHeader.Mdat or Mp4BoxHeader.Moof;

    private static MediaProblemException Truncated(long fileEnd, long boxEnd) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"the file is truncated: a box runs to byte {boxEnd:N0} but the file ends at byte {fileEnd:N0}"));

    private static MediaProblemException Truncated(long fileEnd, long start, Mp4BoxHeader box) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"the file is truncated: box '{box.Name}' at byte {start:N0} declares {box.Size:N0} bytes, but the file ends at byte {fileEnd:N0}"));
}
