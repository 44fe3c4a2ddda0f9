// BuildKit checks --chmod when it converts COPY/ADD (dockerfile2llb/convert_copy.go), not when it types them, so
// the message carries no `dockerfile parse error` prefix; conversion calls this.

const SYMBOLIC_CLAUSE = /^[ugoa]*([-+=]([rwxXst]*|[ugo]))+$/;

/**
 * Undefined when the value is acceptable: octal up to 07777, or a symbolic mode (dockerfile 1.14+). Otherwise
 * BuildKit's octal message. (For a non-numeric bad value BuildKit prints its symbolic parser's own error, whose
 * text we have not checked; the octal message stands in for it.)
 */
export function checkChmod(value: string): string | undefined {
  if (value === '') return undefined;
  const nonOctal = `invalid chmod parameter: '${value}'. it should be octal string and between 0 and 07777`;
  if (/^[0-7]+$/.test(value)) return parseInt(value, 8) > 0o7777 ? nonOctal : undefined;
  if (value.split(',').every((clause) => SYMBOLIC_CLAUSE.test(clause))) return undefined;
  return nonOctal;
}
