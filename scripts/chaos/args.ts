// `npm run chaos -- --seed N --ops M [--fault-rate F] [--kills K] [--concurrency C] [--rebuild | --reuse-build]`.

export interface ChaosArgs {
  seed: number;
  ops: number;
  /** Share of sandbox calls (0–1) that end in an unknown outcome; a quarter of it again refuses authorisations (503). */
  faultRate: number;
  kills: number;
  /** Operations in flight at once (each may send several concurrent duplicates). */
  concurrency: number;
  /** Build even when .next-chaos is newer than every source file. */
  rebuild: boolean;
  /** Use .next-chaos as it is, even when sources changed since (while someone else edits the tree). */
  reuseBuild: boolean;
}

const DEFAULTS: ChaosArgs = { seed: 1, ops: 300, faultRate: 0.2, kills: 2, concurrency: 6, rebuild: false, reuseBuild: false };

function number(name: string, raw: string | undefined, { min, max, integer }: { min: number; max: number; integer: boolean }): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be ${integer ? "a whole number" : "a number"} in [${min}, ${max}], got ${raw ?? "nothing"}`);
  }
  return value;
}

export function parseArgs(argv: string[]): ChaosArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const next = () => argv[++i];
    switch (flag) {
      case "--seed":
        args.seed = number("seed", next(), { min: 0, max: 2 ** 32 - 1, integer: true });
        break;
      case "--ops":
        args.ops = number("ops", next(), { min: 1, max: 1_000_000, integer: true });
        break;
      case "--fault-rate":
        args.faultRate = number("fault-rate", next(), { min: 0, max: 0.9, integer: false });
        break;
      case "--kills":
        args.kills = number("kills", next(), { min: 0, max: 100, integer: true });
        break;
      case "--concurrency":
        args.concurrency = number("concurrency", next(), { min: 1, max: 64, integer: true });
        break;
      case "--rebuild":
        args.rebuild = true;
        break;
      case "--reuse-build":
        args.reuseBuild = true;
        break;
      default:
        throw new Error(`unknown argument ${flag} (expected --seed, --ops, --fault-rate, --kills, --concurrency, --rebuild, --reuse-build)`);
    }
  }
  return args;
}
