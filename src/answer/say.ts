// Composed text (never quotes) in the asker's language and script: the Chinese wording, shown in
// traditional characters to a traditional-script asker, or the English one.
import { inScript, type Script } from '../text/script.js';

export function say(script: Script, chinese: string, english: string): string {
  return script === 'en' ? english : inScript(chinese, script);
}

/** The language and script a model is asked to reply in. */
export function languageName(script: Script): string {
  return script === 'en' ? 'English' : script === 'zh-Hant' ? 'traditional Chinese' : 'simplified Chinese';
}
