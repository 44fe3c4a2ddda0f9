/**
 * BuildKit's progress colours (util/progress/progressui init.go and colors.go) as ANSI SGR strings. A finished step
 * is drawn in the `run` colour, a cancelled one and a warning in `cancel`/`warning`, a failed one in `error`. With
 * `NO_COLOR` set (to anything non-empty) there are no colours at all and `BUILDKIT_COLORS` is not even read.
 */

export interface ProgressColors {
  readonly run?: string;
  readonly cancel?: string;
  readonly warning?: string;
  readonly error?: string;
}

const sgr = (n: number) => `\x1b[${n}m`;

/** aec's Reset, appended by every aec.Apply. */
export const RESET = sgr(0);
/** aec.Faint: the log lines under a running step, drawn faint whatever the colour settings. */
export const FAINT = sgr(2);
/** aec.YellowF: buildx paints the warnings summary header with it unconditionally. */
export const YELLOW = sgr(33);

const NAMED: Readonly<Record<string, string>> = {
  default: sgr(39),
  black: sgr(30),
  red: sgr(31),
  green: sgr(32),
  yellow: sgr(33),
  blue: sgr(34),
  magenta: sgr(35),
  cyan: sgr(36),
  white: sgr(37),
  'light-black': sgr(90),
  'light-red': sgr(91),
  'light-green': sgr(92),
  'light-yellow': sgr(93),
  'light-blue': sgr(94),
  'light-magenta': sgr(95),
  'light-cyan': sgr(96),
  'light-white': sgr(97),
};

/** The defaults on Linux and macOS (Windows uses cyan for `run`, which a simulated Linux host never sees). */
export const DEFAULT_COLORS: ProgressColors = { run: NAMED.blue!, cancel: NAMED.yellow!, warning: NAMED.yellow!, error: NAMED.red! };

export interface ColorEnv {
  readonly NO_COLOR?: string;
  readonly BUILDKIT_COLORS?: string;
}

/**
 * The colours a client started with this environment uses. `BUILDKIT_COLORS` is `key=value` fields joined by `:`
 * (`run=green:error=light-red:cancel=255,165,0`); a value is a colour name or an `r,g,b` triple mapped to the nearest
 * of the 256-colour cube. Fields that do not parse are skipped: BuildKit logs a warning for them on its debug logger,
 * which the CLI does not show.
 */
export function progressColors(env: ColorEnv = {}): ProgressColors {
  if (env.NO_COLOR) return {};
  if (env.BUILDKIT_COLORS === undefined) return DEFAULT_COLORS;
  const colors: Record<string, string> = { ...DEFAULT_COLORS };
  for (const field of env.BUILDKIT_COLORS.split(':')) {
    const eq = field.indexOf('=');
    if (eq < 0 || field.includes('=', eq + 1)) continue;
    const key = field.slice(0, eq).toLowerCase();
    const value = field.slice(eq + 1);
    const color = NAMED[value.toLowerCase()] ?? (value.includes(',') ? rgb(value) : undefined);
    if (color !== undefined && (key === 'run' || key === 'cancel' || key === 'error' || key === 'warning')) colors[key] = color;
  }
  return colors;
}

/** aec.Color8BitF(aec.NewRGB8Bit(r, g, b)): each channel cut to 0..5 by integer division by 43. */
function rgb(value: string): string | undefined {
  const parts = value.split(',');
  if (parts.length !== 3) return undefined;
  const n = parts.map((p) => (/^[+-]?\d+$/.test(p) ? Number(p) : NaN));
  if (n.some((v) => !(v >= 0 && v <= 255))) return undefined;
  const [r, g, b] = n.map((v) => Math.trunc(v / 43)) as [number, number, number];
  return `\x1b[38;5;${16 + 36 * r + 6 * g + b}m`;
}

/** aec.Apply: the colour, the text, then a reset; no colour leaves the text alone. */
export function paint(text: string, color: string | undefined): string {
  return color === undefined ? text : color + text + RESET;
}
