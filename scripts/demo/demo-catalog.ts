/**
 * Who and what the demo library holds: creators of every tier on three platforms, the
 * products they show, and the images and clips they made (generated, see demo-media.ts).
 */

export const DEMO_PRODUCTS = {
  tshirt: 'SKU-TSHIRT-01',
  sneaker: 'SKU-SNEAKER-02',
  mug: 'SKU-MUG-03',
  backpack: 'SKU-BACKPACK-04',
} as const;

export interface DemoCreator {
  /** As the API stores it: lower case, no `@`. */
  handle: string;
  platform: 'instagram' | 'tiktok' | 'youtube';
  followers: number;
  engagementRate: number;
}

/** One of each tier (and one under 1,000 followers, tier `none`), Polish and English handles. */
export const DEMO_CREATORS: readonly DemoCreator[] = [
  { handle: 'nowa.tworczyni', platform: 'tiktok', followers: 640, engagementRate: 0.112 },
  { handle: 'ania.gotuje', platform: 'instagram', followers: 4_800, engagementRate: 0.071 },
  { handle: 'tom_makes_coffee', platform: 'instagram', followers: 9_200, engagementRate: 0.064 },
  { handle: 'kuba_biega', platform: 'tiktok', followers: 37_500, engagementRate: 0.052 },
  { handle: 'marta.dom', platform: 'youtube', followers: 64_000, engagementRate: 0.038 },
  { handle: 'zosia.w.podrozy', platform: 'instagram', followers: 212_000, engagementRate: 0.029 },
  { handle: 'lena.style', platform: 'tiktok', followers: 860_000, engagementRate: 0.041 },
  { handle: 'mike.unboxes', platform: 'youtube', followers: 1_450_000, engagementRate: 0.017 },
  { handle: 'sneakerhead.pl', platform: 'tiktok', followers: 2_300_000, engagementRate: 0.022 },
];

export type ImageFormat = 'jpeg' | 'png' | 'webp';

interface DemoMediaBase {
  /** Stable name: licenses and comments refer to media by it. */
  key: string;
  creator: string;
  title: string;
  skus: string[];
  /** Full-size dimensions; the small demo divides them. */
  width: number;
  height: number;
  /** Two colours: an image's gradient, a clip's label background. */
  colors: [string, string];
}

export interface DemoImage extends DemoMediaBase {
  kind: 'image';
  format: ImageFormat;
  caption: string;
}

/** The standard ad cut lengths: every demo clip is long enough for all of them. */
export const STANDARD_CUT_DURATIONS_S = [6, 15, 30] as const;

export interface DemoClip extends DemoMediaBase {
  kind: 'video';
  /** Over 30 s (STANDARD_CUT_DURATIONS_S), with room for the hook finder to choose a start. */
  durationS: number;
  /** Tone of the sine soundtrack; null: a clip without an audio stream. */
  toneHz: number | null;
}

export type DemoMedia = DemoImage | DemoClip;

const { tshirt, sneaker, mug, backpack } = DEMO_PRODUCTS;

export const DEMO_MEDIA: readonly DemoMedia[] = [
  {
    key: 'tshirt-flatlay',
    kind: 'image',
    creator: 'ania.gotuje',
    title: 'T-shirt flat lay',
    skus: [tshirt],
    width: 1080,
    height: 1080,
    colors: ['#ff9a8b', '#ff6a88'],
    format: 'jpeg',
    caption: 'Koszulka na co dzień',
  },
  {
    key: 'tshirt-mirror',
    kind: 'image',
    creator: 'lena.style',
    title: 'Mirror selfie in the tee',
    skus: [tshirt],
    width: 1080,
    height: 1350,
    colors: ['#a18cd1', '#fbc2eb'],
    format: 'jpeg',
    caption: 'Fit check',
  },
  {
    key: 'sneaker-street',
    kind: 'image',
    creator: 'sneakerhead.pl',
    title: 'Sneakers on the street',
    skus: [sneaker],
    width: 1600,
    height: 900,
    colors: ['#43e97b', '#38f9d7'],
    format: 'jpeg',
    caption: 'Nowe buty, stare miasto',
  },
  {
    key: 'sneaker-story',
    kind: 'image',
    creator: 'kuba_biega',
    title: 'Morning run story',
    skus: [sneaker],
    width: 1080,
    height: 1920,
    colors: ['#fa709a', '#fee140'],
    format: 'png',
    caption: '10 km przed pracą',
  },
  {
    key: 'mug-desk',
    kind: 'image',
    creator: 'tom_makes_coffee',
    title: 'Mug on the desk',
    skus: [mug],
    width: 800,
    height: 800,
    colors: ['#30cfd0', '#330867'],
    format: 'jpeg',
    caption: 'Monday fuel',
  },
  {
    key: 'mug-kitchen',
    kind: 'image',
    creator: 'marta.dom',
    title: 'Kitchen shelf with mugs',
    skus: [mug, backpack],
    width: 1200,
    height: 800,
    colors: ['#f6d365', '#fda085'],
    format: 'webp',
    caption: 'Kuchnia po remoncie',
  },
  {
    key: 'backpack-trail',
    kind: 'image',
    creator: 'zosia.w.podrozy',
    title: 'Backpack on the trail',
    skus: [backpack],
    width: 900,
    height: 1200,
    colors: ['#5ee7df', '#b490ca'],
    format: 'jpeg',
    caption: 'Tatry, dzień 3',
  },
  {
    key: 'tshirt-first-post',
    kind: 'image',
    creator: 'nowa.tworczyni',
    title: 'First post',
    skus: [tshirt],
    width: 1080,
    height: 1080,
    colors: ['#d4fc79', '#96e6a1'],
    format: 'png',
    caption: 'Mój pierwszy post!',
  },
  {
    key: 'sneaker-run-clip',
    kind: 'video',
    creator: 'kuba_biega',
    title: 'Running in the new sneakers (vertical phone clip)',
    skus: [sneaker],
    width: 1080,
    height: 1920,
    colors: ['#fa709a', '#fee140'],
    durationS: 32,
    toneHz: 440,
  },
  {
    key: 'unboxing',
    kind: 'video',
    creator: 'mike.unboxes',
    title: 'Unboxing: sneakers and tee',
    skus: [sneaker, tshirt],
    width: 1280,
    height: 720,
    colors: ['#667eea', '#764ba2'],
    durationS: 45,
    toneHz: 330,
  },
  {
    key: 'mug-pour-silent',
    kind: 'video',
    creator: 'tom_makes_coffee',
    title: 'Coffee pour (no sound)',
    skus: [mug],
    width: 640,
    height: 640,
    colors: ['#30cfd0', '#330867'],
    durationS: 31,
    toneHz: null,
  },
  {
    key: 'trail-vlog',
    kind: 'video',
    creator: 'zosia.w.podrozy',
    title: 'Trail vlog with the backpack',
    skus: [backpack],
    width: 540,
    height: 960,
    colors: ['#5ee7df', '#b490ca'],
    durationS: 36,
    toneHz: 523,
  },
  {
    key: 'tshirt-try-on',
    kind: 'video',
    creator: 'lena.style',
    title: 'Try-on (4:5, no sound)',
    skus: [tshirt],
    width: 720,
    height: 900,
    colors: ['#a18cd1', '#fbc2eb'],
    durationS: 34,
    toneHz: null,
  },
];
