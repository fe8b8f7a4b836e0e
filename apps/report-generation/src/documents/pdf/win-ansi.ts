/**
 * pdfkit's standard fonts (Helvetica) encode text as WinAnsi: anything outside it comes out as
 * garbage (a formula's "Σ" printed as ":2 †æ"). Known symbols are spelled out, the rest become "?".
 * Indonesian text is plain Latin and passes unchanged.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const SPELLED: Record<string, string> = { 'Σ': 'Sum ', '∑': 'Sum ', '≥': '>=', '≤': '<=', '≠': '!=', '→': '->', '←': '<-', '√': 'sqrt ', '∆': 'Delta ', 'Δ': 'Delta ', '≈': '~', '∞': 'inf', '−': '-' };

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch) || ch === '\n') out += ch;
    else out += SPELLED[ch] ?? '?';
  }
  return out;
}
