import { GO_METHODS } from '../template/index.ts';

/** The last dotted part of a label key, `-` and `_` as spaces: `com.example.my-app` heads a column `my app`. */
function label(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1]!.replace(/[-_]/g, ' ');
}

/**
 * A table's header row data, docker's SubHeaderContext (formatter/custom.go): a map[string]string from field to
 * column label, so a field the type has no label for heads its column `<no value>`; its Label method lets
 * `{{.Label "com.example.my-app"}}` head a column too.
 */
export function headerContext(labels: Readonly<Record<string, string>>): Record<string, string> {
  return { ...labels, [GO_METHODS]: { Label: label } };
}
