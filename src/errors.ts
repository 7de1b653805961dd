// An error whose message is written for the person who can fix its cause (a bad path, a bad
// setting, an index built another way). Entry points print it as it is, without a stack trace;
// any other error is a bug, logged in full and shown only as a reference.
export class InputError extends Error {
  override name = 'InputError';
}
