import { ConfigError } from '../config';

/** Entry points fail with one clear line for a bad configuration, and a logged error otherwise. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
}
