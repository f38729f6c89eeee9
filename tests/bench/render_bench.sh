#!/usr/bin/env bash
# Render benchmark: our full render of the bundled example against the floor (one single FFmpeg
# run encoding the same images and audio for the same total duration with the same codec
# settings), and a re-render after one step's narration changed against the full render.
# Goals: full <= 1.3x floor; one-step re-render <= 25% of full.
# Usage: tests/bench/render_bench.sh [build-dir]   (default: build/release, else build/dev)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-}
if [ -z "$build" ]; then
  for b in build/release build/ci build/dev; do [ -x "$here/$b/app/cli/diy-studio-cli" ] && build="$here/$b" && break; done
fi
cli="$build/app/cli/diy-studio-cli"
[ -x "$cli" ] || { echo "diy-studio-cli not found; build first (cmake --preset release && cmake --build --preset release)"; exit 2; }
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/resources/examples/paper-airplanes" "$work/project"
jobs=$(nproc)

now() { date +%s.%N; }
json_get() { # file key  -> value of a top-level number (no jq/python needed)
  grep -o "\"$2\": *[0-9.e+-]*" "$1" | head -1 | sed 's/.*: *//'
}

echo "== full render (from scratch, --jobs $jobs)"
t0=$(now)
"$cli" render "$work/project" --json --jobs "$jobs" > "$work/full.json"
t1=$(now)
full=$(echo "$t1 - $t0" | bc -l)
duration=$(json_get "$work/full.json" durationSeconds)

echo "== floor: one ffmpeg run, same images and audio, same total duration and codec settings"
# Scene frames and narration in order, from the render summary.
grep -o '"frame": *"[^"]*"' "$work/full.json" | sed 's/.*: *"//; s/"$//' > "$work/frames.txt"
grep -o '"narration": *"[^"]*"' "$work/full.json" | sed 's/.*: *"//; s/"$//' > "$work/audio.txt"
grep -o '"durationMs": *[0-9]*' "$work/full.json" | sed 's/.*: *//' > "$work/durations.txt"
# The summary lists the total first in "checks"… keep only the per-scene durations (last N).
n=$(wc -l < "$work/frames.txt")
tail -n "$n" "$work/durations.txt" > "$work/scene-durations.txt"
{
  echo "ffconcat version 1.0"
  paste "$work/frames.txt" "$work/scene-durations.txt" | while IFS=$'\t' read -r f d; do
    printf "file '%s'\nduration %s\n" "$f" "$(echo "$d / 1000" | bc -l)"
  done
  printf "file '%s'\n" "$(tail -n1 "$work/frames.txt")"
} > "$work/images.ffconcat"
{
  echo "ffconcat version 1.0"
  while read -r a; do printf "file '%s'\n" "$a"; done < "$work/audio.txt"
} > "$work/audio.ffconcat"
t0=$(now)
ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$work/images.ffconcat" -f concat -safe 0 -i "$work/audio.ffconcat" \
  -map 0:v -map 1:a -vf "format=yuv420p" \
  -c:v libx264 -preset veryfast -tune stillimage -crf 21 -profile:v high -pix_fmt yuv420p -r 30 -g 60 \
  -c:a aac -b:a 160k -ar 48000 -ac 2 -t "$duration" -movflags +faststart "$work/floor.mp4"
t1=$(now)
floor=$(echo "$t1 - $t0" | bc -l)

echo "== re-render after one step's narration changed"
sed -i 's/Press the bottom fold flat\./Press the bottom fold nice and flat./' "$work/project/project.json"
grep -q "nice and flat" "$work/project/project.json" || { echo "bench: could not edit the example"; exit 2; }
t0=$(now)
"$cli" render "$work/project" --json --jobs "$jobs" > "$work/rerender.json"
t1=$(now)
rerender=$(echo "$t1 - $t0" | bc -l)

ratio=$(echo "$full / $floor" | bc -l)
reratio=$(echo "$rerender / $full" | bc -l)
printf "\nvideo duration           %8.1f s\n" "$duration"
printf "full render (ours)       %8.2f s\n" "$full"
printf "floor (single ffmpeg)    %8.2f s\n" "$floor"
printf "ratio full/floor         %8.2f   (goal <= 1.30) %s\n" "$ratio" "$( [ "$(echo "$ratio <= 1.3" | bc -l)" = 1 ] && echo MET || echo MISSED)"
printf "one-step re-render       %8.2f s\n" "$rerender"
printf "ratio rerender/full      %8.2f   (goal <= 0.25) %s\n" "$reratio" "$( [ "$(echo "$reratio <= 0.25" | bc -l)" = 1 ] && echo MET || echo MISSED)"
printf "stage seconds (full):    %s\n" "$(tr -d '\n ' < "$work/full.json" | grep -o '"stageSeconds":{[^}]*}' | tail -1)"
printf "stage seconds (re-run):  %s\n" "$(tr -d '\n ' < "$work/rerender.json" | grep -o '"stageSeconds":{[^}]*}' | tail -1)"
