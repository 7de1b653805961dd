// Re-ingesting with a paid embedder: paragraphs whose text is unchanged keep the vectors of the
// build now serving (read back from its int8 store), so only new or changed text is sent to the API.
import { decodeDocuments } from './documents-file.js';
import { float32View, int32View, readVerified } from './files.js';
import { CHUNK_COLUMNS, FILES } from './layout.js';
import { readManifest } from './manifest.js';
import { dequantise, type QuantisedVectors } from './vectors.js';

export type VectorLookup = (text: string) => number[] | undefined;

export async function previousVectors(buildDir: string | undefined, model: string): Promise<VectorLookup | undefined> {
  if (!buildDir) return undefined;
  try {
    const manifest = await readManifest(buildDir);
    if (manifest.embedder.kind !== 'openai' || manifest.embedder.model !== model) return undefined;
    const record = new Map(manifest.files.map((f) => [f.name, f]));
    const file = (name: string) => readVerified(buildDir, record.get(name), name);
    const documents = decodeDocuments(file(FILES.documents).toString('utf8'), file(FILES.texts));
    const columns = int32View(file(FILES.chunks));
    const values = file(FILES.vectors);
    const vectors: QuantisedVectors = {
      dimension: manifest.embedder.dimension,
      values: new Int8Array(values.buffer, values.byteOffset, values.byteLength),
      scales: float32View(file(FILES.scales)),
    };
    const width = CHUNK_COLUMNS.length;
    const positionOf = new Map<string, number>();
    for (let p = 0; p < manifest.paragraphs; p++) {
      const [d, start, end] = columns.subarray(p * width, p * width + 3);
      positionOf.set(documents[d].text.slice(start, end), p);
    }
    return (text) => {
      const position = positionOf.get(text);
      return position === undefined ? undefined : dequantise(vectors, position);
    };
  } catch {
    // A previous build that cannot be read only means more embedding calls.
    return undefined;
  }
}
