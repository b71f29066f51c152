// Local mode's stand-in for Microsoft Graph (adapters/local/local-graph.ts): how soon the looks at
// what Teams recorded run, and which documented refusal, if any, it answers with.

/** A tenant setting the local Graph can play, each answered as Graph documents it. */
export const LOCAL_GRAPH_ANSWERS = [
  'on',
  'off',
  'transcripts-off',
  'attribution-off',
  'not-billed',
  'not-permitted',
] as const;
export type LocalGraphAnswer = (typeof LOCAL_GRAPH_ANSWERS)[number];

export interface LocalGraphSettings {
  /** `off`: no local Graph and no looks; otherwise how it answers (`on`: everything allowed). */
  readonly answer: LocalGraphAnswer;
  /** Seconds before each look (the first after the ending): seconds here, not Azure's minutes. */
  readonly lookDelaysS: readonly number[];
}

/** What local mode's configuration holds of it. */
export interface LocalGraphConfig {
  readonly graph: LocalGraphSettings;
}

type Environment = Readonly<Record<string, string | undefined>>;

export function localGraphSettings(
  env: Environment,
  Failure: new (message: string) => Error,
): LocalGraphSettings {
  const answer = env.ROUNDTABLE_LOCAL_GRAPH ?? 'on';
  if (!LOCAL_GRAPH_ANSWERS.includes(answer as LocalGraphAnswer))
    throw new Failure(`ROUNDTABLE_LOCAL_GRAPH must be one of ${LOCAL_GRAPH_ANSWERS.join(', ')}.`);
  const delays = (env.ROUNDTABLE_LOCAL_GRAPH_DELAYS ?? '2,10,30').split(',').map(Number);
  if (delays.length < 1 || delays.length > 5 || !delays.every((d) => Number.isInteger(d) && d >= 0))
    throw new Failure(
      'ROUNDTABLE_LOCAL_GRAPH_DELAYS must be one to five whole numbers of seconds, such as 2,10,30.',
    );
  return { answer: answer as LocalGraphAnswer, lookDelaysS: delays };
}
