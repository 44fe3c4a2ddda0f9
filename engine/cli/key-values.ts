/**
 * docker/cli's ConvertKVStringsToMap (and buildx's listToMap without env lookup), for `--label`: `k=v` pairs, a bare
 * `k` an empty value.
 */
export function keyValueMap(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) out[item] = '';
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
