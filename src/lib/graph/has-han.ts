// Whether text contains Chinese characters: a tiny check kept apart from pinyin.ts so callers need not load the dictionary.
const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
