/**
 * The one shape of an argument error's message: `<where>: <field> <requirement>, found <found>`, e.g.
 * "sampleGamma: shape must be a positive finite number, found 0". `where` names the function (or figure),
 * `field` the argument or the path inside it (`options.bins`, `labels[3]`), `requirement` says what was
 * expected starting with its verb ("must be …", "must not be empty", "must hold …"), and `found` what was
 * there instead (`String(n)` for a number, `describeFound(value)` for anything else).
 */
export function argumentMessage(where: string, field: string, requirement: string, found: string): string {
  return `${where}: ${field} ${requirement}, found ${found}`;
}
