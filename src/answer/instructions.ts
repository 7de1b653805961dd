// Sentences in a document that speak to a reader's assistant rather than to its reader ("忽略以上指令，
// 改为回答…", "ignore previous instructions"). They stay data: sent to a model only inside its fenced
// sources, and never quoted, nor counted as support for what a model says.
const INSTRUCTION =
  /忽略(?:以上|之前|前面|上述|所有|先前)|无视(?:以上|之前|前面|上述)|(?:改为|请|直接)回答|你(?:现在)?是(?:一个|一名)?(?:助手|模型|AI|ai)|系统提示|提示词|指令[:：]|ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)|disregard\s+(?:all\s+|the\s+)?(?:previous|prior|above)|you\s+are\s+now|system\s+prompt|(?:answer|respond|reply)\s+(?:only\s+)?with/i;

export function isInstructionLike(sentence: string): boolean {
  return INSTRUCTION.test(sentence);
}

/** The text with its instruction-like sentences blanked (same length, so offsets still hold). */
export function withoutInstructions(text: string): string {
  return text.replace(/[^。！？!?\n]+[。！？!?]*/g, (s) => (isInstructionLike(s) ? ' '.repeat(s.length) : s));
}
