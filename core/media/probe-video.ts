import { runMediaProcess } from './ffmpeg-process';
import type { MediaTools } from './media-tools';
import { UnreadableMediaError } from './unreadable-media-error';

export interface VideoProbe {
  /** As displayed: swapped when rotation metadata turns the picture by 90° or 270°. */
  width: number;
  height: number;
  durationS: number;
  frameRate: number | null;
  videoCodec: string;
  audioCodec: string | null;
  hasAudio: boolean;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  tags?: { rotate?: string };
  side_data_list?: Array<{ side_data_type?: string; rotation?: number | string }>;
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string };
}

/** ffprobe output is small, but a hostile file can make it chatty. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Reads a video's metadata with ffprobe (JSON output: the flat text format loses the
 * display-matrix side data), then decodes its last seconds,
 * which fails on a file cut short even when its index (a faststart moov) is intact.
 */
export async function probeVideo(file: string, tools: MediaTools): Promise<VideoProbe> {
  const probe = await ffprobe(file, tools);
  const video = probe.streams?.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!video) throw new UnreadableMediaError('The file has no video stream');
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  const durationS = positive(probe.format?.duration) ?? positive(video.duration);
  if (durationS === undefined) throw new UnreadableMediaError('The video has no duration: it is empty or damaged');
  await assertTailDecodes(file, tools);
  const turned = Math.abs(rotationDegrees(video)) % 180 === 90;
  return {
    width: turned ? video.height! : video.width!,
    height: turned ? video.width! : video.height!,
    durationS,
    frameRate: frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate),
    videoCodec: video.codec_name ?? 'unknown',
    audioCodec: audio?.codec_name ?? null,
    hasAudio: audio !== undefined,
  };
}

async function ffprobe(file: string, tools: MediaTools): Promise<FfprobeOutput> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file];
  try {
    const { stdout } = await runMediaProcess(tools.ffprobePath, args, { maxStdoutBytes: MAX_OUTPUT_BYTES, timeoutMs: PROBE_TIMEOUT_MS });
    return JSON.parse(stdout.toString('utf8')) as FfprobeOutput;
  } catch (err) {
    throw unreadable('The video cannot be read (truncated or corrupt)', err, file);
  }
}

/**
 * Decodes the last two seconds of the first video stream; -xerror turns any decode error into failure.
 * `-enc_time_base -1` keeps the source's time base: by default the null output's is 1/frame rate,
 * and a variable-rate phone clip's closer frames collide in it ("non monotonically increasing dts").
 */
async function assertTailDecodes(file: string, tools: MediaTools): Promise<void> {
  const args = ['-v', 'error', '-xerror', '-sseof', '-2', '-i', file, '-map', '0:v:0', '-enc_time_base', '-1', '-f', 'null', '-'];
  try {
    const { stderr } = await runMediaProcess(tools.ffmpegPath, args, { maxStdoutBytes: MAX_OUTPUT_BYTES, timeoutMs: PROBE_TIMEOUT_MS });
    if (stderr.trim()) throw new Error(stderr.trim());
  } catch (err) {
    throw unreadable('The video is truncated or corrupt: its last frames cannot be decoded', err, file);
  }
}

/**
 * Degrees the player turns the picture: the display matrix side data (what current ffmpeg
 * writes and reports) or, from older muxers, the `rotate` tag.
 */
function rotationDegrees(stream: FfprobeStream): number {
  const matrix = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && d.rotation !== undefined);
  const degrees = Number(matrix?.rotation ?? stream.tags?.rotate ?? 0);
  return Number.isFinite(degrees) ? Math.round(degrees) : 0;
}

/** "30000/1001" → 29.97; "0/0" (unknown) → null. */
function frameRate(ratio: string | undefined): number | null {
  const [num, den] = (ratio ?? '').split('/').map(Number);
  if (!num || !den) return null;
  return Math.round((num / den) * 1000) / 1000;
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** A binary that is missing or killed by the timeout is our problem, not the file's: retry. */
function unreadable(message: string, err: unknown, file: string): Error {
  const e = err as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
  if (e.code === 'ENOENT' || e.code === 'EACCES' || e.killed) return err as Error;
  // ffmpeg's own lines name the cause; its log prefixes and our temporary path mean nothing to a person.
  const lines = (e.stderr || e.message || '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\[[^\]]*\]\s*/, '')
        .replaceAll(`${file}: `, '')
        .replaceAll(file, 'the file')
        .trim(),
    )
    .filter(Boolean);
  const detail = [...new Set(lines)].join('; ').slice(0, 200);
  return new UnreadableMediaError(detail ? `${message}: ${detail}` : message, { cause: err });
}
