import { canonicalName } from './version.ts';

/** A requirement as pip reads it from the command line or a requirements file (PEP 508, without URLs). */
export interface Requirement {
  /** As written, what pip echoes in "Collecting ..." lines. */
  readonly text: string;
  readonly name: string;
  readonly key: string;
  readonly spec: string;
  /** `-r requirements.txt (line 3)`, the name of the requirement that pulled this one in, or undefined on the command line. */
  readonly from?: string;
}

export function parseRequirement(text: string, from?: string): Requirement | undefined {
  // Environment markers after `;` are dropped: pip would evaluate them, and the index data already has.
  const body = text.split(';')[0]!.trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*\(?\s*([^)]*?)\s*\)?$/.exec(body);
  if (!m) return undefined;
  return { text: body, name: m[1]!, key: canonicalName(m[1]!), spec: m[3]!.replace(/\s+/g, ''), ...(from ? { from } : {}) };
}

export type RequirementsLine = { readonly req: Requirement } | { readonly include: string } | { readonly unsupported: string };

/**
 * The lines of a requirements file that name packages, and its `-r` includes. Comments, blank lines and index
 * options (`--index-url`, `--extra-index-url`, `--trusted-host`, `--no-binary`...) are skipped; `-e` editable and
 * URL requirements are reported as unsupported.
 */
export function parseRequirementsFile(text: string, fileName: string): RequirementsLine[] {
  const out: RequirementsLine[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const include = /^(?:-r|--requirement)(?:\s+|=)(.+)$/.exec(line);
    if (include) {
      out.push({ include: include[1]!.trim() });
      return;
    }
    const editable = line.startsWith('-e') || line.startsWith('--editable');
    if (line.startsWith('-') && !editable) return;
    if (editable || /:\/\//.test(line) || line.startsWith('.') || line.startsWith('/')) {
      out.push({ unsupported: line });
      return;
    }
    const req = parseRequirement(line, `-r ${fileName} (line ${i + 1})`);
    out.push(req ? { req } : { unsupported: line });
  });
  return out;
}
