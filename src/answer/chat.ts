// Not every line is a question about plans. Greetings, thanks and "what can you do" get a short
// reply saying what the bot does; so do lines with no word the bot can read (asdkjh qwe zzz) and
// questions about other things ("火星上有水吗?") — never quotes picked for words they do not share.
import type { PlanIndex } from '../index/store.js';
import { withoutAddress, type QueryUnderstanding } from '../retrieval/query.js';
import { detectScript, inScript, type Script } from '../text/script.js';
import type { Answer } from './model.js';

const GREETING =
  /^(?:你好|您好|嗨|哈喽|哈啰|早上好|上午好|下午好|晚上好|早安|晚安|在吗|在不在|谢谢|谢了|多谢|感谢|再见|拜拜|好的|ok|okay|hi|hello|hey|yo|thanks|thank you|thx|bye|goodbye|good (?:morning|afternoon|evening|night)|你是谁|你能做什么|你会什么|能做什么|怎么用|帮助|help|who are you|what can you do|how do i use (?:this|you))(?:[\s,，!！。.~～?？]*(?:bot|机器人|plans-bot))?[\s,，!！。.~～?？]*$/iu;

/** Characters of Chinese words that say a question is about schooling (学, 教, 校 …), in any script once simplified. */
const EDUCATION = /[学教校园课考师生育]|培训|招生|就业|经费|规划|计划|要点|总结|会议/;
const EDUCATION_EN =
  /\b(?:educat\w*|schools?|students?|teach\w*|kindergartens?|preschool|universit\w*|colleges?|class\w*|curricul\w*|exams?|plans?|priorit\w*|learn\w*|training|vocational|enrol\w*)\b/i;

/** A greeting, thanks or a request for help (after any @mention): answered without searching. */
export function isSmallTalk(question: string): boolean {
  return GREETING.test(withoutAddress(question).normalize('NFKC'));
}

/**
 * A line that is not a question about the plans: it names no place or year, has no word of
 * schooling, and the plans do not answer it directly — "asdkjh qwe zzz", "今天天气怎么样". (A line
 * without a word of schooling that the plans do answer, "党建有什么要求", is still answered.)
 */
export function isOffTopic(query: QueryUnderstanding, answeredDirectly: boolean): boolean {
  if (query.places.length || query.unknownPlaces.length || query.anonymised || query.years.length) return false;
  if (EDUCATION.test(query.simplified) || EDUCATION_EN.test(query.question)) return false;
  return !answeredDirectly;
}

/** The reply to small talk and off-topic lines: what the bot does, with an example from the index. */
export function capabilityAnswer(index: PlanIndex, question: string): Answer {
  const script: Script = detectScript(question);
  const doc = index.documents.find((d) => d.place !== 'unknown' && d.year !== 'unknown') ?? index.documents[0];
  const example = doc ? `${doc.place}${doc.year}年有哪些重点工作?` : '青岛2020年有哪些重点工作?';
  const places = [...new Set(index.documents.map((d) => d.place).filter((p) => p !== 'unknown'))].slice(0, 6);
  const answer =
    script === 'en'
      ? `I answer questions about the indexed education plans (work priorities, summaries, development plans, meeting reports)${places.length ? ` — for ${places.join(', ')}` : ''} — quoting the paragraphs I rely on. Ask, for example, “${doc ? `What are ${doc.place}'s priorities for ${doc.year}?` : 'What are the priorities for 2020?'}”, or use: summary <place> [year] · compare <place A> <place B> [topic] · search <keywords> · docs.`
      : inScript(
          `我可以回答关于已收录教育计划（工作要点、工作总结、规划、会议报道）的问题${places.length ? `（${places.join('、')}等地）` : ''}，并逐字引用所依据的原文段落。可以这样问：“${example}”，也可以用：summary <地点> [年份] · compare <地点A> <地点B> [主题] · search <关键词> · docs。`,
          script,
        );
  return {
    question,
    answer,
    found: false,
    mode: 'extractive',
    confidence: 0,
    citations: [],
    closest: [],
    evidence: 'off-topic',
  };
}
