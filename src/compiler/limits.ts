/**
 * The compiler's input limits, in one place (README “Limits”). Cost grows linearly with the
 * input (npm run bench:hostile), so these do not protect against slow rules; they stop input
 * that no real document needs before it costs gigabytes: each is checked where the input is
 * read, and exceeding one is a positioned error with its rule id. Each can be raised (or
 * lowered) for a build by an environment variable, read when a document is compiled.
 */
export interface Limits {
  /** Largest source.txt in bytes (rule source/too-large). */
  sourceBytes: number;
  /** Longest line of source.txt in characters (rule source/line-too-long). */
  lineChars: number;
  /** Most YAML aliases one meta.yaml or overrides.yaml may expand (an “alias bomb” guard). */
  yamlAliases: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  // 32 MiB: the largest source seen is 0.2 MB; a 20 MB source compiles in about a minute.
  sourceBytes: 32 * 1024 * 1024,
  // 4 Mi characters: long enough for any paragraph written on one line, and for a 2 MB line
  // of Hangul or dashes (benchmarked), short of a whole large file on one line.
  lineChars: 4 * 1024 * 1024,
  // The yaml library's own default; metadata needs no aliases at all.
  yamlAliases: 100,
};

/** The environment variable that overrides each limit. */
export const LIMIT_ENV: Readonly<Record<keyof Limits, string>> = {
  sourceBytes: 'KB_MAX_SOURCE_BYTES',
  lineChars: 'KB_MAX_LINE_CHARS',
  yamlAliases: 'KB_MAX_YAML_ALIASES',
};

/** The limits in force: the defaults, overridden by the environment (a non-negative integer each). */
export function limits(env: Record<string, string | undefined> = process.env): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/u.test(raw.trim())) throw new Error(`${LIMIT_ENV[key]}=${raw}: expected a whole number (the default is ${DEFAULT_LIMITS[key]})`);
    out[key] = Number(raw.trim());
  }
  return out;
}
