// Run by video.bench.ts in its own process: the storyboard of one video, then this process's peak
// resident memory, so the figure is the decode worker's alone.
import { extractVideo } from '../electron/core/extract/video/video.extractor.ts';
import { DEFAULT_LIMITS } from '../electron/core/extract/extract-result.ts';

const path = process.argv[2] ?? '';
const result = await extractVideo({ path, name: 'bench.mp4' }, DEFAULT_LIMITS);
process.stdout.write(
  JSON.stringify({
    frames: result.frames.length,
    damaged: result.damaged,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
