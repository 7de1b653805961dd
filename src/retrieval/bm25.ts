// BM25 over lexical tokens (jieba words + Han bigrams), persisted with the index.
// LangChain's BM25Retriever splits on spaces, which does not work for Chinese, hence this scorer.
export type Bm25Index = {
  k1: number;
  b: number;
  avgLength: number;
  lengths: number[];
  /** token → [chunk positions…, term frequencies…] (two halves of one array, for compact JSON). */
  postings: Record<string, number[]>;
};

export function buildBm25(tokenLists: string[][], k1 = 1.2, b = 0.75): Bm25Index {
  // Chunks are visited in order, so each token's postings are appended already sorted; a nested
  // Map per token would hold tens of millions of entries at 100k paragraphs.
  const ids = new Map<string, number[]>();
  const tfs = new Map<string, number[]>();
  tokenLists.forEach((tokens, i) => {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      const list = ids.get(t);
      if (list) {
        list.push(i);
        tfs.get(t)!.push(tf);
      } else {
        ids.set(t, [i]);
        tfs.set(t, [tf]);
      }
    }
  });
  const lengths = tokenLists.map((t) => t.length);
  const avgLength = lengths.reduce((a, n) => a + n, 0) / Math.max(1, lengths.length);
  const postings: Record<string, number[]> = {};
  for (const [t, list] of ids) postings[t] = list.concat(tfs.get(t)!);
  return { k1, b, avgLength, lengths, postings };
}

const MIN_TOKEN_WEIGHT = 0.05;
const DEFAULT_LIMIT = 100;

export type Bm25Scorer = {
  size: number;
  idf(token: string): number;
  /** Scores every chunk for the weighted query tokens; returns positions with a score, best first. */
  search(
    tokens: Array<{ token: string; weight: number }>,
    allowed?: (position: number) => boolean,
    limit?: number,
  ): Array<{ position: number; score: number }>;
};

export function bm25Scorer(index: Bm25Index): Bm25Scorer {
  const n = index.lengths.length;
  const postings = new Map<string, { ids: Int32Array; tfs: Float32Array }>();
  for (const [t, arr] of Object.entries(index.postings)) {
    const half = arr.length / 2;
    postings.set(t, { ids: Int32Array.from(arr.slice(0, half)), tfs: Float32Array.from(arr.slice(half)) });
  }
  const norm = Float32Array.from(
    index.lengths,
    (len) => index.k1 * (1 - index.b + (index.b * len) / (index.avgLength || 1)),
  );
  const idf = (token: string) => {
    const df = postings.get(token)?.ids.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  return {
    size: n,
    idf,
    search(tokens, allowed, limit = DEFAULT_LIMIT) {
      const scores = new Float32Array(n);
      const touched: number[] = [];
      for (const { token, weight } of tokens) {
        const p = postings.get(token);
        if (!p) continue;
        const w = idf(token) * weight;
        // A token in most chunks (教育, 工作) barely moves the ranking but costs a walk over them all.
        if (w < MIN_TOKEN_WEIGHT) continue;
        for (let i = 0; i < p.ids.length; i++) {
          const id = p.ids[i];
          if (allowed && !allowed(id)) continue;
          const tf = p.tfs[i];
          if (scores[id] === 0) touched.push(id);
          scores[id] += (w * tf * (index.k1 + 1)) / (tf + norm[id]);
        }
      }
      return topK(touched, scores, limit);
    },
  };
}

/** The `limit` best positions, best first, without sorting every touched chunk. */
function topK(ids: number[], scores: Float32Array, limit: number): Array<{ position: number; score: number }> {
  if (ids.length <= limit)
    return ids.map((position) => ({ position, score: scores[position] })).sort((a, b) => b.score - a.score);
  const best: number[] = [];
  let floor = -Infinity;
  for (const id of ids) {
    const s = scores[id];
    if (best.length >= limit && s <= floor) continue;
    best.push(id);
    if (best.length > limit * 2) {
      best.sort((a, b) => scores[b] - scores[a]);
      best.length = limit;
      floor = scores[best[limit - 1]];
    }
  }
  return best
    .sort((a, b) => scores[b] - scores[a])
    .slice(0, limit)
    .map((position) => ({ position, score: scores[position] }));
}
