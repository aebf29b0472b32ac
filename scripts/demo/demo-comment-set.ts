import { DEMO_COMMENTS, type DemoComment } from './demo-comments';
import { generatedComments } from './generated-comments';
import { realDemoComments } from './real-demo-comments';

export interface DemoCommentSet {
  comments: DemoComment[];
  /** The labelled real comments file when it was not there (the demo then has templates only). */
  realMissing: string | null;
}

/**
 * Every comment the demo imports: the hand-written ones, a few hundred from templates, and real
 * comments from the corpora folder when it is installed. External ids are stable, so importing
 * the set again adds nothing.
 */
export function demoCommentSet(corporaDir: string): DemoCommentSet {
  const real = realDemoComments(corporaDir);
  return { comments: [...DEMO_COMMENTS, ...generatedComments(), ...real.comments], realMissing: real.missing };
}
