// Slack's published limits that this app's messages, views and streams must stay within.
export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextActionsElements: 5,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  viewTitle: 24,
  headerText: 150,
  messageText: 40000,
  /** Characters of text in one rich_text block: kept to the section limit, Slack's own is not published. */
  richText: 3000,
  /** chat.startStream / appendStream / stopStream markdown_text, and each markdown_text chunk. */
  markdownText: 12000,
  suggestedPrompts: 4,
  loadingMessages: 10,
  blockId: 255,
} as const;
