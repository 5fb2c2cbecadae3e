// How long a video may take, in one place: FFmpeg stops itself at its cap, and the decode pool's
// watchdog for a video job waits that long plus the time to hash and shrink every still, so the
// pool never kills a storyboard FFmpeg would have finished.

/** FFmpeg (WebAssembly) stops decoding a storyboard after this long. */
export const VIDEO_DECODE_TIMEOUT_MS = 120_000;

/** The watchdog of a video extract job: the FFmpeg cap and a minute for its stills. */
export const VIDEO_JOB_TIMEOUT_MS = VIDEO_DECODE_TIMEOUT_MS + 60_000;
