/**
 * Inline LaTeX that a PDF converter writes where the PDF printed a formula or a figure as text: `$\leq 100\%$` for
 * `≤100%`, `$(56.38/56.38) \times 100\% = 100\%$`, `$\frac{\sum \text{样本数} …}{\text{总样本数}}$`. A reader of the
 * disclosure sees the printed text, so the math becomes that text: commands their symbols (`\times` ×, `\geq` ≥,
 * `\sum` ∑), `\text{X}` its X, a fraction `分子/分母` (a side that is more than one term in parentheses), spaces of
 * math mode dropped as TeX drops them. A figure in math (`$69.33\%$`, `$1{,}200$`) is then the figure as printed, which
 * the readers take as a number like any other.
 *
 * Math is found by pandoc's rule for `$…$`: the opening `$` is followed by a non-space, the closing one follows a
 * non-space and is not followed by a digit, on one line (`$5 和 $6` is no math).
 */

/** Commands that print one symbol. */
const SYMBOLS: Readonly<Record<string, string>> = {
  times: '×', cdot: '·', ast: '*', div: '÷', pm: '±', mp: '∓',
  le: '≤', leq: '≤', leqslant: '≤', ge: '≥', geq: '≥', geqslant: '≥', ne: '≠', neq: '≠', lt: '<', gt: '>',
  approx: '≈', sim: '∼', equiv: '≡', propto: '∝',
  sum: '∑', prod: '∏', int: '∫', infty: '∞', partial: '∂', nabla: '∇', surd: '√',
  circ: '°', degree: '°', prime: '′', cdots: '…', ldots: '…', dots: '…',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', Leftrightarrow: '⇔', uparrow: '↑', downarrow: '↓',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃', emptyset: '∅',
  because: '∵', therefore: '∴', angle: '∠', perp: '⊥', parallel: '∥', triangle: '△', square: '□', checkmark: '✓',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ',
  Psi: 'Ψ', Omega: 'Ω',
  quad: ' ', qquad: ' ',
};

/** Commands whose argument is printed as it stands: text (its spaces kept) and type styles of math. */
const TEXT_STYLES = new Set(['text', 'textrm', 'textbf', 'textit', 'textnormal', 'mbox']);
const MATH_STYLES = new Set([
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathbb', 'mathcal', 'boldsymbol', 'bm', 'operatorname',
  'overline', 'underline', 'hat', 'bar', 'vec', 'tilde', 'dot', 'widehat', 'widetilde',
]);
const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
/** Sizing and style commands that print nothing themselves. */
const SILENT = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'limits', 'nolimits']);

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '°': '°',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋',
};

/** One term: a fraction's side printed without parentheses (`56.38`, `总样本数`, `(a+b)`). */
function isTerm(text: string): boolean {
  return /^[\p{L}\p{N}.,%]*$/u.test(text) || (/^\(.*\)$/.test(text) && !/\).*\(/.test(text.slice(1, -1)));
}

const parenthesized = (text: string) => (isTerm(text) ? text : `(${text})`);

function script(marks: Readonly<Record<string, string>>, sign: string, text: string): string {
  const chars = [...text];
  if (chars.length > 0 && chars.every((c) => c in marks)) return chars.map((c) => marks[c]).join('');
  return `${sign}${parenthesized(text)}`;
}

/** Reads one formula (the text between the dollars) into the text it prints. */
class MathReader {
  private at = 0;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  /** Up to the end, or past the `}` that closes the group being read. */
  read(textMode: boolean, inGroup: boolean): string {
    let out = '';
    while (this.at < this.src.length) {
      const c = this.src[this.at];
      if (c === '}') {
        this.at++;
        if (inGroup) return out;
      } else if (c === '{') {
        this.at++;
        out += this.read(textMode, true);
      } else if (c === '\\') out += this.command(textMode);
      else if (c === '^' || c === '_') {
        this.at++;
        out += c === '^' ? script(SUPERSCRIPT, '^', this.argument(textMode)) : script(SUBSCRIPT, '_', this.argument(textMode));
      } else {
        this.at++;
        // Math mode drops the spaces of its source; `~` and `&` (alignment) space what they stand between.
        if (/\s/.test(c)) out += textMode && !out.endsWith(' ') ? ' ' : '';
        else out += c === '~' || c === '&' ? ' ' : c;
      }
    }
    return out;
  }

  /** A command's argument: a `{…}` group, a command, or one character. */
  private argument(textMode: boolean): string {
    while (this.at < this.src.length && /\s/.test(this.src[this.at])) this.at++;
    const c = this.src[this.at];
    if (c === undefined) return '';
    if (c === '{') {
      this.at++;
      return this.read(textMode, true);
    }
    if (c === '\\') return this.command(textMode);
    this.at++;
    return c;
  }

  private command(textMode: boolean): string {
    const name = /^[A-Za-z]+|^[\s\S]?/.exec(this.src.slice(this.at + 1, this.at + 41))![0];
    this.at += 1 + name.length;
    if (name === '') return '';
    if (name === '\\') return ' '; // a line break inside the formula
    if (!/^[A-Za-z]/.test(name)) return /[,;:!>]/.test(name) ? '' : name; // thin spaces print nothing; `\%` is `%`
    if (name in SYMBOLS) return SYMBOLS[name];
    if (TEXT_STYLES.has(name)) return this.argument(true).trim();
    if (MATH_STYLES.has(name)) return this.argument(textMode);
    if (FRACTIONS.has(name)) {
      const top = this.argument(textMode);
      return `${parenthesized(top)}/${parenthesized(this.argument(textMode))}`;
    }
    if (name === 'sqrt') return `√${parenthesized(this.argument(textMode))}`;
    if (SILENT.has(name)) {
      // `\left.` opens a pair with no delimiter on that side.
      if (this.src[this.at] === '.') this.at++;
      return '';
    }
    // A command this list does not know keeps its name: the formula says something, and nothing is dropped.
    return name;
  }
}

/** The text a formula prints. */
export function mathText(formula: string): string {
  return new MathReader(formula).read(false, false).trim();
}

/** Longer text between dollars is not one formula of a sentence; left as printed, which also bounds the nesting. */
const MATH = /( *)\$(?=[^\s$])([^$\n]{1,600}?)(?<=[^\s\\])\$(?![\d０-９])( *)/g;
const ASCII = /[!-~]/;

/** A line with every inline formula replaced by its text. */
export function latexText(text: string): string {
  if (!text.includes('$')) return text;
  return text.replace(MATH, (whole, before: string, formula: string, after: string, at: number) => {
    // The spaces a converter puts around inline math are not in the printed Chinese text (支出 $239.70$ 万元); beside
    // Latin text or an ASCII sign they stay (满意度 = …).
    const keepBefore = before !== '' && ASCII.test(text.charAt(at - 1));
    const keepAfter = after !== '' && ASCII.test(text.charAt(at + whole.length));
    return `${keepBefore ? ' ' : ''}${mathText(formula)}${keepAfter ? ' ' : ''}`;
  });
}
