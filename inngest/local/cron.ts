// Cron triggers: five fields (minute hour day-of-month month day-of-week), evaluated in UTC.
// Supports *, n, a-b, lists and /step; an optional "TZ=UTC " prefix. Other time zones throw.

type Field = Set<number>;
const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function parseField(src: string, [min, max]: [number, number]): Field {
  const out = new Set<number>();
  for (const part of src.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`unsupported cron field "${src}"`);
    const lo = m[1] === "*" ? min : Number(m[2]);
    const hi = m[1] === "*" ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : lo;
    const step = m[4] ? Number(m[4]) : 1;
    if (lo < min || hi > max || lo > hi || step < 1) throw new Error(`cron field "${src}" out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) out.add(max === 6 && v === 7 ? 0 : v);
  }
  return out;
}

export interface Cron {
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
  domAny: boolean;
  dowAny: boolean;
}

export function parseCron(expr: string): Cron {
  let src = expr.trim();
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(src);
  if (tz) {
    if (tz[1] !== "UTC" && tz[1] !== "Etc/UTC") throw new Error(`cron time zone "${tz[1]}" is not supported by the local executor (UTC only)`);
    src = src.slice(tz[0].length);
  }
  const parts = src.split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expr}" needs five fields`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, RANGES[i]!)) as [Field, Field, Field, Field, Field];
  return { minute, hour, dom, month, dow, domAny: parts[2] === "*", dowAny: parts[4] === "*" };
}

function dayMatches(c: Cron, d: Date): boolean {
  const dom = c.dom.has(d.getUTCDate()),
    dow = c.dow.has(d.getUTCDay());
  if (c.domAny) return dow;
  if (c.dowAny) return dom;
  return dom || dow;
}

/** The first fire time strictly after `after`. */
export function nextCronTime(expr: string | Cron, after: Date): Date {
  const c = typeof expr === "string" ? parseCron(expr) : expr;
  const d = new Date(after.getTime());
  d.setUTCSeconds(0, 0);
  d.setUTCMinutes(d.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (d.getTime() <= limit) {
    if (!c.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0);
      continue;
    }
    if (!dayMatches(c, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0);
      continue;
    }
    if (!c.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0);
      continue;
    }
    if (!c.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1);
      continue;
    }
    return d;
  }
  throw new Error(`cron "${typeof expr === "string" ? expr : "?"}" never fires`);
}
