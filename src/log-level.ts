// Who reads the logs decides their default level: the Slack bot's operators (info), or a person at
// the console or the CLI, whose terminal is for answers (warn). Kept apart from log.ts so that the
// CLI can choose before anything loads the logger.
let forPeople = false;

/** Unless LOG_LEVEL says otherwise, only warnings and errors reach the terminal. Call before logging starts. */
export function logForPeopleAtTerminal(): void {
  forPeople = true;
}

export const defaultLogLevel = (): 'warn' | 'info' => (forPeople ? 'warn' : 'info');
