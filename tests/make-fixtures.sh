#!/usr/bin/env bash
# Makes the small media fixtures the Media tests read, with real encoders (ffmpeg, libjpeg-turbo's jpegtran), and
# records what ffprobe says about each one in Fixtures/expected.json. The tests compare the SDK's header readers with
# those facts, so they never need ffmpeg themselves: run this script only to change or add a fixture, then commit the
# files it writes.
#
# Needs: ffmpeg + ffprobe, jpegtran, jq   (Debian: apt-get install -y ffmpeg libjpeg-turbo-progs jq)
# Every input is synthetic (lavfi colour/test sources, silent audio) at a very low bitrate, so the whole set stays small.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/MotionControl.Tests/Fixtures"
mkdir -p "$out"
cd "$out"

for tool in ffmpeg ffprobe jpegtran jq; do
  command -v "$tool" >/dev/null || { echo "make-fixtures: '$tool' is missing (apt-get install -y ffmpeg libjpeg-turbo-progs jq)" >&2; exit 1; }
done

ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }

# A flat colour compresses to almost nothing with x264 at crf 51; a few frames per second keeps the sample tables short.
x264=(-c:v libx264 -preset ultrafast -crf 51 -pix_fmt yuv420p)
colour() { echo "color=c=$1:s=$2:r=${3:-10}"; }

# --- videos --------------------------------------------------------------------------------------------------------
# moov before mdat ("fast start"), and the muxer's default: moov written last, after mdat.
ff -f lavfi -i "$(colour navy 640x360)" -t 3.5 "${x264[@]}" -movflags +faststart moov_first.mp4
ff -f lavfi -i "$(colour teal 640x360)" -t 4 "${x264[@]}" moov_last.mp4

# A phone's portrait clip: stored 1920x1080 with the matrix a phone writes for "turn 90 degrees clockwise"
# (0 1 / -1 0), displayed 1080x1920. ffmpeg 5.1 writes that matrix for the tag rotate=270 (its tag now counts
# counterclockwise), so ffprobe reports -90. A second clip carries the opposite quarter turn.
ff -f lavfi -i "$(colour olive 1920x1080 5)" -t 3 "${x264[@]}" -f mov rotated_src.mov
ff -i rotated_src.mov -c copy -metadata:s:v:0 rotate=270 -f mov rotated_portrait.mov
ff -f lavfi -i "$(colour orange 640x360)" -t 3 "${x264[@]}" rotated_src.mp4
ff -i rotated_src.mp4 -c copy -metadata:s:v:0 rotate=90 rotated_ccw.mp4
rm -f rotated_src.mov rotated_src.mp4

# Fragmented MP4: an empty moov (duration 0, no mehd) and one moof per keyframe; the duration lives in the fragments.
ff -f lavfi -i "$(colour maroon 360x640)" -t 4.2 "${x264[@]}" -g 10 -movflags frag_keyframe+empty_moov fragmented.mp4

# Durations around the limits (3 s minimum; 10 s / 30 s maximum). Two carry a silent AAC track, so the reader must pick
# the video track and the movie duration covers both.
ff -f lavfi -i "$(colour purple 360x640)" -f lavfi -i anullsrc=r=8000:cl=mono -t 2.5 "${x264[@]}" -c:a aac -b:a 8k -shortest duration_2_5s.mp4
ff -f lavfi -i "$(colour green 360x640)" -f lavfi -i anullsrc=r=8000:cl=mono -t 12 "${x264[@]}" -c:a aac -b:a 8k -shortest duration_12s.mp4
ff -f lavfi -i "$(colour gray 360x640 2)" -t 31 "${x264[@]}" duration_31s.mp4

# Too small, and too wide (3900 px > 3850 px).
ff -f lavfi -i "$(colour yellow 320x240)" -t 3 "${x264[@]}" small_320x240.mp4
ff -f lavfi -i "$(colour black 3900x480 2)" -t 3 "${x264[@]}" wide_3900.mp4

# An old-style QuickTime file that opens with a 'wide' atom and no 'ftyp' (the muxer writes ftyp, wide, mdat, moov;
# the ftyp box is cut off). Chunk offsets then point 20 bytes off, which header readers and ffprobe's duration ignore.
ff -f lavfi -i "$(colour silver 480x360)" -t 3 "${x264[@]}" -f mov legacy_src.mov
ftyp_size=$(( $(od -An -tu1 -N4 legacy_src.mov | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}') ))
tail -c +$((ftyp_size + 1)) legacy_src.mov > legacy_no_ftyp.mov
rm -f legacy_src.mov

# A download cut short: the first 60% of the moov-last file (its mdat runs past the end, and there is no moov).
size=$(stat -c %s moov_last.mp4)
head -c $((size * 6 / 10)) moov_last.mp4 > truncated.mp4

# Containers the vendors refuse (recognised and named, never parsed further).
ff -f lavfi -i "$(colour red 64x64 5)" -t 1 -c:v libvpx -b:v 10k video.webm
ff -f lavfi -i "$(colour red 64x64 5)" -t 1 -c:v mpeg4 -q:v 31 video.avi
ff -f lavfi -i "$(colour red 64x64 5)" -t 1 -c:v mpeg2video -q:v 31 -f mpegts video.ts

# --- images --------------------------------------------------------------------------------------------------------
ff -f lavfi -i "testsrc=s=400x600" -frames:v 1 -pix_fmt pal8 image.png
ff -f lavfi -i "testsrc=s=500x400" -frames:v 1 -q:v 31 image_baseline.jpg
jpegtran -progressive -copy none image_baseline.jpg > image_progressive.jpg
cp image.png png_named.jpg
ff -f lavfi -i "testsrc=s=320x320" -frames:v 1 -c:v libwebp -quality 5 image.webp
ff -f lavfi -i "testsrc=s=64x64" -frames:v 1 image.gif
ff -f lavfi -i "testsrc=s=32x32" -frames:v 1 image.bmp
ff -f lavfi -i "testsrc=s=32x32" -frames:v 1 -compression_algo deflate image.tiff

# --- what ffprobe says ---------------------------------------------------------------------------------------------
# format: the MediaFormat the SDK must report (ffprobe names mp4 and mov alike, so the script states it).
# width/height: the stored size of the first video stream; rotation: the display matrix's turn in clockwise degrees
# (ffprobe's side-data rotation counts counterclockwise, so it is negated). displayWidth/displayHeight: the size as
# displayed (swapped for 90/270). duration: the container's, in seconds.
describe() {
  local file=$1 format=$2
  local probe
  probe=$(ffprobe -v error -select_streams v:0 -show_entries format=duration,size:stream=width,height:stream_side_data=rotation -of json "$file" 2>/dev/null || echo '{}')
  jq -n --arg file "$file" --arg format "$format" --argjson p "$probe" --argjson size "$(stat -c %s "$file")" '
    ($p.streams[0] // {}) as $s
    | (($s.side_data_list // []) | map(select(.rotation != null)) | (.[0].rotation // 0)) as $rot
    | ((((0 - $rot) % 360) + 360) % 360) as $r
    | {
        file: $file,
        format: $format,
        size: $size,
        width: $s.width,
        height: $s.height,
        rotation: $r,
        displayWidth: (if $r == 90 or $r == 270 then $s.height else $s.width end),
        displayHeight: (if $r == 90 or $r == 270 then $s.width else $s.height end),
        duration: (($p.format.duration // null) | if . == null then null else tonumber end)
      }'
}

{
  describe moov_first.mp4 Mp4
  describe moov_last.mp4 Mp4
  describe rotated_portrait.mov QuickTime
  describe rotated_ccw.mp4 Mp4
  describe fragmented.mp4 Mp4
  describe duration_2_5s.mp4 Mp4
  describe duration_12s.mp4 Mp4
  describe duration_31s.mp4 Mp4
  describe small_320x240.mp4 Mp4
  describe wide_3900.mp4 Mp4
  describe legacy_no_ftyp.mov QuickTime
  describe image.png Png
  describe image_baseline.jpg Jpeg
  describe image_progressive.jpg Jpeg
  describe png_named.jpg Png
  describe image.webp WebP
  describe image.gif Gif
  describe image.bmp Bmp
  describe image.tiff Tiff
  describe video.webm WebM
  describe video.avi Avi
  describe video.ts MpegTs
} | jq -s '{ generator: "tests/make-fixtures.sh", ffprobe: $v, fixtures: . }' --arg v "$(ffprobe -version | head -1)" > expected.json

# The truncated file is not described by ffprobe's facts: the SDK must report a problem for it.
echo "make-fixtures: wrote $(ls | wc -l) files, $(du -cb -- * | tail -1 | cut -f1) bytes, in $out"
