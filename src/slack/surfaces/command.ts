// /plans: answered privately through the response URL; a note first only when the question waits
// in line, which the answer then replaces.
import type { RespondFn } from '@slack/bolt';
import type { Surface } from '../ask.js';
import { fallbackText } from '../blocks/text.js';
import { strings } from '../i18n.js';

export function commandSurface(respond: RespondFn): Surface {
  let noted = false;
  return {
    async progress(ahead, lang) {
      if (!ahead) return;
      await respond({ response_type: 'ephemeral', text: fallbackText(strings(lang).inLine(ahead)) });
      noted = true;
    },
    async answer(outcome) {
      await respond({ response_type: 'ephemeral', replace_original: noted, ...outcome.message });
    },
    async note(message) {
      await respond({ response_type: 'ephemeral', replace_original: noted, ...message });
    },
  };
}
