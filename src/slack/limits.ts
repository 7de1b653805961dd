// Slack's published Block Kit limits that this app's messages and views must stay within.
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  viewTitle: 24,
  headerText: 150,
  messageText: 40000,
} as const;
