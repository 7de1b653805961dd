// Query understanding: script, the places, years and document types a question names — recognised
// from the indexed documents' own metadata and aliases — and corpus-constrained expansion terms.
import { DOC_TYPES, type DocType } from '../ingest/metadata.js';
import { findPlaceMentions } from '../ingest/places.js';
import { detectScript, toSimplified, type Script } from '../text/script.js';
import { englishGroups, englishWords, glossaryPhrases, withGlossary, type Lexicon } from '../index/lexicon.js';
import type { PlanIndex } from '../index/store.js';
import { bigramToken, cutWords, hanBigrams, questionWords, taggedWords, words } from '../text/tokenize.js';

/**
 * One thing a question asks about, with the words that say it in the plans: a Chinese word and its
 * synonyms (lexicon, glossary), or an English phrase and its Chinese glosses. The answer step counts
 * how many of a question's terms a passage speaks of.
 */
export type QueryTerm = {
  /** The question's own words for it (simplified Chinese, or English). */
  text: string;
  /** Simplified-Chinese (or lower-case Latin) strings; a passage containing any of them speaks of the term. */
  alternatives: string[];
  /** Words that frame a question (教育, 工作, 安排, policy) and say nothing about its subject. */
  generic: boolean;
};

export type QueryUnderstanding = {
  question: string;
  script: Script;
  simplified: string;
  /** The question with place names and years taken out: what it asks about. */
  topic: string;
  places: string[];
  /** Places the question names that no indexed document is from. */
  unknownPlaces: string[];
  /** The question names an anonymised place ("XX市"), as some published plans do. */
  anonymised: boolean;
  years: number[];
  types: DocType[];
  expansions: string[];
  /** What the question asks about, term by term (see QueryTerm). */
  terms: QueryTerm[];
};

const TYPE_WORDS: Record<DocType, RegExp> = {
  工作要点: /要点|工作计划|priorities|key points|work plan/i,
  工作总结: /总结|summary|review/i,
  会议报道: /会议|会上|meeting|conference/i,
  规划: /规划|五年|plan\b/i,
  解读: /解读|起草说明|编制说明|interpretation|explanation|explained/i,
  报告: /报告|report\b/i,
  other: /$^/,
};

type PlaceAlias = { alias: string; place: string; short: boolean };
const aliasCache = new WeakMap<PlanIndex, PlaceAlias[]>();
/**
 * Aliases of the places the index has plans for, longest first (computed once per index). A county or
 * district is also asked about without its suffix (梅县 for 梅县区, 黄埔 for 黄埔区): such a short alias
 * must be used as a place (see `usedAsPlace`), since two characters are often an ordinary word.
 */
function indexedPlaceAliases(index: PlanIndex): PlaceAlias[] {
  let aliases = aliasCache.get(index);
  if (!aliases) {
    const known = new Map<string, PlaceAlias>();
    for (const d of index.documents)
      if (d.place !== 'unknown')
        for (const a of [d.place, ...d.placeAliases]) {
          const alias = a.toLowerCase();
          known.set(alias, { alias, place: d.place, short: false });
          const short = /^\p{Script=Han}{2,}(?=[区县旗])/u.exec(alias)?.[0];
          if (short && a.length === short.length + 1 && !known.has(short))
            known.set(short, { alias: short, place: d.place, short: true });
        }
    aliases = [...known.values()].sort((a, b) => b.alias.length - a.alias.length);
    aliasCache.set(index, aliases);
  }
  return aliases;
}

const parentsCache = new WeakMap<PlanIndex, Map<string, string[]>>();
/** For each indexed place, the places it lies in (its province and city), as its documents record them. */
function indexedPlaceParents(index: PlanIndex): Map<string, string[]> {
  let parents = parentsCache.get(index);
  if (!parents) {
    parents = new Map();
    for (const d of index.documents)
      if (d.place !== 'unknown' && d.placeParents.length)
        parents.set(d.place, [...new Set([...(parents.get(d.place) ?? []), ...d.placeParents])]);
    parentsCache.set(index, parents);
  }
  return parents;
}

/** A bare place name is a place when it opens the question, or a place word, 的 or a year follows it. */
const usedAsPlace = (text: string, at: number, alias: string) =>
  alias.length >= 3 || /^[a-z]/i.test(alias) || /[市省州县区旗的\d年]/.test(text[at + alias.length] ?? '') || at === 0;

/** A mention of someone at the start of a line: Slack's <@U123ABC> (or <!here>), or any @name. */
const MENTION = /^\s*(?:<[@!#][^>]*>|[@＠][\p{L}\p{N}_.\-]+)[\s,，:：;；、!！.。~～]*/u;
/** A greeting opening a line ("Hello!", "你好，", "Hi bot,"), in either Chinese script or English. */
const GREETING_START =
  /^\s*(?:你好|您好|嗨|哈[喽囉啰]|早上好|上午好|下午好|晚上好|早安|在[吗嗎]|hi|hello|hey|dear|good (?:morning|afternoon|evening))(?![a-z])(?:[\s,，]*(?:bot|机器人|機器人|there|all|team)(?![a-z]))?[\s,，:：;；!！.。~～]*/iu;
/** Politeness and framing before the question itself ("请问", "麻烦问一下", "Excuse me,", "Can you tell me"). */
const POLITE_START =
  /^\s*(?:[请請][问問](?:一下|下)?|[请請]教(?:一下)?|麻[烦煩](?:[问問](?:一下|下)?|你|您)?|[劳勞][驾駕]|打[扰擾](?:一下|了)|我?想[问問](?:一下|下)?|[问問](?:一下|下)|我?想(?:了解|知道)(?:一下)?|[请請]?告[诉訴]我|[帮幫]我(?:查|看)(?:一下|下|查|看)?|excuse me|please|pls|(?:could|can|would) you (?:please )?tell me|tell me|i(?:'d| would) like to know|i want to know|do you know)(?![a-z])[\s,，:：;；!！.。~～]*/iu;

/**
 * The question without what only addresses the bot or greets it: a leading @mention ("@plans-bot",
 * "<@U123ABC>"), a greeting ("Hello!", "你好，") and politeness ("请问", "Could you tell me") say
 * nothing of what is asked, and read as terms they would change the answer. A line that is nothing
 * but those keeps its last part ("@plans-bot 你好" → "你好"), which is small talk.
 */
export function withoutAddress(question: string): string {
  let text = question.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of [MENTION, GREETING_START, POLITE_START]) {
      const next = text.replace(re, '');
      if (next === text || !/[\p{L}\p{N}]/u.test(next)) continue;
      text = next;
      changed = true;
    }
  }
  return text;
}

export function understandQuery(index: PlanIndex, asked: string): QueryUnderstanding {
  const question = withoutAddress(asked);
  const script = detectScript(question);
  // Pinyin's syllable apostrophe (Jiang'an, Xi’an) is dropped, as the gazetteer writes the names.
  const simplified = toSimplified(question.normalize('NFKC')).replace(/([a-z])['’](?=[aeiou])/gi, '$1');
  // Names found are blanked out of the topic with as many spaces, so positions keep pointing into it.
  let topic = simplified;
  const blank = (at: number, end: number) => (topic = topic.slice(0, at) + ' '.repeat(end - at) + topic.slice(end));

  const places = new Set<string>();
  const mentions: Array<{ place: string; at: number; end: number }> = [];
  for (const { alias, place, short } of indexedPlaceAliases(index)) {
    const at = topic.toLowerCase().indexOf(alias);
    if (at < 0) continue;
    if (/^[a-z]/.test(alias) && (/[a-z]/i.test(topic[at - 1] ?? '') || /[a-z]/i.test(topic[at + alias.length] ?? '')))
      continue;
    const parents = indexedPlaceParents(index).get(place) ?? [];
    const before = simplified.slice(0, at);
    const afterParent = parents.some((p) => before.endsWith(p) || before.endsWith(`${p}市`));
    if (short && !usedAsPlace(topic, at, alias) && !afterParent) continue;
    places.add(place);
    mentions.push({ place, at, end: at + alias.length });
    blank(at, at + alias.length);
  }

  // "广州黄埔", "梅州市梅县区": a city written just before one of its districts only says where that
  // district is; it is not a second place asked about ("广州和黄埔区" still asks about both).
  const qualifies = (name: string, end: number) =>
    mentions.some(
      (m) =>
        (indexedPlaceParents(index).get(m.place) ?? []).includes(name) &&
        (m.at === end || (m.at === end + 1 && simplified[end] === '市')),
    );
  for (const m of mentions) if (qualifies(m.place, m.end)) places.delete(m.place);

  const unknownPlaces = new Set<string>();
  for (const m of findPlaceMentions(topic)) {
    if (m.place.level === 'county' || places.has(m.place.name)) continue;
    if (qualifies(m.place.name, m.index + m.alias.length)) {
      blank(m.index, m.index + m.alias.length);
      continue;
    }
    // A bare two-character name can be an ordinary word; count it as a place only when used as one.
    if (usedAsPlace(topic, m.index, m.alias)) unknownPlaces.add(m.place.name);
  }

  // "东京2020年新建多少所学校?": a name in a place's position — opening the question, just before its
  // year — that the gazetteer does not know and no plan uses is still the place asked about, one
  // without a plan; its question is not answered from whichever plan has a figure. Only a proper name
  // ("那么2020年…", "大家2020年…" open with a word, not a place).
  const leading = topic.match(/^\s*(\p{Script=Han}{2,8}?)的?\s*(?:19|20)\d{2}\s*年/u)?.[1];
  if (!places.size && !unknownPlaces.size && leading && unknownName(index, leading)) unknownPlaces.add(leading);

  const anonymised =
    /(XX|xx|××|某)(省|市|州|县|区)/.test(simplified) ||
    /\bXX\s*(city|province|prefecture|county|district)\b/i.test(simplified);
  const years = [...new Set([...simplified.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
  topic = topic
    .replace(/(XX|xx|××)(省|市|州|县|区)/g, ' ')
    .replace(/\bXX\s*(city|province|prefecture|county|district)(['’]s)?\b/gi, ' ')
    .replace(/(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?/g, ' ');
  const types = DOC_TYPES.filter((t) => TYPE_WORDS[t].test(simplified));

  const lexicon = withGlossary(index.lexicon);
  const groups = englishWords(question).length > 0 ? englishGroups(lexicon, fiveYearPlans(withoutNames(topic))) : [];
  const english = [...new Set(groups.flatMap((g) => g.targets))];
  const synonyms = words(topic).flatMap((w) => lexicon.zh[w] ?? []);
  const terms = [
    ...chineseTerms(lexicon, script === 'en' ? topic.replace(/[a-z]+/gi, ' ') : topic),
    ...groups.map((g) => ({
      text: g.phrase,
      // A word with no Chinese gloss that the plans write as it is (ESI, STEM, AI) is its own alternative.
      alternatives: g.targets.length || !index.postings.has(g.phrase) ? g.targets : [g.phrase],
      generic: g.phrase.split(' ').every((w) => EN_FRAME.has(w)),
    })),
  ];
  return {
    question,
    script,
    simplified,
    topic: topic.replace(/\s+/g, ' ').trim(),
    places: [...places],
    unknownPlaces: [...unknownPlaces],
    anonymised,
    years,
    types,
    expansions: [...new Set([...english, ...synonyms, ...terms.flatMap((t) => t.alternatives.slice(1))])].filter(
      (w) => !/^[a-z0-9]+$/.test(w),
    ),
    terms,
  };
}

const ORDINAL_CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** "the 14th Five-Year Plan" is written 十四五 in the plans: said so before the English is looked up. */
function fiveYearPlans(text: string): string {
  return text.replace(
    /\b1([0-9])(?:st|nd|rd|th)\s+five[-\s]year(?:\s+plans?)?\b/gi,
    (_, d: string) => ` 十${ORDINAL_CN[Number(d)]}五 `,
  );
}

/**
 * English names of places the index does not file ("Urad Middle Banner", "Wuhe County"): they say
 * where, not what, and their words ("middle", "banner") must not be looked up as terms.
 */
function withoutNames(text: string): string {
  return text.replace(
    /\b(?:[A-Z][a-z]+\s+){1,3}(?:County|League|Banner|City|Province|Prefecture|District|Municipality|Region)(?:['’]s)?\b/g,
    ' ',
  );
}

/** Words that only ask (什么, 哪些, 多少 …) or join: not terms at all. */
const ASKING = new Set(
  (
    '什么 哪些 哪几 哪 几 多少 怎么 怎样 如何 怎么样 吗 呢 啥 是 有 的 了 和 与 及 或 在 对 把 将 为 要 这 那 都 也 就 着 被 让 给 ' +
    '们 由 来 得 地 从 向 等 还 又 再 能 会 可以 应该 请问 一下 具体 分别 各 各自 哪个 哪一 些 最 有没有 是否 吧 呀 啊 我 我们 你 ' +
    '你们 他们 今年 去年 明年 年 年度 是不是 提出 提到 说 讲 关于 方面 哪方面 几个 几项 哪几项 之 其 该 个 项 所 名 次 多 少 ' +
    '这个 那个 这些 那些 里 中 上 下 后 前 内 以 并 而 但 如 若 则 已 已经 会上 啥样 什么样 分别是 叫 叫做 称为 属于 包括 目前 现在 之间 之后 之前 期间 当中 以来 ' +
    '希望 想 想要 准备 需要 应当 必须 拿出 给出 带好 管好 搞好 做好 弄好 时候 别人 大家 人家 能不能 不能 可不可以 一起 一块 考得 第几 ' +
    '排第几 怎么看 看待 看法 觉得 认为 知道 了解 告诉 说说 讲讲 介绍 到底 究竟 就是 还是 或者 以及 还有 另外 一般 通常 平时 经常 ' +
    '已经 曾经 正在 将要 将会 会不会 有无 哪里 哪儿 何时 多久 多长 为什么 为何 咋 咋样 咋办 怎么办 样子 变成 成为 今天 现今 如今 ' +
    '当时 头一项 那份 这份 那个 这个 那些 这些 里面 里头 方面的 到底是 都要 都有 都是 各自 各个 每个 是不是 整个 整体 一共 总共 越来越 越 更加 更 非常 很 太 特别 比较 有点 有些 啥措施 啥办法'
  ).split(' '),
);
/** Words that frame the question — kept as terms, but they say nothing of its subject. */
const FRAME = new Set(
  (
    '教育 工作 安排 打算 办法 措施 说法 规定 政策 要求 计划 规划 要点 重点 任务 目标 情况 内容 主要 举措 做法 部署 思路 ' +
    '设想 全市 全省 全州 全县 全区 我市 我省 我州 市 省 州 县 区 城市 地方 开展 推进 加强 进行 实施 落实 提升 做 搞 抓 抓好 ' +
    '完成 达到 要达到 实现 新 一 全 整体 总体 事情 事 东西 方面 领域 问题 部门 教育局'
  ).split(' '),
);
const EN_FRAME = new Set(
  'education educational work plan say said do doing done happen policy measure arrangement goal aim main key major new will target priority priorities focus call called name named known term termed describe described mention mentioned'.split(
    ' ',
  ),
);

/**
 * The Chinese terms of a question's topic: glossary phrases first (they may span jieba words, as
 * 放学后 does), then jieba words with their synonyms. A single character is a term only when the
 * glossary says what the plans call it (吃 → 营养, 餐): alone, it would match almost any paragraph.
 */
function chineseTerms(lexicon: Lexicon, topic: string): QueryTerm[] {
  let rest = topic.toLowerCase();
  const terms: QueryTerm[] = [];
  const phrases = glossaryPhrases(lexicon)
    .filter((k) => k.length >= 2 && rest.includes(k))
    .sort((a, b) => b.length - a.length);
  for (const phrase of phrases) {
    if (!rest.includes(phrase)) continue;
    terms.push({ text: phrase, alternatives: [...new Set([phrase, ...lexicon.zh[phrase]])], generic: false });
    rest = rest.split(phrase).join(' ');
  }
  for (const piece of rest.match(/[\p{Script=Han}a-z0-9.]+/gu) ?? []) {
    for (const word of cutWords(piece)) {
      if (ASKING.has(word) || !/[\p{L}\p{N}]/u.test(word)) continue;
      // Latin words inside a Chinese question (STEM, 5G) match as written; digits only when they name something (2035).
      if (/^[a-z0-9.]+$/.test(word)) {
        if (/[a-z]/.test(word) || word.length >= 3) terms.push({ text: word, alternatives: [word], generic: false });
        continue;
      }
      const synonyms = lexicon.zh[word] ?? [];
      if ([...word].length === 1) {
        if (synonyms.length) terms.push({ text: word, alternatives: synonyms, generic: false });
        continue;
      }
      terms.push({ text: word, alternatives: [...new Set([word, ...synonyms])], generic: FRAME.has(word) });
    }
  }
  return terms;
}

/**
 * A name no plan uses: none of its bigrams is in the corpus, and jieba reads it as a proper name (东京,
 * 纽约, 马斯克) or a word it does not know — not a common noun (大家, 火星) or a pronoun (咱们).
 */
function unknownName(index: PlanIndex, text: string): boolean {
  if (hanBigrams(text).some((b) => index.postings.has(bigramToken(b)))) return false;
  return taggedWords(text).every((t) => /^(n[srtz]|x|eng)/.test(t.tag));
}

/** A word the index can use: one the corpus has, or one the lexicon can expand into the corpus's words. */
const knownWord = (index: PlanIndex, word: string) => index.postings.has(word) || Object.hasOwn(index.lexicon.zh, word);

/** The words of a question, found against the index's own vocabulary (no dictionary to load). */
export const wordsOf = (index: PlanIndex, text: string) => questionWords(text, (w) => knownWord(index, w));

/** The BM25 tokens of a question's text: its words and its marked Han bigrams. */
export function questionTokens(index: PlanIndex, text: string): string[] {
  return [...wordsOf(index, text), ...hanBigrams(text).map(bigramToken)];
}
