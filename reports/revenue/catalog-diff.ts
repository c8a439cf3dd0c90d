/**
 * What a what-if variant changed in the catalog: the leaves of the resolved catalog documents
 * (runs.catalog_json) that differ between base and variant. Lists of objects with an `id` are matched
 * by id, so `plans[clic-s].fee` names the CLIC S fee wherever the plan sits in the list.
 */
export interface CatalogChange {
  path: string;
  base: unknown;
  variant: unknown;
}

export function catalogChanges(baseJson: string, variantJson: string): CatalogChange[] {
  const out: CatalogChange[] = [];
  walk(parse(baseJson), parse(variantJson), '', out);
  return out;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function walk(a: unknown, b: unknown, path: string, out: CatalogChange[]): void {
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      walk(a[key], b[key], path ? `${path}.${key}` : key, out);
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    const ids = (xs: unknown[]) => xs.every((x) => isRecord(x) && typeof x.id === 'string');
    if (ids(a) && ids(b)) {
      const byId = (xs: unknown[]) => new Map(xs.map((x) => [(x as { id: string }).id, x]));
      const am = byId(a);
      const bm = byId(b);
      for (const id of [...new Set([...am.keys(), ...bm.keys()])]) walk(am.get(id), bm.get(id), `${path}[${id}]`, out);
    } else {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out);
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: path || '(root)', base: a, variant: b });
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
