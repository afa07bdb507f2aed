// What a relation's quotes must show for what it claims: a denial says "not", a question is not a forecast, and
// background knowledge stays out of sourced text. Pure text rules, shared by the compiler and the tests.

/**
 * Words that deny, in the languages of the sources (Chinese and English). A negated relation needs a quote holding one
 * of them; the list is deliberately short and literal, so that a quote without any is a real finding.
 */
const NEGATION =
  /没有|没|不是|不会|不|未|尚未|无|非|并非|别|缺乏|缺少|缺|否|\bno\b|\bnot\b|\bnever\b|\bnone\b|\bwithout\b|\black(?:s|ing)?\b|n't\b/iu;

/** Words that contain a negating character but do not deny (未来 "future", 无论 "whatever", 非常 "very", …). */
const NOT_DENIALS = /无论|非常|未来|不仅|不断|不妨|不过|不同|除非/gu;

/** Whether `quote` contains a word of denial. */
export function expressesNegation(quote: string): boolean {
  return NEGATION.test(quote.replace(NOT_DENIALS, ' '));
}

/** Ends a sentence; closing quotation marks and brackets that follow the mark belong to the same sentence. */
const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s|$)/u;

/**
 * Whether `quote` belongs to a question: the sentence it ends in (read on in `text`, the source, when the quote is
 * found there; else the quote alone) closes with a question mark. "监管层会不会…介入?" is a question even when the quote
 * stops before the mark.
 */
export function isQuestion(quote: string, text?: string): boolean {
  const trimmed = quote.trimEnd();
  if (/[?？]["'”’」』)）]*$/u.test(trimmed)) return true;
  // A quote that ends its own sentence another way is not a question, whatever follows it.
  if (/[。！!.；;]["'”’」』)）]*$/u.test(trimmed)) return false;
  const at = text?.indexOf(trimmed) ?? -1;
  if (text === undefined || at < 0) return false;
  const rest = text.slice(at + trimmed.length);
  const end = SENTENCE_END.exec(rest);
  return end !== null && (end[0] === '?' || end[0] === '？');
}

/**
 * Markers of background knowledge written into a description (the forms curators use: "(background — x86 …)",
 * "Background, not stated in the article", "背景信息", "（背景：…）"); loose enough for those, strict enough that a
 * description quoting CSS (`background:url(…)`) is not one. Background has its own field, shown as "Background
 * (not from the source)", so that a reader never takes it for what the source says.
 */
const BACKGROUND_MARKERS =
  /\(background\b|\bbackground\s*[—–:-]\s|\bbackground,|background knowledge|not stated in the (?:article|source)|背景信息|背景[：:]|（背景|\(背景/iu;

/** Whether a sourced text (a description) holds background knowledge that belongs in the background field. */
export function holdsBackground(text: string): boolean {
  return BACKGROUND_MARKERS.test(text);
}

/** A note that calls its relation implied or inferred (such a relation must say `basis: inferred`). */
const INFERENCE_WORDS = /\bimplie[sd]\b|\binferred\b|\binferred from\b|推断|推测/iu;

/** Whether a relation's note says the relation is implied or inferred rather than stated. */
export function noteSaysInferred(note: string): boolean {
  return INFERENCE_WORDS.test(note);
}
